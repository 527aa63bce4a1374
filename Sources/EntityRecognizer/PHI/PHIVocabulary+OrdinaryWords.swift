extension PHIVocabulary {
    /// Whether a word (lower-case key bytes) is in the non-name whitelist of ordinary English and
    /// medical words. The entity recognizer uses it to leave real words uncorrected by its
    /// typo tolerance ("endoscope" is not a typo of "endoscopy").
    public func isOrdinaryWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bits(wordKey(bytes, 0, bytes.count)).contains(.ordinaryWord)
    }
}

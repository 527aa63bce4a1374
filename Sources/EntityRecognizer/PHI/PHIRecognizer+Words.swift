import MedTextCore

// Single word keys of the PHIRecognizer+*.swift extensions; their word sets are data (``PHIRuleSet``).

extension K {
    @inline(__always) static var page: UInt64 { 0x038b2a0deba58916 }  // "page"
}

import MedTextCore

// Single word keys of the PHIRecognizer+*.swift extensions; their word sets are data (``PHIRuleSet``).

extension K {
    static let page = wordKey("page")
}

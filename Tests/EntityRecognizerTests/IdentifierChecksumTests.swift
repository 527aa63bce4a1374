import EntityRecognizer
import Testing

/// Valid examples are computed by the published algorithms (none is a real person's number).
@Suite struct IdentifierChecksumTests {
    @Test(arguments: ["2123456701", "2950891791", "29508917911"])
    func medicareValid(_ s: String) { #expect(IdentifierChecksums.australianMedicare(s)) }

    @Test(arguments: ["2123456711", "7123456701", "212345670", "21234567a1", "2123456700"])
    func medicareInvalid(_ s: String) { #expect(!IdentifierChecksums.australianMedicare(s)) }

    @Test func luhnAndNPI() {
        #expect(IdentifierChecksums.luhn("79927398713"))
        #expect(!IdentifierChecksums.luhn("79927398710"))
        #expect(IdentifierChecksums.usNPI("1234567893"))
        #expect(!IdentifierChecksums.usNPI("1234567890"))
    }

    @Test func healthcareIdentifiers() {
        // 800360 + 9 digits + Luhn digit.
        let base = "800360123456789"
        let check = (0...9).first { IdentifierChecksums.luhn(base + String($0)) }!
        let ihi = base + String(check)
        #expect(IdentifierChecksums.australianHealthcareIdentifier(ihi) == (true, "IHI"))
        #expect(IdentifierChecksums.australianHealthcareIdentifier("800361" + ihi.dropFirst(6)).kind == "HPI-I")
        #expect(!IdentifierChecksums.australianHealthcareIdentifier("900360123456789" + String(check)).valid)
    }

    @Test func tfnAbnDeaSsnMbi() {
        #expect(IdentifierChecksums.australianTFN("123456782"))
        #expect(!IdentifierChecksums.australianTFN("123456789"))
        #expect(IdentifierChecksums.australianABN("51824753556"))
        #expect(!IdentifierChecksums.australianABN("51824753557"))
        #expect(IdentifierChecksums.usDEA("AB1234563"))
        #expect(!IdentifierChecksums.usDEA("AB1234567"))
        #expect(IdentifierChecksums.usSSN("123456789"))
        #expect(!IdentifierChecksums.usSSN("666123456"))
        #expect(!IdentifierChecksums.usSSN("123006789"))
        #expect(IdentifierChecksums.usMBI("1EG4TE5MK73"))
        #expect(!IdentifierChecksums.usMBI("1SG4TE5MK73"))
    }
}

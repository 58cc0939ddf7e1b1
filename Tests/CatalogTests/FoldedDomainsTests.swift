@testable import Catalog
import Testing

/// The catalog checks' case folding: `String.lowercased()`, with shortcuts.
@Suite("Folded domains")
struct FoldedDomainsTests {
    @Test func foldsAsLowercasedDoes() {
        let texts = ["", "qr.acme.example", "QR.Acme.Example", "promo-10", "PROMO-1O", "Ünïcode.example", "straße", "İstanbul", "x\u{301}", "a/B"]
        for text in texts {
            #expect(FoldedDomains.lowercased(text) == text.lowercased())
            #expect(Array(FoldedDomains.lowercased(text).utf8) == Array(text.lowercased().utf8))
        }
    }

    @Test func remembersOnlyTheLastDomain() {
        var domains = FoldedDomains()
        #expect(domains.lowercased("QR.acme.example") == "qr.acme.example")
        #expect(domains.lowercased("QR.acme.example") == "qr.acme.example")
        #expect(domains.lowercased("Go.Acme.Example") == "go.acme.example")
        #expect(domains.lowercased("QR.acme.example") == "qr.acme.example")
        #expect(domains.lowercased("") == "")
    }

    @Test func numbersDomainsByTheirFoldedForm() {
        var domains = FoldedDomains()
        let qr = domains.index(of: "qr.acme.example")
        let go = domains.index(of: "go.acme.example")
        #expect(qr != go)
        #expect(domains.index(of: "QR.Acme.Example") == qr)
        #expect(domains.index(of: "go.acme.example") == go)
        #expect(domains.lowercased("GO.acme.example") == "go.acme.example")
        #expect(domains.index(of: "qr.acme.example") == qr)
    }
}

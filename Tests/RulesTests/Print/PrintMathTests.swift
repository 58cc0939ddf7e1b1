import Catalog
import Foundation
import Testing
@testable import Rules

/// The numbers behind the print rules: contrast ratios, module sizes and their wording.
@Suite("Print rules: the math")
struct PrintMathTests {
    private func colour(_ text: String) throws -> Colour { try #require(Colour.parse(text)) }

    @Test func contrastRatiosOfKnownColours() throws {
        let black = try colour("#000000"), white = try colour("#FFFFFF")
        #expect(abs(ContrastRatio.between(black, white) - 21) < 1e-9)
        #expect(ContrastRatio.between(white, black) == ContrastRatio.between(black, white))
        #expect(ContrastRatio.between(white, white) == 1)
        // WCAG's well-known pairs: #777777 on white just misses 4.5:1, #767676 just makes it.
        let grey77 = ContrastRatio.between(try colour("#777777"), white)
        let grey76 = ContrastRatio.between(try colour("#767676"), white)
        #expect(grey77 > 4.47 && grey77 < 4.48)
        #expect(grey76 > 4.54 && grey76 < 4.55)
        // CMYK 100% black is black; 70% black, converted naively, a dark grey: far from white, close to black.
        #expect(abs(ContrastRatio.between(try colour("cmyk(0,0,0,100)"), white) - 21) < 1e-9)
        #expect(ContrastRatio.between(try colour("cmyk(0,0,0,70)"), white) > 8)
        #expect(ContrastRatio.between(try colour("cmyk(0,0,0,70)"), black) < 3)
    }

    /// The table-driven luminance is `Colour.relativeLuminance` exactly, for every 8-bit value
    /// in every channel.
    @Test func tableLuminanceEqualsTheModels() {
        for value in 0...255 {
            let v = UInt8(value)
            for colour in [Colour.rgb(red: v, green: v, blue: v), .rgb(red: v, green: 0, blue: 0),
                           .rgb(red: 0, green: v, blue: 0), .rgb(red: 0x1A, green: 0x23, blue: v)] {
                #expect(ContrastRatio.luminance(colour) == colour.relativeLuminance, "\(colour)")
            }
        }
        let ink = Colour.cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10)
        #expect(ContrastRatio.luminance(ink) == ink.relativeLuminance)
    }

    /// module = size / (modules + 2 × quiet zone): version 2 (25 modules) at 25 mm with the
    /// standard quiet zone of 4 is 25 / 33 mm; version 3 at 25 mm, 25 / 37 = 0.676 mm (docs/artwork.md).
    @Test(arguments: [
        (25.0, 25, 4, 25.0 / 33), (25.0, 29, 4, 0.675_675), (12.0, 33, 4, 12.0 / 41), (10.0, 21, 0, 10.0 / 21),
    ])
    func moduleSize(size: Double, modules: Int, quietZone: Int, expected: Double) throws {
        let code = GovernanceHarness.code("artwork: {size: \(size)mm, quiet-zone: \(quietZone)}\n")
        let settings = try settings(code)
        #expect(abs(settings.moduleMillimetres(symbolModules: modules) - expected) < 1e-6)
    }

    @Test func settingsFallBackFromTheCodeToThePolicyToTheBuiltInDefaults() throws {
        let policies = RuleExampleRunner.standardPolicies.replacingOccurrences(
            of: "artwork: {min-module: 0.33mm, min-contrast: 3, min-quiet-zone: 4}",
            with: "artwork: {ec: Q, size: 30mm, min-contrast: 4.5}")
        let inherited = try settings(GovernanceHarness.code("artwork: {size: 20mm}\n"), policies: policies)
        #expect(inherited.sizeMillimetres == 20)                 // the code's own
        #expect(inherited.errorCorrection == .Q)                  // the policy's default
        #expect(inherited.quietZone == 4)                          // built in
        #expect(inherited.foreground == Colour.rgb(red: 0, green: 0, blue: 0))
        #expect(inherited.background == Colour.rgb(red: 255, green: 255, blue: 255))
        #expect(inherited.minContrast == 4.5)
        #expect(inherited.minModuleMillimetres == 0.33)           // built in
        #expect(inherited.minQuietZone == 4)
        let bare = try settings(GovernanceHarness.code(), policies: "version: 1\ndefault-domain: qr.acme.example\n")
        #expect(bare.errorCorrection == .M)
        #expect(bare.sizeMillimetres == 25)
        #expect(bare.minContrast == 3)
        #expect(PrintSettings.payload(domain: "qr.acme.example", slug: "cx1") == "https://qr.acme.example/cx1")
    }

    /// The payload is what `qrops build` prints (`ShortURL`): bytes outside RFC 3986's
    /// unreserved set are percent-encoded, which also rules URL compaction out.
    @Test func payloadPercentEncodesTheSlugLikeTheBuild() {
        #expect(PrintSettings.payload(domain: "qr.acme.example", slug: "Cx-1._~") == "https://qr.acme.example/Cx-1._~")
        #expect(PrintSettings.payload(domain: "qr.acme.example", slug: "a b/c") == "https://qr.acme.example/a%20b%2Fc")
        #expect(PrintSettings.payload(domain: "qr.acme.example", slug: "café") == "https://qr.acme.example/caf%C3%A9")
    }

    /// The version bound counts the payload's bytes without making it: the same count.
    @Test(arguments: ["cx1", "Cx-1._~", "a b/c", "café", "", "%25?#&="])
    func payloadByteCountIsThePayloadsLength(_ slug: String) {
        #expect(ShortURL.byteCount(domain: "qr.acme.example", slug: slug)
            == PrintSettings.payload(domain: "qr.acme.example", slug: slug).utf8.count)
    }

    @Test func numbersAreWrittenWithoutRoundingUpToAMinimum() {
        #expect(PrintText.decimal(0.33, places: 2) == "0.33")
        #expect(PrintText.decimal(0.329_99, places: 2) == "0.32")
        #expect(PrintText.decimal(90.909, places: 2) == "90.90")
        #expect(PrintText.decimal(7, places: 2) == "7.00")
        #expect(PrintText.decimal(0.05, places: 2) == "0.05")
        #expect(PrintText.ratio(4.478) == "4.47:1")
        #expect(PrintText.sizeToWrite(atLeast: 13.53) == "13.6mm")
        #expect(PrintText.sizeToWrite(atLeast: 264.0) == "264mm")
        #expect(PrintText.sizeToWrite(atLeast: 10.89) == "10.9mm")
        #expect(PrintText.plain(3) == "3")
        #expect(PrintText.plain(4.5) == "4.5")
        #expect(PrintText.plain(33.333) == "33.33")
    }

    private func settings(_ code: String, policies: String = RuleExampleRunner.standardPolicies) throws -> PrintSettings {
        let decoded = try PrintTestSupport.decode(code, policies: policies)
        return PrintSettings(decoded.code, RuleContext(policies: decoded.policies, now: RuleExampleRunner.now))
    }

    @Test func theShapeIsTheShortURLs() throws {
        let decoded = try PrintTestSupport.decode(GovernanceHarness.code("domain: go.acme.example\n"), policies: RuleExampleRunner.standardPolicies)
        let settings = PrintSettings(decoded.code, RuleContext(policies: decoded.policies, now: RuleExampleRunner.now))
        // https://GO.ACME.EXAMPLE/CX1 at M: version 2 (as qr.acme.example, the same length).
        #expect(settings.shape(of: decoded.code, decoded.policies)?.version == 2)
        #expect(settings.shape(of: decoded.code, decoded.policies, level: .H)?.version == 3)
        let noDomain = try PrintTestSupport.decode(GovernanceHarness.code(), policies: "version: 1\n")
        let noDomainSettings = PrintSettings(noDomain.code, RuleContext(policies: noDomain.policies, now: RuleExampleRunner.now))
        #expect(noDomainSettings.shape(of: noDomain.code, noDomain.policies) == nil)
    }
}

import Catalog
import Diagnostics
import Foundation
import Testing
@testable import Rules

/// The print rules beyond their documented examples: exact messages and hints, where findings
/// land, the boundaries, and the symbol versions worked out by hand from ISO/IEC 18004.
@Suite("Print rules: messages and boundaries")
struct PrintRuleTests {
    private func only(_ id: String, _ code: String, policies: String = RuleExampleRunner.standardPolicies) -> [Diagnostic] {
        let run = GovernanceHarness.lint(code, policies: policies)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.message))")
        return run.findings(of: id)
    }

    private func policies(artwork: String) -> String {
        RuleExampleRunner.standardPolicies.replacingOccurrences(
            of: "artwork: {min-module: 0.33mm, min-contrast: 3, min-quiet-zone: 4}", with: "artwork: " + artwork)
    }

    private let at = { (line: Int, column: Int) in SourceLocation(file: "codes/example.yaml", line: line, column: column) }

    // MARK: module-too-small

    /// `https://qr.acme.example/coffee-x1-setup` on a case-insensitive domain is encoded as
    /// `https` (byte mode, 4 + 8 + 40 bits) and `://QR.ACME.EXAMPLE/COFFEE-X1-SETUP`
    /// (alphanumeric, 34 characters: 4 + 9 + 17 × 11 bits): 252 bits, 32 codewords. At level H
    /// version 3 holds 26 data codewords, version 4 36: version 4, 33 modules, 41 with the
    /// quiet zone; 12 / 41 = 0.293 mm. At level L version 2 (34 codewords) holds it: 12 / 33 = 0.364 mm.
    @Test func moduleTooSmallNamesTheVersionAndTheFix() throws {
        let code = GovernanceHarness.code("artwork:\n  ec: H\n  size: 12mm\n", slug: "coffee-x1-setup")
        let finding = try #require(only("module-too-small", code).first)
        #expect(finding.message == "modules of 0.29 mm at `size: 12mm`: the short URL needs version 4-H, 33 modules "
            + "(41 with the quiet zone); the minimum module is 0.33 mm")
        #expect(finding.hint == "make `size` at least 13.6mm, or lower `ec` to L (version 2, 0.36 mm modules), or use a shorter slug")
        #expect(finding.location == at(8, 3))
        #expect(finding.severity == .error)
        #expect(only("module-too-small", GovernanceHarness.code("artwork:\n  ec: H\n  size: 13.6mm\n", slug: "coffee-x1-setup")).isEmpty)
    }

    /// On a domain with case-sensitive slugs the path stays lower case, in byte mode:
    /// 52 + (4 + 9 + 9 × 11 + 6) + (4 + 8 + 15 × 8) = 302 bits, 38 codewords: version 5 at H.
    @Test func caseSensitiveSlugsKeepThePathInByteMode() throws {
        let policies = RuleExampleRunner.standardPolicies.replacingOccurrences(
            of: "qr.acme.example: {fallback:", with: "qr.acme.example: {case-sensitive-slugs: true, fallback:")
        let code = GovernanceHarness.code("artwork:\n  ec: H\n  size: 12mm\n", slug: "coffee-x1-setup")
        let finding = try #require(only("module-too-small", code, policies: policies).first)
        #expect(finding.message.contains("version 5-H, 37 modules (45 with the quiet zone)"), "\(finding.message)")
        #expect(finding.message.hasPrefix("modules of 0.26 mm"))
    }

    /// `https://qr.acme.example/cx1` at M is version 2 (docs/encoder.md): 25 modules, 33 across.
    /// 0.33 mm × 33 = 10.89 mm is the smallest size that passes.
    @Test func moduleTooSmallBoundary() {
        #expect(only("module-too-small", GovernanceHarness.code("artwork: {size: 10.89mm}\n")).isEmpty)
        #expect(only("module-too-small", GovernanceHarness.code("artwork: {size: 10.88mm}\n")).count == 1)
        // A wider quiet zone takes room from the modules.
        #expect(only("module-too-small", GovernanceHarness.code("artwork: {size: 10.89mm, quiet-zone: 5}\n")).count == 1)
    }

    @Test func aPolicyDefaultSizeIsReportedWhereItIsWritten() throws {
        let code = GovernanceHarness.code(slug: "coffee-x1-setup")
        let finding = try #require(only("module-too-small", code, policies: policies(artwork: "{ec: H, size: 12mm, min-module: 0.33mm}")).first)
        #expect(finding.location.file == "policies/example.yaml")
        #expect(finding.message.contains("version 4-H"))
    }

    @Test func theMinimumModuleComesFromThePolicy() {
        let code = GovernanceHarness.code("artwork: {size: 20mm}\n")   // version 2: 20 / 33 = 0.606 mm
        #expect(only("module-too-small", code, policies: policies(artwork: "{min-module: 0.6mm}")).isEmpty)
        #expect(only("module-too-small", code, policies: policies(artwork: "{min-module: 0.61mm}")).count == 1)
    }

    @Test func retiredAndArchivedCodesAreNotJudged() {
        let artwork = "artwork: {size: 5mm, quiet-zone: 1, foreground: \"#FFFFFF\", background: \"#000000\", logo: {width: 90%}}\nscan-distance: 5m\n"
        let ids = ["module-too-small", "quiet-zone-too-small", "inverted-colours", "logo-too-large", "scan-distance"]
        for status in ["active", "paused", "draft"] {
            let run = GovernanceHarness.lint(GovernanceHarness.code(artwork, status: status))
            #expect(ids.allSatisfy { !run.findings(of: $0).isEmpty }, "\(status)")
        }
        for status in ["retired", "archived"] {
            let run = GovernanceHarness.lint(GovernanceHarness.code(artwork, status: status))
            #expect(ids.allSatisfy { run.findings(of: $0).isEmpty }, "\(status)")
        }
    }

    // MARK: quiet-zone-too-small

    @Test func quietZoneMessageAndLocation() throws {
        let finding = try #require(only("quiet-zone-too-small", GovernanceHarness.code("artwork:\n  quiet-zone: 1\n")).first)
        #expect(finding.message == "a quiet zone of 1 module is below the minimum of 4 modules")
        #expect(finding.hint == "set `quiet-zone: 4`: scanners need a light margin around the symbol to find it")
        #expect(finding.location == at(7, 3))
    }

    @Test func theBuiltInQuietZoneIsJudgedAtTheCode() throws {
        let finding = try #require(only("quiet-zone-too-small", GovernanceHarness.code(), policies: policies(artwork: "{min-quiet-zone: 6}")).first)
        #expect(finding.message == "a quiet zone of 4 modules is below the minimum of 6 modules")
        #expect(finding.location == at(1, 1))
        #expect(only("quiet-zone-too-small", GovernanceHarness.code(), policies: policies(artwork: "{min-quiet-zone: 4}")).isEmpty)
    }

    // MARK: contrast-too-low and inverted-colours

    @Test func contrastMessageShowsBothColoursAndTheRatio() throws {
        let code = GovernanceHarness.code("artwork:\n  foreground: \"#777777\"\n")
        #expect(only("contrast-too-low", code).isEmpty)                   // 4.48:1 passes the standard policies' 3
        let finding = try #require(only("contrast-too-low", code, policies: policies(artwork: "{min-contrast: 4.5}")).first)
        #expect(finding.message == "the contrast of foreground `#777777` and background `#FFFFFF` is 4.47:1, below the minimum 4.5:1")
        #expect(finding.location == at(7, 3))
        #expect(only("contrast-too-low", GovernanceHarness.code("artwork:\n  foreground: \"#767676\"\n"),
                     policies: policies(artwork: "{min-contrast: 4.5}")).isEmpty)
    }

    @Test func contrastIsReportedAtTheColourTheCodeWrites() throws {
        // The foreground comes from the policy; the code's own background is the one to fix.
        let finding = try #require(only("contrast-too-low", GovernanceHarness.code("artwork:\n  background: \"#222222\"\n"),
                                        policies: policies(artwork: "{foreground: \"#111111\"}")).first)
        #expect(finding.location == at(7, 3))
        #expect(finding.length == "background".count)
    }

    @Test func equalColoursAreLowContrastNotInverted() {
        let code = GovernanceHarness.code("artwork: {foreground: \"#1A237E\", background: \"#1A237E\"}\n")
        #expect(only("contrast-too-low", code).count == 1)
        #expect(only("inverted-colours", code).isEmpty)
    }

    @Test func invertedColoursIsAWarningAtTheForeground() throws {
        let code = GovernanceHarness.code("artwork:\n  background: \"#000000\"\n  foreground: \"#FFFFFF\"\n")
        let finding = try #require(only("inverted-colours", code).first)
        #expect(finding.severity == .warning)
        #expect(finding.location == at(8, 3))
        #expect(finding.message == "the foreground `#FFFFFF` is lighter than the background `#000000`: "
            + "light modules on a dark ground, which many scanners cannot read")
        #expect(only("contrast-too-low", code).isEmpty)
    }

    // MARK: scan-distance

    /// Version 2 (25 modules) at 120 mm with 4-module quiet zones: the symbol is 120 × 25 / 33
    /// = 90.9 mm; from 2 m it must be 200 mm, so `size` must be 200 × 33 / 25 = 264 mm.
    @Test func scanDistanceMessageAndHint() throws {
        let code = GovernanceHarness.code("scan-distance: 2m\nartwork: {size: 120mm}\n")
        let finding = try #require(only("scan-distance", code).first)
        #expect(finding.message == "scanned from `2m`, the symbol must be at least 200.00 mm wide (10:1), but it is 90.90 mm: "
            + "`size: 120mm` less the quiet zone (version 2, 25 of 33 modules)")
        #expect(finding.hint == "make `size` at least 264mm (quiet zone included), or place the code closer to where people scan it")
        #expect(finding.location == at(6, 1))
        #expect(only("scan-distance", GovernanceHarness.code("scan-distance: 2m\nartwork: {size: 264mm}\n")).isEmpty)
    }

    @Test func scanDistanceBoundary() {
        // 132 mm × 25 / 33 = 100 mm: exactly a tenth of 1 m.
        #expect(only("scan-distance", GovernanceHarness.code("scan-distance: 1m\nartwork: {size: 132mm}\n")).isEmpty)
        #expect(only("scan-distance", GovernanceHarness.code("scan-distance: 1m\nartwork: {size: 131.9mm}\n")).count == 1)
        // Without a scan distance there is nothing to check.
        #expect(only("scan-distance", GovernanceHarness.code("artwork: {size: 5mm}\n")).isEmpty)
    }

    // MARK: logo-too-large

    /// `cx1` at H is version 3 (the compacted URL, 186 bits, needs more than version 2-H's
    /// 16 codewords and fits version 3-H's 26): two blocks of 22 error-correction codewords,
    /// 11 errors each, of which a logo may use 6.
    @Test func logoMessageNamesTheBlockAndTheBudget() throws {
        let code = GovernanceHarness.code("artwork:\n  ec: H\n  logo: {width: 30%}\n")
        let finding = try #require(only("logo-too-large", code).first)
        #expect(finding.message.hasPrefix("the logo (30% × 30% of the symbol) covers "))
        #expect(finding.message.hasSuffix("in this version 3-H symbol; a block corrects 11 errors, and a logo may use at most 6"))
        #expect(finding.hint?.hasPrefix("shrink the logo to 2") == true, "\(finding.hint ?? "")")
        #expect(finding.location == at(8, 10))
        #expect(only("logo-too-large", GovernanceHarness.code("artwork:\n  ec: H\n  logo: {width: 20%}\n")).isEmpty)
    }

    @Test func theHintSuggestsLevelHWhenThatIsEnough() throws {
        let code = GovernanceHarness.code("artwork:\n  ec: M\n  logo: {width: 20%, height: 20%}\n")
        let finding = try #require(only("logo-too-large", code).first)
        #expect(finding.hint?.hasSuffix(", or raise `ec` to H") == true, "\(finding.hint ?? "")")
    }

    @Test func aLogoOverTheFinderPatternsIsReportedAsSuch() throws {
        let code = GovernanceHarness.code("artwork:\n  ec: H\n  logo:\n    height: 0.9\n")
        let finding = try #require(only("logo-too-large", code).first)
        #expect(finding.message == "the logo (90% × 90% of the symbol) covers finder patterns, which scanners need to find the symbol at all")
        #expect(finding.location == at(9, 5))
        #expect(finding.length == "height".count)
    }

    @Test func aWideFlatLogoIsCountedNotRejectedOutright() {
        // 100% × 4%: one row of modules across the symbol, clear of the finder corners.
        let code = GovernanceHarness.code("artwork:\n  ec: H\n  logo: {width: 100%, height: 4%}\n")
        let findings = only("logo-too-large", code)
        #expect(findings.allSatisfy { !$0.message.contains("finder") })
    }
}

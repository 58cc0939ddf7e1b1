import Artwork
import Catalog
import Diagnostics
import QREncoder
import Rules
import Testing
@testable import Workspace

private let now = Instant.parse("2026-11-21") ?? Instant(seconds: 0)

/// Lints `files` with no policy rules (only reading, decoding and identity checks) and plans.
private func plan(_ files: [String: String]) async -> (BuildPlanner.Plan, [Diagnostic]) {
    let lint = await LintPipeline.run(MemoryRepository(files: files), now: now, engine: RuleEngine(rules: []))
    return (BuildPlanner.plan(lint.catalog), lint.diagnostics)
}

private let domains = """
    version: 1
    default-domain: qr.acme.example
    domains:
      qr.acme.example: {case-sensitive-slugs: false}
      cs.acme.example: {case-sensitive-slugs: true}

    """

private func code(_ id: String, _ slug: String, status: String = "active", extra: String = "") -> String {
    "id: \(id)\nslug: \(slug)\nstatus: \(status)\ntarget: https://www.acme.example/\(slug)\n" + extra
}

@Suite("Build planning: which codes get artwork, and how")
struct BuildPlannerTests {
    @Test func settingsComeFieldByFieldFromCodeThenPolicyThenBuiltIns() async throws {
        let (result, lintDiagnostics) = await plan([
            "policies/domains.yaml": domains,
            "policies/artwork.yaml": "version: 1\nartwork: {ec: Q, formats: [svg], quiet-zone: 2}\n",
            "codes/a.yaml": code("A", "a", extra: "artwork: {size: 30mm, foreground: \"#111111\", formats: [svg, pdf, svg]}\n"),
            "codes/b.yaml": code("B", "b"),
            "codes/c.yaml": code("C", "c", extra: "artwork: {background: \"cmyk(0,0,10,0)\", dpi: 600, ec: L, formats: [png, eps]}\n"),
        ])
        #expect(lintDiagnostics.isEmpty, "\(lintDiagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plans = Dictionary(uniqueKeysWithValues: result.artwork.map { ($0.codeID.value, $0) })
        let a = try #require(plans["A"])
        #expect(a.options.ecl == .quartile)
        #expect(a.style.size == .millimetres(30))
        #expect(a.style.quietZone == 2)
        #expect(a.style.foreground == .rgb(red: 0x11, green: 0x11, blue: 0x11))
        #expect(a.style.background == .white)
        #expect(a.style.dpi == 300)
        #expect(a.formats == [.svg, .pdf])
        let b = try #require(plans["B"])
        #expect(b.options.ecl == .quartile && b.style.size == .millimetres(25) && b.style.quietZone == 2)
        #expect(b.style.foreground == .black && b.formats == [.svg])
        let c = try #require(plans["C"])
        #expect(c.options.ecl == .low && c.style.dpi == 600 && c.formats == [.png, .eps])
        #expect(c.style.background == .cmyk(cyan: 0, magenta: 0, yellow: 10, black: 0))
    }

    @Test func builtInDefaultsWithoutAnyArtworkSettings() async throws {
        let (result, _) = await plan(["policies/domains.yaml": domains, "codes/a.yaml": code("A", "a")])
        let a = try #require(result.artwork.first)
        #expect(a.options.ecl == .medium)
        #expect(a.style == ArtworkStyle(foreground: .black, background: .white, quietZone: 4, size: .millimetres(25), dpi: 300))
        #expect(a.formats == [.svg])
    }

    @Test func payloadIsTheShortURLAndCompactionFollowsTheDomainPolicy() async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("A", "cx1"),
            "codes/b.yaml": code("B", "Promo", extra: "domain: cs.acme.example\n"),
            "codes/c.yaml": code("C", "x", extra: "domain: unlisted.example\n"),
        ])
        let plans = Dictionary(uniqueKeysWithValues: result.artwork.map { ($0.codeID.value, $0) })
        #expect(plans["A"]?.payload == "https://qr.acme.example/cx1")
        #expect(plans["A"]?.options.urlCompaction == .automatic(caseInsensitivePath: true))
        #expect(plans["B"]?.payload == "https://cs.acme.example/Promo")
        #expect(plans["B"]?.options.urlCompaction == .automatic(caseInsensitivePath: false))
        // A domain the policy does not describe gets the policy defaults: case-insensitive.
        #expect(plans["C"]?.options.urlCompaction == .automatic(caseInsensitivePath: true))
    }

    @Test(arguments: [
        ("cx1", "cx1"), ("Spring-27_a.b~c", "Spring-27_a.b~c"), ("a b", "a%20b"), ("a/b", "a%2Fb"),
        ("a?x=1#f", "a%3Fx%3D1%23f"), ("café", "caf%C3%A9"), ("%41", "%2541"),
    ])
    func slugsArePercentEncodedOutsideTheUnreservedSet(_ slug: String, _ path: String) {
        #expect(ShortURL.make(domain: "qr.acme.example", slug: slug) == "https://qr.acme.example/" + path)
    }

    @Test func onlyActiveAndPausedCodesArePrinted() async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("A", "a"), "codes/b.yaml": code("B", "b", status: "paused"),
            "codes/c.yaml": code("C", "c", status: "draft"), "codes/d.yaml": code("D", "d", status: "retired"),
            "codes/e.yaml": code("E", "e", status: "archived"), "codes/f.yaml": code("F", "f", status: "active"),
        ])
        #expect(result.artwork.map(\.codeID.value) == ["A", "B", "F"])
        #expect(result.codesByStatus == [.active: 2, .paused: 1, .draft: 1, .retired: 1, .archived: 1])
    }

    @Test func aPrintedCodeWithoutADomainIsAnErrorAtItsSlug() async throws {
        let (result, _) = await plan([
            "policies/owners.yaml": "version: 1\nowners: {team: {}}\n",
            "codes/a.yaml": code("A", "a"),
            "codes/b.yaml": code("B", "b", status: "draft"),
        ])
        #expect(result.artwork.isEmpty)
        #expect(result.diagnostics.map(\.ruleID) == [BuildRule.noDomain])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "codes/a.yaml", line: 2, column: 7))
    }

    @Test(arguments: [
        ("../escape", "it starts with a dot"), ("a/b", "it contains `/`"), (".hidden", "it starts with a dot"),
        ("a\\\\b", "it contains `\\`"), ("tab\\there", "control character")
    ])
    func idsThatCannotNameAFileAreRefused(_ id: String, _ reason: String) async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": "id: \"\(id)\"\nslug: a\nstatus: active\ntarget: https://www.acme.example/a\n",
        ])
        #expect(result.artwork.isEmpty)
        let diagnostic = try #require(result.diagnostics.first { $0.ruleID == BuildRule.unsafeID })
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.location.file == "codes/a.yaml" && diagnostic.location.line == 1)
    }

    @Test func unsafeIdProblemsDirectly() {
        #expect(ArtworkFileName.problem(with: "RET-EU-0001") == nil)
        #expect(ArtworkFileName.problem(with: "") == "it is empty")
        #expect(ArtworkFileName.problem(with: "a\u{0}b")?.contains("NUL") == true)
        #expect(ArtworkFileName.problem(with: "..") != nil)
        #expect(ArtworkFileName.problem(with: String(repeating: "x", count: 201))?.contains("201 bytes") == true)
    }

    @Test func idsDifferingOnlyInCaseClash() async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("abc-1", "a"), "codes/b.yaml": code("ABC-1", "b"),
        ])
        #expect(result.artwork.map(\.codeID.value) == ["abc-1"])
        let clash = try #require(result.diagnostics.first)
        #expect(clash.ruleID == BuildRule.idCaseClash && clash.location.file == "codes/b.yaml")
        #expect(clash.notes.first?.location?.file == "codes/a.yaml")
    }

    @Test func settingsTheRenderersRefuseAreReportedWhereTheyAreWritten() async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("A", "a", extra: "artwork:\n  size: 1mm\n"),
        ])
        #expect(result.artwork.isEmpty)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.ruleID == BuildRule.artworkInvalid)
        #expect(diagnostic.location == SourceLocation(file: "codes/a.yaml", line: 6, column: 9))
    }

    /// `qrops build --no-artwork` plans without keeping the artwork: the same findings and the
    /// same printed count, nothing kept.
    @Test func withoutArtworkTheSameFindingsAndCountsAreKeptButNoPlans() async throws {
        let lint = await LintPipeline.run(MemoryRepository(files: [
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("A", "a", extra: "artwork:\n  size: 1mm\n"),
            "codes/b.yaml": code("B", "b"), "codes/c.yaml": code("C", "c", status: "paused"),
            "codes/d.yaml": code("D", "d", status: "retired"), "codes/e.yaml": code("e-1", "e"), "codes/f.yaml": code("E-1", "f"),
            // Settings shared by a folder's and a file's codes (checked once without artwork): a
            // size no renderer takes, reported for each code at the shared setting, and one
            // code whose own settings are valid.
            "codes/g/_defaults.yaml": "artwork: {size: 1mm}\n",
            "codes/g/g.yaml": "codes:\n" + ["G1", "G2", "G3"].map { "  - {id: \($0), slug: \($0.lowercased()), status: active, target: https://www.acme.example/g}\n" }.joined()
                + "  - {id: G4, slug: g4, status: active, target: https://www.acme.example/g, artwork: {size: 30mm}}\n",
            "codes/h.yaml": "defaults:\n  artwork: {size: 6000mm}\ncodes:\n"
                + ["H1", "H2"].map { "  - {id: \($0), slug: \($0.lowercased()), status: active, target: https://www.acme.example/h}\n" }.joined(),
        ]), now: now, engine: RuleEngine(rules: []))
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics)")
        let kept = BuildPlanner.plan(lint.catalog)
        let counted = BuildPlanner.plan(lint.catalog, keepArtwork: false)
        #expect(kept.artwork.map(\.codeID.value) == ["B", "C", "G4", "e-1"])
        #expect(kept.printedCodes == 4 && counted.printedCodes == 4)
        #expect(counted.artwork.isEmpty)
        #expect(counted.diagnostics == kept.diagnostics && kept.diagnostics.count == 7)
        #expect(kept.diagnostics.filter { $0.location.file == "codes/g/_defaults.yaml" }.count == 3)
        #expect(kept.diagnostics.filter { $0.location.file == "codes/h.yaml" }.count == 2)
        #expect(counted.codesByStatus == kept.codesByStatus)
    }

    @Test func cacheKeysChangeWithEverySettingAndTheFormat() async throws {
        let (result, _) = await plan([
            "policies/domains.yaml": domains,
            "codes/a.yaml": code("A", "a", extra: "artwork: {formats: [svg, png]}\n"),
        ])
        let base = try #require(result.artwork.first)
        let engine = ArtworkEngine(toolVersion: "test")
        func key(_ change: (inout ArtworkPlan) -> Void, format: Artwork.ArtworkFormat = .svg) -> SHA256.Digest {
            var plan = base
            change(&plan)
            return engine.key(plan, format: format)
        }
        let original = key { _ in }
        #expect(key { _ in } == original, "the same plan gives the same key")
        #expect(key { $0.codeID = Located("OTHER", at: $0.codeID.location) } == original, "the id names the file, not its bytes")
        let changed = [
            key({ _ in }, format: .png),
            key { $0.payload += "x" },
            key { $0.options.ecl = .high },
            key { $0.options.urlCompaction = .automatic(caseInsensitivePath: false) },
            key { $0.style.size = .millimetres(25.000_000_1) },
            key { $0.style.quietZone = 5 },
            key { $0.style.dpi = 301 },
            key { $0.style.foreground = .rgb(red: 0, green: 0, blue: 1) },
            key { $0.style.background = nil },
            ArtworkEngine(toolVersion: "other").key(base, format: .svg),
        ]
        #expect(Set(changed + [original]).count == changed.count + 1)
    }
}

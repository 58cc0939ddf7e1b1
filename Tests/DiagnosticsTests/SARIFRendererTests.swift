import Foundation
import Testing
import Diagnostics

@Suite("SARIF renderer")
struct SARIFRendererTests {
    private let sample = SampleDiagnostics.self
    private var renderer: SARIFRenderer {
        SARIFRenderer(toolVersion: sample.toolVersion, rules: sample.rules, informationURI: sample.informationURI)
    }
    private var output: String { renderer.render(sample.diagnostics) }

    private func run() throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        return try #require(runs.first)
    }

    private func results() throws -> [[String: Any]] {
        try #require(try run()["results"] as? [[String: Any]])
    }

    private func result(_ ruleID: String) throws -> [String: Any] {
        try #require(try results().first { $0["ruleId"] as? String == ruleID })
    }

    private func expectValid(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let outcome = try JSONSchemaValidator.validate(json, against: try SARIFSchema.locate())
        #expect(outcome.isValid, "SARIF schema validation failed:\n\(outcome.report)", sourceLocation: sourceLocation)
    }

    @Test func matchesGolden() {
        Golden.expectMatch(output, file: "diagnostics.sarif")
    }

    @Test func validatesAgainstTheOfficialSchema() throws {
        try expectValid(output)
    }

    @Test func emptyRunAndStatedSourceRootValidate() throws {
        try expectValid(renderer.render([]))
        let rooted = SARIFRenderer(
            toolVersion: "0", rules: [], informationURI: sample.informationURI, sourceRootURI: "file:///work/repo/"
        )
        try expectValid(rooted.render(sample.diagnostics))
    }

    /// The validator is real: a log with an invalid level and a zero line is rejected.
    @Test func validatorRejectsABrokenLog() throws {
        let broken = output
            .replacingOccurrences(of: #""level": "error""#, with: #""level": "fatal""#)
            .replacingOccurrences(of: #""startLine": 15"#, with: #""startLine": 0"#)
        let outcome = try JSONSchemaValidator.validate(broken, against: try SARIFSchema.locate())
        #expect(!outcome.isValid)
        #expect(outcome.report.contains("'fatal' is not one of"))
        #expect(outcome.report.contains("less than the minimum of 1"))
    }

    /// The fallback copy in Golden/ is the official OASIS schema, byte for byte when the
    /// shared copy is at hand.
    @Test func schemaCopyIsTheOfficialOne() throws {
        let copy = try Data(contentsOf: SARIFSchema.goldenCopy)
        let schema = try #require(try JSONSerialization.jsonObject(with: copy) as? [String: Any])
        #expect(schema["id"] as? String == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        for shared in SARIFSchema.sharedCandidates where FileManager.default.fileExists(atPath: shared.path) {
            #expect(try Data(contentsOf: shared) == copy, "\(shared.path) differs from the copy in Golden/")
        }
    }

    @Test func headerAndRun() throws {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let run = try run()
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        #expect(bases.keys.sorted() == ["%SRCROOT%"])
    }

    @Test func driverListsKnownRulesSortedWithIndexes() throws {
        let tool = try #require(try run()["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "qrops")
        #expect(driver["version"] as? String == sample.toolVersion)
        #expect(driver["informationUri"] as? String == sample.informationURI)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == sample.rules.map(\.id).sorted())

        for result in try results() {
            let ruleID = try #require(result["ruleId"] as? String)
            if let index = result["ruleIndex"] as? Int {
                #expect(ids[index] == ruleID)
            } else {
                #expect(ruleID == "yaml-syntax", "only the unknown rule lacks a ruleIndex")
            }
        }
        let https = try #require(rules.first { $0["id"] as? String == "https-only" })
        #expect((https["defaultConfiguration"] as? [String: String])?["level"] == "error")
        #expect((https["shortDescription"] as? [String: String])?["text"] == "Targets must use https.")
    }

    @Test func duplicateRulesAreListedOnce() {
        let rule = sample.rules[0]
        let renderer = SARIFRenderer(toolVersion: "0", rules: [rule, rule], informationURI: sample.informationURI)
        #expect(renderer.rules == [rule])
    }

    @Test func regionUsesAnExclusiveEndColumn() throws {
        let locations = try #require(try result("https-only")["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        #expect(physical["region"] as? [String: Int] == ["startLine": 15, "startColumn": 13, "endColumn": 38])
        let artifact = try #require(physical["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "codes/retail/eu/coffee-x1.yaml", "uriBaseId": "%SRCROOT%"])
    }

    @Test func wholeFileHasNoRegion() throws {
        let locations = try #require(try result("missing-owner")["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        #expect(physical["region"] == nil)
    }

    @Test(arguments: [
        ("codes/jp/café-日本.yaml", "codes/jp/caf%C3%A9-%E6%97%A5%E6%9C%AC.yaml"),
        ("codes/odd,name:1.yaml", "codes/odd%2Cname%3A1.yaml"),
        ("codes/a b#c?d%e.yaml", "codes/a%20b%23c%3Fd%25e.yaml"),
        ("codes/A-Z_a.z~0-9/x.yaml", "codes/A-Z_a.z~0-9/x.yaml"),
    ] as [(String, String)])
    func pathsBecomeURIReferences(_ path: String, _ uri: String) throws {
        let diagnostic = Diagnostic(.error, "r", "m", at: .file(path))
        let json = SARIFRenderer(toolVersion: "0", rules: [], informationURI: sample.informationURI).render([diagnostic])
        #expect(json.contains("\"uri\": \"\(uri)\""))
        #expect(URL(string: uri) != nil)
    }

    @Test func messageCarriesHintAndNotes() throws {
        let https = try #require(try result("https-only")["message"] as? [String: String])
        #expect(https["text"] == "destination must use https\nhint: use https://www.acme.example/x")
        let slug = try #require(try result("slug-unique")["message"] as? [String: String])
        #expect(slug["text"] == """
            slug `cx1` is already used on qr.acme.example
            note: first defined here (codes/retail/eu/coffee-x2.yaml:2:7)
            note: slugs are compared case-insensitively
            """)
    }

    @Test func locatedNotesBecomeRelatedLocations() throws {
        let related = try #require(try result("slug-unique")["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["id"] as? Int == 1)
        #expect((related.first?["message"] as? [String: String])?["text"] == "first defined here")
        #expect(try result("https-only")["relatedLocations"] == nil)
    }

    @Test func suppressionsAreInSourceOrEmpty() throws {
        let suppressions = try #require(try result("retire-soon")["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 1)
        #expect(suppressions.first?["kind"] as? String == "inSource")
        #expect(suppressions.first?["justification"] as? String == "print run PR-2026-114 ends first")
        #expect((suppressions.first?["properties"] as? [String: String])?["until"] == "2027-01-01")
        #expect((try result("https-only")["suppressions"] as? [Any])?.isEmpty == true)
    }

    @Test func levelsFollowSeverity() throws {
        #expect(try result("https-only")["level"] as? String == "error")
        #expect(try result("utm-campaign")["level"] as? String == "warning")
        #expect(try result("deprecated-tag")["level"] as? String == "note")
    }
}

import Catalog
import Diagnostics
import Testing

@Suite("Policy decoding")
struct PolicyDecoderTests {
    @Test func mergesSectionsAcrossFiles() throws {
        let (policies, diagnostics) = decodePolicies([
            "policies/owners.yaml": """
                version: 1
                owners:
                  retail-eu: {name: Retail Europe, reviewers: ["@acme/retail-eu"]}
                  old-team: {active: false}

                """,
            "policies/domains.yaml": """
                version: 1
                default-domain: qr.acme.example
                domains:
                  qr.acme.example: {fallback: "https://www.acme.example/qr", case-sensitive-slugs: false, country-header: CF-IPCountry}
                use-cases:
                  events: {max-lifespan: 6mo, required-labels: [event], rules: {retiring-soon: off}}
                compliance:
                  alcohol: {reviewers: ["@acme/legal"], regulated: true, allowed-destinations: [.acme.example]}
                rules: {retiring-soon: warning}
                lifecycle: {retiring-soon: 30d}

                """,
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(policies.owners["retail-eu"]?.reviewers.map(\.value) == ["@acme/retail-eu"])
        #expect(policies.owners["old-team"]?.active == false)
        #expect(policies.defaultDomain?.value == "qr.acme.example")
        #expect(policies.domains["qr.acme.example"]?.countryHeader?.value == "CF-IPCountry")
        #expect(policies.useCases["events"]?.maxLifespan?.value == CalendarDuration(count: 6, unit: .months))
        #expect(policies.useCases["events"]?.rules["retiring-soon"]?.value == .off)
        #expect(policies.compliance["alcohol"]?.regulated == true)
        #expect(policies.rules["retiring-soon"]?.value == .warning)
        #expect(policies.retiringSoon?.value == CalendarDuration(count: 30, unit: .days))
    }

    @Test func unknownVersionIsLocated() throws {
        let (_, diagnostics) = decodePolicies(["policies/a.yaml": "version: 2\nowners: {}\n"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.policyVersion)
        #expect(diagnostic.location == SourceLocation(file: "policies/a.yaml", line: 1, column: 10))
    }

    @Test func missingVersionIsReported() throws {
        let (_, diagnostics) = decodePolicies(["policies/a.yaml": "owners: {}\n"])
        #expect(try #require(diagnostics.first).ruleID == SchemaRule.missingRequired)
    }

    @Test func sectionInTwoFilesIsReportedWithANote() throws {
        let (_, diagnostics) = decodePolicies([
            "policies/a.yaml": "version: 1\nowners: {x: {}}\n",
            "policies/b.yaml": "version: 1\nowners: {y: {}}\n",
        ])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.policyDuplicateSection)
        #expect(diagnostic.location == SourceLocation(file: "policies/b.yaml", line: 2, column: 1))
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "policies/a.yaml", line: 2, column: 1))
    }

    @Test(arguments: [
        ("version: 1\nowners: {x: {activ: true}}\n", SchemaRule.unknownKey, 2, 14),
        ("version: 1\nrules: {https-only: fatal}\n", SchemaRule.invalidEnum, 2, 21),
        ("version: 1\nlifecycle: {retiring-soon: soon}\n", SchemaRule.malformedDuration, 2, 28),
        ("version: 1\nowners: [a, b]\n", SchemaRule.wrongType, 2, 9),
        ("version: 1\nownres: {}\n", SchemaRule.unknownKey, 2, 1),
        ("version: 1\nartwork: {min-module: small}\n", SchemaRule.malformedSize, 2, 23),
    ])
    func reportsPolicySchemaErrors(_ text: String, _ rule: String, _ line: Int, _ column: Int) throws {
        let (_, diagnostics) = decodePolicies(["policies/p.yaml": text])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == rule, "\(diagnostic.message)")
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.location.column == column)
    }
}

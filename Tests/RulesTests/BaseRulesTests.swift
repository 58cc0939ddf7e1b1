import Catalog
import Diagnostics
import Rules
import Testing
import YAMLTree

/// The base rules beyond their documented examples: configuration, suppression, and the cases
/// that need more than one file.
@Suite("Rules that compare with the base")
struct BaseRulesTests {
    static let policies = RuleExampleRunner.standardPolicies

    /// Decodes code files (path → text) and one policy file into a catalog.
    static func catalog(_ files: [String: String], policies: String = policies) -> Catalog {
        var table = FileTable()
        let policyID = table.add("policies/p.yaml")
        let paths = files.keys.sorted()
        let ids = paths.map { table.add($0) }
        let policyDocument = YAMLLoader.load(policies, path: "policies/p.yaml", fileID: policyID).document
        let decodedPolicies = PolicyDecoder.decode(policyDocument.map { [$0] } ?? [], files: table).0
        var codes: [Code] = []
        for (path, id) in zip(paths, ids) {
            guard let document = YAMLLoader.load(files[path] ?? "", path: path, fileID: id).document else { continue }
            codes += CodeFileDecoder.decode(document, inherited: nil, files: table).codes
        }
        return Catalog(codes: codes, policies: decodedPolicies, files: table)
    }

    static func findings(base: [String: String], head: [String: String], headPolicies: String = policies,
                         incomplete: Set<String> = []) -> [Diagnostic] {
        let baseCatalog = catalog(base)
        let headCatalog = catalog(head, policies: headPolicies)
        let engine = RuleEngine(rules: RuleRegistry.baseRules)
        let context = BaseContext(base: baseCatalog, head: headCatalog, ref: "origin/main", incompleteHeadFiles: incomplete)
        return engine.checkAgainstBase(context, head: headCatalog, context: RuleContext(policies: headCatalog.policies, now: RuleExampleRunner.now))
            .sorted(by: Diagnostic.reportOrder)
    }

    static func code(_ id: String, slug: String, status: String = "active", target: String = "https://www.acme.example/x",
                     extra: String = "") -> String {
        "id: \(id)\nslug: \(slug)\nowner: retail-eu\nstatus: \(status)\ntarget: \(target)\n" + extra
    }

    @Test func everyBaseRuleIsRegisteredAndDocumented() {
        let ids = RuleRegistry.baseRules.map { $0.description.id }
        #expect(ids == ["published-code-deleted", "slug-changed", "domain-changed", "id-reused", "retired-reactivated",
                        "destination-change-needs-reason"])
        for id in ids { #expect(RuleDocumentation.explain(id)?.contains("on the base:") == true, "\(id)") }
    }

    @Test func unchangedPortfoliosHaveNoFindings() {
        let files = ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a"), "codes/b.yaml": Self.code("RET-EU-0002", slug: "b", status: "retired")]
        #expect(Self.findings(base: files, head: files).isEmpty)
    }

    @Test func aDeletedCodeIsReportedAtTheBaseWithTheRefInThePath() throws {
        let found = Self.findings(base: ["codes/a.yaml": "# a comment\n" + Self.code("RET-EU-0001", slug: "a")], head: [:])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "published-code-deleted")
        #expect(finding.location.description == "origin/main:codes/a.yaml:2:1")
        #expect(finding.message == "the code `RET-EU-0001` was active on origin/main and is deleted: printed codes are forever")
    }

    @Test func aCodeInAFileThatDoesNotReadIsNotReportedAsDeleted() {
        let base = ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a")]
        #expect(Self.findings(base: base, head: [:], incomplete: ["codes/a.yaml"]).isEmpty)
    }

    @Test func aCodeMovedToAnotherFileIsNotDeleted() {
        let code = Self.code("RET-EU-0001", slug: "a")
        #expect(Self.findings(base: ["codes/a.yaml": code], head: ["codes/elsewhere/b.yaml": code]).isEmpty)
    }

    @Test func severitiesAreConfigurable() throws {
        let relaxed = Self.policies + "rules: {slug-changed: warning, destination-change-needs-reason: off}\n"
        let found = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a")],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "b", target: "https://www.acme.example/y")], headPolicies: relaxed)
        #expect(found.map { "\($0.ruleID) \($0.severity)" } == ["slug-changed warning"])
    }

    @Test func anIgnoreEntrySuppressesAFinding() throws {
        let ignore = "ignore:\n  - {rule: slug-changed, reason: 'the old slug was never printed (PR-2026-001 cancelled)'}\n"
        let found = Self.findings(base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a")],
                                  head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "b", extra: ignore)])
        let finding = try #require(found.first)
        #expect(finding.isSuppressed)
        #expect(!found.fails(strict: true))
    }

    @Test func aReasonCarriedOverFromTheBaseDoesNotExplainANewChange() {
        let reason = "change-reason: the first move\n"
        let found = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", extra: reason)],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", target: "https://www.acme.example/y", extra: reason)])
        #expect(found.map(\.ruleID) == ["destination-change-needs-reason"])
        let explained = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", extra: reason)],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", target: "https://www.acme.example/y",
                                              extra: "change-reason: the second move\n")])
        #expect(explained.isEmpty)
        let blank = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a")],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", target: "https://www.acme.example/y", extra: "change-reason: '  '\n")])
        #expect(blank.map(\.ruleID) == ["destination-change-needs-reason"])
    }

    @Test func rePointingAPausedCodeNeedsNoReason() {
        let found = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", status: "paused")],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a", status: "paused", target: "https://www.acme.example/y")])
        #expect(found.isEmpty)
    }

    @Test func aChangedDefaultDomainIsReportedAtEachCodeWithoutItsOwn() throws {
        let moved = Self.policies.replacingOccurrences(of: "default-domain: qr.acme.example", with: "default-domain: go.acme.example")
        let files = ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a"),
                     "codes/b.yaml": Self.code("RET-EU-0002", slug: "b", extra: "domain: qr.acme.example\n"),
                     "codes/c.yaml": Self.code("RET-EU-0003", slug: "c", status: "draft")]
        let found = Self.findings(base: files, head: files, headPolicies: moved)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "domain-changed")
        #expect(finding.location.description == "codes/a.yaml:1:1")
        #expect(finding.hint == "give the code `domain: qr.acme.example`, or keep `default-domain: qr.acme.example` in policies/")
        #expect(finding.notes.first?.location?.file == "origin/main:policies/p.yaml")
    }

    @Test func aSlugTakenOverWhileItsCodeMovedToAnotherSlugIsReused() {
        let found = Self.findings(
            base: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a")],
            head: ["codes/a.yaml": Self.code("RET-EU-0001", slug: "a2"), "codes/b.yaml": Self.code("RET-EU-0002", slug: "A")])
        #expect(found.map(\.ruleID) == ["slug-changed", "id-reused"])
        #expect(found.map(\.location.description) == ["codes/a.yaml:2:1", "codes/b.yaml:2:1"])
    }

    @Test func slugsOnCaseSensitiveDomainsCompareWithCase() {
        let sensitive = Self.policies.replacingOccurrences(
            of: "qr.acme.example: {fallback:", with: "qr.acme.example: {case-sensitive-slugs: true, fallback:")
        let base = BaseRulesTests.catalog(["codes/a.yaml": Self.code("RET-EU-0001", slug: "ab")], policies: sensitive)
        let head = BaseRulesTests.catalog(["codes/a.yaml": Self.code("RET-EU-0001", slug: "AB")], policies: sensitive)
        let engine = RuleEngine(rules: RuleRegistry.baseRules)
        let found = engine.checkAgainstBase(BaseContext(base: base, head: head, ref: "main"), head: head,
                                            context: RuleContext(policies: head.policies, now: RuleExampleRunner.now))
        #expect(found.map(\.ruleID) == ["slug-changed"])
    }
}

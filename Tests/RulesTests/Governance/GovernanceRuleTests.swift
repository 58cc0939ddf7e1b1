import Catalog
import Diagnostics
import Foundation
import Testing
@testable import Rules

/// Edge cases of the governance rules beyond their documented examples: exact messages,
/// locations, and the boundaries where a rule starts or stops firing.
@Suite("Governance rules: edge cases")
struct GovernanceRuleTests {
    private func only(_ id: String, _ code: String, policies: String = RuleExampleRunner.standardPolicies) -> [Diagnostic] {
        let run = GovernanceHarness.lint(code, policies: policies)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.message))")
        return run.findings(of: id)
    }

    // MARK: Ownership

    @Test func aMissingOwnerIsTheRulesFindingNotASchemaError() throws {
        let code = "id: RET-EU-0001\nslug: cx1\nstatus: active\ntarget: https://www.acme.example/x\n"
        let run = GovernanceHarness.lint(code)
        #expect(run.problems.isEmpty)
        let finding = try #require(run.findings(of: "owner-required").first)
        #expect(finding.location == SourceLocation(file: "codes/example.yaml", line: 1, column: 1))
        #expect(finding.message == "the code `RET-EU-0001` has no owner")
    }

    // MARK: Lifecycle

    @Test func maxLifespanShowsTheLimitAndTheSpan() throws {
        let code = GovernanceHarness.code("use: events\nlaunch: 2026-03-01\nretire: 2027-05-04\n")
        let finding = try #require(only("max-lifespan", code).first)
        #expect(finding.message == "the code would live 1y 2mo 3d, from `launch` (2026-03-01) to 2027-05-04; the `events` use case allows at most 6mo")
        #expect(finding.hint == "retire the code by 2026-09-01, or give it the use case it really has")
        #expect(finding.location == SourceLocation(file: "codes/example.yaml", line: 8, column: 9))
    }

    @Test(arguments: [
        ("2026-03-01", "2037-05-04", "11y 2mo 3d"),
        ("2026-03-01", "2026-03-01", "0d"),
        ("2026-01-31", "2026-02-28", "1mo"),      // months keep the day, clamped (as `Instant.adding`)
        ("2026-01-31", "2026-03-01", "1mo 1d"),
        ("2024-02-29", "2025-02-28", "1y"),
        ("2026-06-01", "2026-06-15", "14d"),
    ])
    func spans(_ from: String, _ to: String, _ expected: String) throws {
        let start = try #require(Instant.parse(from))
        let end = try #require(Instant.parse(to))
        #expect(LifecycleText.span(from: start, to: end) == expected)
    }

    @Test func retiringSoonCountsDaysAndStopsAtTheWindow() throws {
        let tomorrow = only("retiring-soon", GovernanceHarness.code("retire: 2026-06-02\n"))
        #expect(tomorrow.map(\.message) == ["the code `RET-EU-0001` retires on 2026-06-02, in 1 day"])
        #expect(only("retiring-soon", GovernanceHarness.code("retire: 2026-07-01\n")).count == 1)
        #expect(only("retiring-soon", GovernanceHarness.code("retire: 2026-07-02\n")).isEmpty)
        #expect(only("retiring-soon", GovernanceHarness.code("retire: 2026-06-10\n", status: "retired")).isEmpty)
    }

    @Test func retiringSoonDefaultsToThirtyDaysWithoutALifecyclePolicy() {
        let policies = "version: 1\nowners:\n  retail-eu: {}\n"
        #expect(only("retiring-soon", GovernanceHarness.code("retire: 2026-07-01\n"), policies: policies).count == 1)
        #expect(only("retiring-soon", GovernanceHarness.code("retire: 2026-07-02\n"), policies: policies).isEmpty)
    }

    @Test func expiredButActiveFiresFromTheRetireInstantOn() {
        #expect(only("expired-but-active", GovernanceHarness.code("retire: 2026-06-01\n")).count == 1)
        #expect(only("expired-but-active", GovernanceHarness.code("retire: 2026-06-01T00:00:01Z\n")).isEmpty)
    }

    @Test func fallbackRequiredReportsAtWhatCreatesTheNeed() throws {
        let policies = "version: 1\nowners:\n  retail-eu: {}\ndomains:\n  qr.acme.example: {}\ndefault-domain: qr.acme.example\n"
        // Paused with a retire date: the status is what sends scans to the fallback today.
        let paused = only("fallback-required", GovernanceHarness.code("retire: 2027-01-01\n", status: "paused"), policies: policies)
        #expect(paused.map(\.location.line) == [4])
        #expect(paused.first?.message == "a `paused` code sends every scan to a fallback, but neither the code nor `qr.acme.example` has a `fallback`")
        // A launch in the past creates no need; a future one does.
        #expect(only("fallback-required", GovernanceHarness.code("launch: 2026-01-01\n"), policies: policies).isEmpty)
        #expect(only("fallback-required", GovernanceHarness.code("launch: 2026-07-01\n"), policies: policies).map(\.location.line) == [6])
        // The code's own fallback is enough.
        let own = GovernanceHarness.code("retire: 2027-01-01\nfallback: https://www.acme.example/\n", status: "retired")
        #expect(only("fallback-required", own, policies: policies).isEmpty)
    }

    // MARK: Compliance

    @Test func aLabelRequiredTwiceIsOneFindingNamingBothPolicies() throws {
        let policies = """
            version: 1
            owners:
              retail-eu: {}
            use-cases:
              packaging: {required-labels: [region, print-run]}
            compliance:
              alcohol: {required-labels: [region, age-gate]}

            """
        let code = GovernanceHarness.code("use: packaging\ncompliance: alcohol\nlabels: {print-run: PR-1}\n")
        let findings = only("required-labels", code, policies: policies)
        #expect(findings.map(\.message) == [
            "the label `region` is required by the `packaging` use case and the `alcohol` compliance category but missing",
            "the label `age-gate` is required by the `alcohol` compliance category but missing",
        ].sorted())
        #expect(findings.allSatisfy { $0.location == SourceLocation(file: "codes/example.yaml", line: 8, column: 1) })
        #expect(findings.first { $0.message.contains("`region`") }?.notes.count == 2)
    }

    @Test func unknownUseAndCategoryListTheKnownOnesWhenNothingIsClose() throws {
        let use = try #require(only("use-unknown", GovernanceHarness.code("use: billboard\n")).first)
        #expect(use.hint == "expected one of: `direct-mail`, `events`, `packaging`")
        let category = try #require(only("compliance-unknown", GovernanceHarness.code("compliance: tobacco\n")).first)
        #expect(category.hint == "expected one of: `alcohol`, `general`")
    }

    // MARK: Naming

    @Test(arguments: [
        ("Spring", "contains the upper-case letter `S`"),
        ("spring sale", "contains a space"),
        ("café", "contains the non-ASCII character `é` (U+E9)"),
        ("a/b", "contains `/`"),
        ("a.b", "contains `.`"),
        ("-ab", "starts with `-`"),
        ("ab-", "ends with `-`"),
        (String(repeating: "a", count: 65), "is 65 characters long"),
    ])
    func slugCharsetSaysWhatIsWrong(_ slug: String, _ problem: String) {
        #expect(SlugCharsetRule.problem(slug) == problem)
    }

    @Test(arguments: ["a", "0", "spring-sale-2026", "a--b", String(repeating: "a", count: 64)])
    func slugCharsetAcceptsTheDefaultConvention(_ slug: String) {
        #expect(SlugCharsetRule.problem(slug) == nil)
    }

    @Test func confusableSkeletonsFoldLookAlikesAndCase() {
        #expect(SlugConfusableRule.skeleton("PROMO-IO", foldCase: true) == SlugConfusableRule.skeleton("promo-10", foldCase: true))
        #expect(SlugConfusableRule.skeleton("Promo", foldCase: false) != SlugConfusableRule.skeleton("promo", foldCase: false))
        #expect(SlugConfusableRule.skeleton("Iol0", foldCase: false) == "lolo")
    }

    @Test func slugsTheSameUpToCaseAreLeftToDuplicateSlug() {
        let codes = """
            codes:
              - {id: RET-EU-0001, slug: promo-1, owner: retail-eu, status: draft}
              - {id: RET-EU-0002, slug: PROMO-1, owner: retail-eu, status: draft}
              - {id: RET-EU-0003, slug: promo-l, owner: retail-eu, status: draft}

            """
        let findings = only("slug-confusable", codes)
        #expect(findings.map(\.location.line) == [4])
        #expect(findings.first?.notes.first?.location?.line == 2)
    }

    @Test(arguments: ["ROBOTS.TXT", ".well-known", "Favicon.ico", "login"])
    func builtInReservedSlugsMatchWithoutCase(_ slug: String) {
        #expect(only("reserved-slug", GovernanceHarness.code(slug: "'\(slug)'")).count == 1)
    }

    @Test func policyUnknownRuleChecksEveryLevelInOrder() {
        let policies = """
            version: 1
            owners:
              retail-eu: {}
            use-cases:
              events: {rules: {retire-requird: off}}
            compliance:
              alcohol: {rules: {owner-required: off, not-a-rule: warning}}
            rules:
              https-only: error
              yaml-syntax: off

            """
        let findings = only("policy-unknown-rule", GovernanceHarness.code(), policies: policies)
        #expect(findings.map { "\($0.location.line):\($0.location.column)" } == ["5:20", "7:42", "10:3"])
        #expect(findings.map(\.hint) == [
            "did you mean `retire-required`?", "run `qrops explain` to list every rule",
            "remove the line: YAML and schema errors are always errors",
        ])
    }

    // MARK: UTM

    @Test func utmRequiredNamesWhatIsMissingAtTheUTMKey() throws {
        let code = GovernanceHarness.code("use: direct-mail\nutm: {source: qr}\n")
        let finding = try #require(only("utm-required", code).first)
        #expect(finding.message == "the `direct-mail` code `RET-EU-0001` has no UTM `medium`, `campaign`")
        #expect(finding.location == SourceLocation(file: "codes/example.yaml", line: 7, column: 1))
        #expect(only("utm-required", GovernanceHarness.code("use: direct-mail\n", status: "retired")).isEmpty)
    }

    @Test func utmConflictDecodesValuesAndIgnoresTheFallback() {
        let same = GovernanceHarness.code("utm: {campaign: coffee x1}\nfallback: https://www.acme.example/?utm_campaign=other\n")
            .replacingOccurrences(of: "/x\n", with: "/x?utm_campaign=coffee+x1#top\n")
        #expect(only("utm-conflict", same).isEmpty)
        let split = GovernanceHarness.code("""
            utm: {source: qr}
            routes:
              - split:
                  - {weight: 1, target: "https://www.acme.example/a?utm_source=qr"}
                  - {weight: 1, target: "https://www.acme.example/b?x=1&utm_source=email"}

            """)
        #expect(only("utm-conflict", split).map(\.location.line) == [10])
    }

    @Test func utmParametersAreReadFromTheQueryOnly() {
        let found = UTMConflictRule.utmParameters(in: "https://a.example/p?utm_source&a=1&&utm_medium=x%20y#f&utm_campaign=z")
        #expect(found.map { "\($0.name)=\($0.value)" } == ["source=", "medium=x%20y"])
        #expect(UTMConflictRule.utmParameters(in: "https://a.example/utm_source=x").isEmpty)
        #expect(UTMConflictRule.decoded("a+b%2Fc%zz") == "a b/c%zz")
    }

    // MARK: Suppressions

    @Test func suppressionUnknownRuleSuggestsTheClosestRule() throws {
        let code = GovernanceHarness.code("ignore:\n  - {rule: slug-confusible, reason: x}\n")
        let finding = try #require(only("suppression-unknown-rule", code).first)
        #expect(finding.hint == "did you mean `slug-confusable`?")
        #expect(finding.location == SourceLocation(file: "codes/example.yaml", line: 7, column: 12))
    }
}

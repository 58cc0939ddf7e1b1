import Catalog
import Diagnostics
import Rules
import Testing

/// `rules:` severities (global, per use case, per compliance category: the most specific
/// wins) and `ignore:` suppressions, through the real engine.
@Suite("Severity configuration and suppressions")
struct SeverityConfigurationTests {
    /// Policies with `rules:` settings at the three levels (flow-mapping bodies).
    private func policies(global: String = "", useCase: String = "", category: String = "") -> String {
        """
        version: 1
        default-domain: qr.acme.example
        owners:
          retail-eu: {}
        domains:
          qr.acme.example: {fallback: "https://www.acme.example/qr"}
        use-cases:
          events: {rules: {\(useCase)}}
        compliance:
          general: {}
          alcohol: {rules: {\(category)}}
        rules: {\(global)}

        """
    }

    /// An active code without `retire`: exactly one `retire-required` finding (default: error).
    private func code(use: String? = nil, compliance: String? = nil, extra: String = "") -> String {
        var lines = ""
        if let use { lines += "use: \(use)\n" }
        if let compliance { lines += "compliance: \(compliance)\n" }
        return GovernanceHarness.code(lines + extra)
    }

    private func retireRequired(_ code: String, policies: String) throws -> [Diagnostic] {
        let run = GovernanceHarness.lint(code, policies: policies)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.message))")
        #expect(run.findings(of: "policy-unknown-rule").isEmpty)
        return run.findings(of: "retire-required")
    }

    @Test func withoutSettingsTheDefaultSeverityApplies() throws {
        let findings = try retireRequired(code(), policies: policies())
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func globalOffDropsTheFinding() throws {
        #expect(try retireRequired(code(), policies: policies(global: "retire-required: off")).isEmpty)
    }

    @Test func globalWarningDowngradesAndGlobalErrorUpgrades() throws {
        let downgraded = try retireRequired(code(), policies: policies(global: "retire-required: warning"))
        #expect(downgraded.map(\.severity) == [.warning])

        let soon = GovernanceHarness.code("retire: 2026-06-10\n")
        let byDefault = GovernanceHarness.lint(soon, policies: policies()).findings(of: "retiring-soon")
        #expect(byDefault.map(\.severity) == [.warning])
        let upgraded = GovernanceHarness.lint(soon, policies: policies(global: "retiring-soon: error")).findings(of: "retiring-soon")
        #expect(upgraded.map(\.severity) == [.error])
    }

    @Test func useCaseOverrideBeatsGlobal() throws {
        let settings = policies(global: "retire-required: off", useCase: "retire-required: warning")
        #expect(try retireRequired(code(use: "events"), policies: settings).map(\.severity) == [.warning])
        // Codes of other use cases (or none) keep the global setting.
        #expect(try retireRequired(code(), policies: settings).isEmpty)
    }

    @Test func categoryOverrideBeatsUseCase() throws {
        let stricter = policies(global: "retire-required: off", useCase: "retire-required: warning", category: "retire-required: error")
        let both = code(use: "events", compliance: "alcohol", extra: "labels: {age-gate: enforced}\n")
        #expect(try retireRequired(both, policies: stricter).map(\.severity) == [.error])

        let off = policies(useCase: "retire-required: error", category: "retire-required: off")
        #expect(try retireRequired(both, policies: off).isEmpty)
        // The category's setting applies only to its own codes.
        #expect(try retireRequired(code(use: "events", compliance: "general"), policies: off).map(\.severity) == [.error])
    }

    // MARK: Suppressions

    private func suppressed(_ ignore: String) -> GovernanceHarness.Run {
        let run = GovernanceHarness.lint(GovernanceHarness.code("retire: 2026-06-20\nignore:\n" + ignore), policies: policies())
        #expect(run.problems.isEmpty, "\(run.problems.map(\.message))")
        return run
    }

    @Test func suppressionWithReasonBeforeUntilSuppresses() throws {
        let run = suppressed("  - {rule: retiring-soon, reason: \"reprint agreed\", until: 2026-07-01}\n")
        let finding = try #require(run.findings(of: "retiring-soon").first)
        #expect(finding.isSuppressed)
        #expect(finding.suppression?.reason == "reprint agreed")
        #expect(finding.suppression?.until == "2026-07-01")
        #expect(finding.suppression?.location == SourceLocation(file: "codes/example.yaml", line: 8, column: 5))
        #expect(run.findings.filter { $0.ruleID.hasPrefix("suppression-") }.isEmpty)
        // Suppressed findings stay in the output but never fail a run.
        #expect(!run.findings.fails(strict: true))
    }

    @Test func suppressionWithoutUntilSuppressesAndUntilIsInclusive() throws {
        let forever = suppressed("  - {rule: retiring-soon, reason: \"reprint agreed\"}\n")
        #expect(forever.findings(of: "retiring-soon").map(\.isSuppressed) == [true])
        let today = suppressed("  - {rule: retiring-soon, reason: \"reprint agreed\", until: 2026-06-01}\n")
        #expect(today.findings(of: "retiring-soon").map(\.isSuppressed) == [true])
        #expect(today.findings(of: "suppression-expired").isEmpty)
    }

    @Test func expiredSuppressionDoesNotSuppressAndIsReported() throws {
        let run = suppressed("  - {rule: retiring-soon, reason: \"reprint agreed\", until: 2026-05-31}\n")
        #expect(run.findings(of: "retiring-soon").map(\.isSuppressed) == [false])
        let expired = try #require(run.findings(of: "suppression-expired").first)
        #expect(expired.severity == .error)
        #expect(expired.location == SourceLocation(file: "codes/example.yaml", line: 8, column: 60))
        #expect(expired.message == "the suppression of `retiring-soon` expired on 2026-05-31, so it suppresses nothing")
        #expect(run.findings.fails(strict: false))
    }

    @Test func suppressionWithoutReasonDoesNotSuppressAndIsReported() throws {
        let run = suppressed("  - {rule: retiring-soon}\n")
        #expect(run.findings(of: "retiring-soon").map(\.isSuppressed) == [false])
        let missing = try #require(run.findings(of: "suppression-without-reason").first)
        #expect(missing.location == SourceLocation(file: "codes/example.yaml", line: 8, column: 5))
        #expect(!missing.isSuppressed)
    }

    @Test func aLaterValidEntryStillSuppresses() throws {
        let run = suppressed("""
              - {rule: retiring-soon, reason: "old", until: 2026-01-01}
              - {rule: retiring-soon, reason: "renewed after review"}

            """)
        #expect(run.findings(of: "retiring-soon").first?.suppression?.reason == "renewed after review")
        #expect(run.findings(of: "suppression-expired").count == 1)
    }

    @Test func suppressionRulesCannotBeSuppressed() throws {
        let run = suppressed("""
              - {rule: retiring-soon, reason: "old", until: 2026-01-01}
              - {rule: suppression-expired, reason: "we know"}

            """)
        #expect(run.findings(of: "suppression-expired").map(\.isSuppressed) == [false])
        let refused = try #require(run.findings(of: "suppression-unknown-rule").first)
        #expect(refused.message.contains("cannot be suppressed"))
        #expect(run.findings(of: "retiring-soon").map(\.isSuppressed) == [false])
    }

    @Test func suppressionAppliesAfterTheConfiguredSeverity() throws {
        let code = GovernanceHarness.code("retire: 2026-06-20\nignore:\n  - {rule: retiring-soon, reason: \"reprint agreed\"}\n")
        let run = GovernanceHarness.lint(code, policies: policies(global: "retiring-soon: error"))
        let finding = try #require(run.findings(of: "retiring-soon").first)
        #expect(finding.severity == .error)
        #expect(finding.isSuppressed)
        #expect(!run.findings.fails(strict: true))
    }

    @Test func builtInChecksPassedOnByRulesAreNeitherConfiguredNorSuppressed() throws {
        let badPattern = policies(global: "policy-invalid: off") + "naming: {id: '^[A-Z'}\n"
        let code = GovernanceHarness.code("ignore:\n  - {rule: policy-invalid, reason: \"not now\"}\n")
        let run = GovernanceHarness.lint(code, policies: badPattern)
        let invalid = try #require(run.findings(of: "policy-invalid").first)
        #expect(invalid.severity == .error)
        #expect(!invalid.isSuppressed)
        #expect(run.findings(of: "policy-unknown-rule").count == 1)
        #expect(run.findings(of: "suppression-unknown-rule").count == 1)
    }
}

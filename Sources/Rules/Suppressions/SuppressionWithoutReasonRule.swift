import Catalog
import Diagnostics

/// `suppression-without-reason`: every `ignore:` entry says why.
public struct SuppressionWithoutReasonRule: Rule {
    public static let description = RuleDescription(
        id: "suppression-without-reason",
        name: "Suppression without a reason",
        severity: .error,
        summary: "An `ignore:` entry must give a `reason`; without one it suppresses nothing.",
        rationale: """
            A suppression is a decision to live with a finding, and the reviewer of the pull request, like the \
            next owner of the code, needs to know why it was made. An entry without a `reason` (or with an empty \
            one) therefore suppresses nothing: the finding it meant to silence is still reported, and so is this.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-06-20
                target: https://www.acme.example/x
                ignore:
                  - ↓{rule: retiring-soon}
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-06-20
                target: https://www.acme.example/x
                ignore:
                  - ↓rule: retiring-soon
                    reason: "  "
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-06-20
                target: https://www.acme.example/x
                ignore:
                  - {rule: retiring-soon, reason: "extension agreed with the owner, PR #412"}
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        for entry in code.ignore where !entry.hasReason {
            findings.append(finding(
                "the suppression of `\(entry.rule.value)` gives no reason, so it suppresses nothing", at: entry.location,
                hint: "add `reason:` saying why the finding is acceptable (reviewers and the next owner will read it)"))
        }
    }
}

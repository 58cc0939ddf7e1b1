import Catalog
import Diagnostics

/// `suppression-expired`: a suppression past its `until` date is removed or renewed.
public struct SuppressionExpiredRule: Rule {
    public static let description = RuleDescription(
        id: "suppression-expired",
        name: "Expired suppression",
        severity: .error,
        summary: "An `ignore:` entry whose `until` date has passed suppresses nothing and must be removed or renewed.",
        rationale: """
            `until` turns a suppression into a temporary exception: a finding accepted for a campaign, or until \
            a fix ships. Once the date has passed, the finding is reported again, and this error says that the \
            exception ran out, so the entry is either removed (the problem is fixed) or renewed on purpose, with \
            a reason, in a reviewed pull request.
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
                  - {rule: retiring-soon, reason: "until the reprint", until: ↓2026-05-01}
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
                  - {rule: retiring-soon, reason: "until the reprint", until: 2026-07-01}
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        for entry in code.ignore where entry.isExpired(in: context) {
            guard let until = entry.until else { continue }
            findings.append(finding(
                "the suppression of `\(entry.rule.value)` expired on \(until.value.dateString), so it suppresses nothing",
                at: until.location, length: until.value.dateString.count,
                hint: "remove the entry if the problem is fixed, or renew `until` with a reason"))
        }
    }
}

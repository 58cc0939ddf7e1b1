import Catalog
import Diagnostics

/// `retired-reactivated`: bringing a retired code back needs a reason.
public struct RetiredReactivatedRule: Rule {
    public static let description = RuleDescription(
        id: "retired-reactivated",
        name: "Reactivation needs a reason",
        severity: .error,
        summary: "A code that is `retired` or `archived` on the base and comes back (any other status) must carry a new `change-reason:`.",
        rationale: """
            Retiring a code is a promise that its old prints now lead to a fallback. Bringing it back to life \
            sends those old prints somewhere again, possibly years later and to a page nobody checked against \
            the printed context. That can be right (a product returns), but it must be a decision that reviewers \
            see: the code must say why in `change-reason:`, and the reason must be new (a reason carried over \
            unchanged from the base explained an earlier change). `qrops diff` shows it next to the change.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                ↓status: active
                target: https://www.acme.example/x
                change-reason: retired after the 2025 recall
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: retired
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                change-reason: retired after the 2025 recall
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                change-reason: the coffee-x1 is back in stores from 2026-09 (ticket MKT-812)
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: retired
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        for (before, after) in base.pairs(in: head) where before !== after && before.status.value.isRetired {
            guard !after.status.value.isRetired, !ChangeReason.explains(head: after, base: before) else { continue }
            findings.append(BaseFinding(finding(
                "`\(after.id.value)` was \(before.status.value.rawValue) on \(base.ref) and is \(after.status.value.rawValue) again without a new `change-reason`",
                at: after.status.keyLocation ?? after.status.location, length: 6,
                notes: [DiagnosticNote("\(before.status.value.rawValue) on \(base.ref)", at: base.location(before.status.location))],
                hint: ChangeReason.hint("next to the reactivation")), about: after))
        }
    }
}

import Catalog
import Diagnostics

/// `destination-change-needs-reason`: re-pointing an active code says why.
public struct DestinationChangeNeedsReasonRule: Rule {
    public static let description = RuleDescription(
        id: "destination-change-needs-reason",
        name: "Re-pointing needs a reason",
        severity: .error,
        summary: "Changing the `target` of a code that is active on the base needs a new `change-reason:` in the code.",
        rationale: """
            Re-pointing is what dynamic codes are for, and also how they go wrong: the printed context (a \
            manual, a recall notice, a regulated claim) stays the same while the page behind it changes. The \
            pull request must say why, in the code itself, so that reviewers see it in `qrops diff` and `qrops \
            history` shows it for years. The reason must be new: one carried over unchanged from the base \
            explained an earlier change. Route and fallback changes are not re-pointing (they show as \
            re-routing in `qrops diff`); drafts, paused and retired codes may change their target freely.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                ↓target: https://www.acme.example/y
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/y
                change-reason: the setup guide moved to /y (ticket WEB-1203)
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/y
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        for (before, after) in base.pairs(in: head) where before !== after && before.status.value == .active {
            guard before.target?.value != after.target?.value, !ChangeReason.explains(head: after, base: before) else { continue }
            let old = before.target?.value ?? "(no target)"
            let location = after.target?.keyOrValue ?? after.id.keyOrValue
            findings.append(BaseFinding(finding(
                "`\(after.id.value)` is active and re-pointed without a new `change-reason`",
                at: location, length: after.target == nil ? 2 : 6,
                notes: [DiagnosticNote("on \(base.ref) it points to \(old)", at: before.target.map { base.location($0.location) })],
                hint: ChangeReason.hint("next to the new target")), about: after))
        }
    }
}

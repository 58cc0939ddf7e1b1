import Catalog
import Diagnostics

/// `owner-inactive`: a code's owner must be an active team.
public struct OwnerInactiveRule: Rule {
    public static let description = RuleDescription(
        id: "owner-inactive",
        name: "Owner must be active",
        severity: .error,
        summary: "A code's `owner` must not be marked `active: false` in the owners policy.",
        rationale: """
            Teams are wound down and merged, but their printed codes keep being scanned for years. The owners \
            policy keeps a retired team (`active: false`) so that history still resolves; its codes, retired \
            ones included, need a new owner who answers for them, reviews their changes and hears about their \
            retirement.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: ↓old-team
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
                target: https://www.acme.example/x
                """),
            // An unknown owner is `owner-unknown`'s finding, not this rule's.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: nobody
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let owner = code.owner, let team = context.policies.owners[owner.value], !team.active else { return }
        findings.append(finding(
            "the owner `\(owner.value)` is no longer active", at: owner.location,
            length: owner.value.unicodeScalars.count,
            notes: [DiagnosticNote("defined here, with `active: false`", at: team.key.location)],
            hint: "hand the code over to an active team: change `owner:`"))
    }
}

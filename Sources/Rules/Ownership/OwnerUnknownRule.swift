import Catalog
import Diagnostics

/// `owner-unknown`: a code's owner must be a key of the owners policy.
public struct OwnerUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "owner-unknown",
        name: "Owner must be known",
        severity: .error,
        summary: "A code's `owner` must be a key of the owners policy.",
        rationale: """
            Every printed code needs someone who answers for it for years: who re-points it when a page moves, \
            who approves its changes, who is asked when it is about to retire. An owner that is not in the owners \
            policy is usually a typo, and a typo means nobody owns the code.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: ↓retail-ue
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
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let owner = code.owner, context.policies.owners.index(forKey: owner.value) == nil else { return }
        let known = context.policies.owners.keys
        findings.append(finding(
            "the owner `\(owner.value)` is not in the owners policy", at: owner.location,
            length: owner.value.unicodeScalars.count,
            hint: DidYouMean.suggest(owner.value, among: known).map { "did you mean `\($0)`?" }
                ?? "add `\(owner.value)` under `owners:` in policies/, or pick an existing owner"))
    }
}

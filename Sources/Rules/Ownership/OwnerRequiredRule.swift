import Catalog
import Diagnostics

/// `owner-required`: every code names its owner.
public struct OwnerRequiredRule: Rule {
    public static let description = RuleDescription(
        id: "owner-required",
        name: "Owner required",
        severity: .error,
        summary: "Every code must name its `owner`, a key of the owners policy.",
        rationale: """
            A code without an owner is the first step of portfolio rot: nobody re-points it when the page moves, \
            nobody approves its changes and nobody is asked when it is about to retire. The owner usually comes \
            from the folder's `_defaults.yaml`, so a code without one is often a file placed in the wrong folder. \
            This is a rule rather than a schema check so that a repository can lower its severity while it adopts \
            qrops.
            """,
        triggering: [
            RuleExample("""
                ↓id: RET-EU-0001
                slug: cx1
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
        guard code.owner == nil else { return }
        findings.append(finding("the code `\(code.id.value)` has no owner", at: code.location,
                                hint: "add `owner:` with a key of the owners policy, or set it in the folder's `_defaults.yaml`"))
    }
}

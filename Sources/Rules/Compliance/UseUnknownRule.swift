import Catalog
import Diagnostics

/// `use-unknown`: a code's use case is one the policy defines.
public struct UseUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "use-unknown",
        name: "Use case must be known",
        severity: .error,
        summary: "A code's `use` must be a key of the `use-cases` policy.",
        rationale: """
            The use case sets a code's maximum lifespan, the labels it must carry, whether it needs UTM \
            parameters and which severities apply to it. A misspelt use case silently skips all of those checks, \
            so an unknown use case is an error.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                use: ↓packagng
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                use: events
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let use = code.use, context.policies.useCases.index(forKey: use.value) == nil else { return }
        let known = Array(context.policies.useCases.keys)
        findings.append(finding(
            "the use case `\(use.value)` is not in the `use-cases` policy", at: use.location,
            length: use.value.unicodeScalars.count,
            hint: DidYouMean.hint(for: use.value, among: known)
                ?? "no use cases are defined: add `\(use.value)` under `use-cases:` in policies/"))
    }
}

import Catalog
import Diagnostics

/// `compliance-unknown`: a code's compliance category is one the policy defines.
public struct ComplianceUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "compliance-unknown",
        name: "Compliance category must be known",
        severity: .error,
        summary: "A code's `compliance` must be a key of the compliance policy.",
        rationale: """
            The compliance category decides who reviews a change (Legal for alcohol, Regulatory Affairs for \
            healthcare), which labels prove the checks were made and where the code may send people. A \
            misspelt category silently drops all of that, so an unknown category is an error.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                compliance: ↓alcohl
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                compliance: general
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let category = code.compliance, context.policies.compliance.index(forKey: category.value) == nil else { return }
        let known = Array(context.policies.compliance.keys)
        findings.append(finding(
            "the compliance category `\(category.value)` is not in the compliance policy", at: category.location,
            length: category.value.unicodeScalars.count,
            hint: DidYouMean.hint(for: category.value, among: known)
                ?? "no categories are defined: add `\(category.value)` under `compliance:` in policies/"))
    }
}

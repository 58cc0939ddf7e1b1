import Catalog
import Diagnostics

/// `policy-unknown-rule`: severity settings name rules that exist.
public struct PolicyUnknownRuleRule: Rule {
    public static let description = RuleDescription(
        id: "policy-unknown-rule",
        name: "Unknown rule in the policy",
        severity: .error,
        summary: "Every key under `rules:` (globally, in a use case or in a compliance category) must be the id of a policy rule.",
        rationale: """
            A severity setting for a rule that does not exist does nothing, silently: a typo in \
            `retiring-son: off` leaves the warning on, and a typo in `https-only: error` leaves a team believing \
            a check is enforced. Built-in checks (YAML and schema errors) cannot be configured at all. The \
            finding points at the key in the policy file.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                rules:
                  ↓retiring-son: off
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                use-cases:
                  events:
                    rules: {↓unknown-key: warning}
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                rules:
                  retiring-soon: off
                compliance:
                  alcohol:
                    rules: {name-convention: warning}
                """),
        ]
    )

    static let ruleIDs = Set(RuleRegistry.all.map { $0.description.id })
    static let builtinIDs = Set(BuiltinChecks.descriptors.map(\.id))

    public init() {}

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        let policies = context.policies
        var found: [Diagnostic] = []
        check(policies.rules, in: "`rules:`", into: &found)
        for (name, useCase) in policies.useCases {
            check(useCase.rules, in: "the `rules:` of use case `\(name)`", into: &found)
        }
        for (name, category) in policies.compliance {
            check(category.rules, in: "the `rules:` of compliance category `\(name)`", into: &found)
        }
        findings += found.sorted(by: Diagnostic.reportOrder)
    }

    private func check(_ settings: [String: Located<RuleSetting>], in place: String, into findings: inout [Diagnostic]) {
        for (id, setting) in settings where !Self.ruleIDs.contains(id) {
            let hint: String
            let message: String
            if Self.builtinIDs.contains(id) {
                message = "`\(id)` in \(place) is a built-in check, which cannot be configured"
                hint = "remove the line: YAML and schema errors are always errors"
            } else {
                message = "`\(id)` in \(place) is not a rule"
                hint = DidYouMean.suggest(id, among: Self.ruleIDs).map { "did you mean `\($0)`?" }
                    ?? "run `qrops explain` to list every rule"
            }
            findings.append(finding(message, at: setting.keyLocation ?? setting.location,
                                    length: id.unicodeScalars.count, hint: hint))
        }
    }
}

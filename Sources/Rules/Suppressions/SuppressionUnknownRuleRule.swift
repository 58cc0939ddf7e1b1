import Catalog
import Diagnostics

/// `suppression-unknown-rule`: an `ignore:` entry names a rule it can suppress.
public struct SuppressionUnknownRuleRule: Rule {
    public static let description = RuleDescription(
        id: "suppression-unknown-rule",
        name: "Suppression of an unknown rule",
        severity: .error,
        summary: "An `ignore:` entry's `rule` must be the id of a policy rule that can be suppressed.",
        rationale: """
            A suppression for a rule that does not exist silences nothing, and a typo there hides the fact that \
            the finding it was meant for is still reported, or will be. Built-in checks (YAML and schema errors) \
            and the suppression rules themselves cannot be suppressed.
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
                  - {rule: ↓retiring-son, reason: "extension agreed with the owner"}
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                ignore:
                  - {rule: ↓unknown-key, reason: "legacy field"}
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
                  - {rule: retiring-soon, reason: "extension agreed with the owner"}
                """),
        ]
    )

    static let ruleIDs = Set(RuleRegistry.all.map { $0.description.id })
    static let builtinIDs = Set(BuiltinChecks.descriptors.map(\.id))

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        for entry in code.ignore {
            let id = entry.rule.value
            let message: String
            let hint: String
            if RuleEngine.unsuppressible.contains(id) {
                message = "`\(id)` cannot be suppressed: it is what keeps suppressions honest"
                hint = "fix the suppression it reports instead"
            } else if Self.builtinIDs.contains(id) {
                message = "`\(id)` is a built-in check, which cannot be suppressed"
                hint = "fix the file: YAML and schema errors are always errors"
            } else if !Self.ruleIDs.contains(id) {
                message = "`\(id)` is not a rule, so this entry suppresses nothing"
                hint = DidYouMean.suggest(id, among: Self.ruleIDs).map { "did you mean `\($0)`?" }
                    ?? "run `qrops explain` to list every rule"
            } else {
                continue
            }
            findings.append(finding(message, at: entry.rule.location, length: id.unicodeScalars.count, hint: hint))
        }
    }
}

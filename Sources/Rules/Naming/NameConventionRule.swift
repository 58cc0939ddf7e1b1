import Catalog
import Diagnostics

/// `name-convention`: a code's name follows the naming policy's pattern.
public struct NameConventionRule: Rule {
    public static let description = RuleDescription(
        id: "name-convention",
        name: "Name follows the naming policy",
        severity: .error,
        summary: "A code's `name` must match the `naming.name` pattern of the policy.",
        rationale: """
            Names are how people find codes in reports, dashboards and analytics exports, long after the \
            campaign: a convention such as `business-unit_region_channel_campaign_asset_vN` makes them sortable \
            and greppable. The pattern is a regular expression in the policy (POSIX extended, plus `\\d`, `\\w` \
            and `\\s`); it must match the whole name only if it says so with `^...$`. A pattern that does not \
            compile is reported once as `policy-invalid`, and the check is skipped.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                name: ↓Coffee X1 setup
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                name: retail_eu_packaging_coffee-x1_setup_v2
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            // No name, nothing to check (names are optional).
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
        guard let name = code.name, let pattern = context.naming.name, let compiled = pattern.compiled,
              !compiled.matches(name.value) else { return }
        findings.append(finding(
            "the name `\(name.value)` does not match the naming policy `\(pattern.source.value)`", at: name.location,
            length: name.value.unicodeScalars.count,
            notes: [DiagnosticNote("`naming.name` is set here", at: pattern.source.location)],
            hint: "rename the code to follow the convention described in the naming policy"))
    }

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        if let invalid = context.naming.name?.invalidDiagnostic { findings.append(invalid) }
    }
}

import Catalog
import Diagnostics

/// `id-convention`: a code's id follows the naming policy's pattern.
public struct IdConventionRule: Rule {
    public static let description = RuleDescription(
        id: "id-convention",
        name: "Id follows the naming policy",
        severity: .error,
        summary: "A code's `id` must match the `naming.id` pattern of the policy.",
        rationale: """
            The id is the permanent asset number of a printed code: it is never changed or reused once the code \
            has been live, so a malformed id is forever. Checking it against the policy's pattern (for example \
            `^[A-Z]{3}-[A-Z]{2}-[0-9]{4}$`) before the first print is the only chance to get it right. Patterns \
            are POSIX extended regular expressions plus `\\d`, `\\w` and `\\s`, anchored only where they say \
            `^...$`; one that does not compile is reported once as `policy-invalid`.
            """,
        triggering: [
            RuleExample("""
                id: ↓ret-eu-1
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
                target: https://www.acme.example/x
                """),
            // `\d` is understood, and an unanchored pattern matches anywhere in the id.
            RuleExample("""
                id: legacy-RET-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                naming:
                  id: 'RET-\\d{4}'
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let pattern = context.naming.id, let compiled = pattern.compiled, !compiled.matches(code.id.value) else { return }
        findings.append(finding(
            "the id `\(code.id.value)` does not match the naming policy `\(pattern.source.value)`", at: code.id.location,
            length: code.id.value.unicodeScalars.count,
            notes: [DiagnosticNote("`naming.id` is set here", at: pattern.source.location)],
            hint: "ids are permanent: pick one that follows the convention before the code is printed"))
    }

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        if let invalid = context.naming.id?.invalidDiagnostic { findings.append(invalid) }
    }
}

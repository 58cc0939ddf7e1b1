import Catalog
import Diagnostics

/// `expired-but-active`: a code past its retirement date says `active`.
public struct ExpiredButActiveRule: Rule {
    public static let description = RuleDescription(
        id: "expired-but-active",
        name: "Active after its retirement date",
        severity: .error,
        summary: "A code whose `retire` date has passed must not be `active`.",
        rationale: """
            From its `retire` date on a code behaves as retired whatever its status says, so `status: active` \
            misleads every reader and report. The printed code is still out there, because print outlives \
            campaigns: the fix is to say `status: retired` and make sure a fallback takes the scans, or, if the \
            code must stay live, to move `retire` and say why.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: ↓active
                launch: 2025-01-01
                retire: 2026-05-01
                target: https://www.acme.example/x
                fallback: https://www.acme.example/
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: retired
                launch: 2025-01-01
                retire: 2026-05-01
                target: https://www.acme.example/x
                fallback: https://www.acme.example/
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-07-01
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard code.status.value == .active, let retire = code.retire, context.hasReached(retire.value) else { return }
        findings.append(finding(
            "the code `\(code.id.value)` is `active` but retired on \(retire.value.dateString)", at: code.status.location,
            length: "active".count,
            notes: [DiagnosticNote("retirement date", at: retire.location)],
            hint: "set `status: retired` and check the `fallback` that now takes the scans; to keep it live, move `retire` and say why in `change-reason`"))
    }
}

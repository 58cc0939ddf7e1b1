import Catalog
import Diagnostics

/// `launch-after-retire`: a code launches before it retires.
public struct LaunchAfterRetireRule: Rule {
    public static let description = RuleDescription(
        id: "launch-after-retire",
        name: "Launch after retirement",
        severity: .error,
        summary: "A code's `launch` must be before its `retire`.",
        rationale: """
            A code that launches on or after its retirement date is never live: every scan goes to the fallback. \
            It is almost always swapped dates or a wrong year, and it is cheaper to catch before the code is \
            printed than after.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                launch: ↓2027-03-01
                retire: 2026-12-01
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                launch: ↓2027-03-01
                retire: 2027-03-01
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                launch: 2026-03-01
                retire: 2026-12-01
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let launch = code.launch, let retire = code.retire, launch.value >= retire.value else { return }
        let same = launch.value == retire.value
        findings.append(finding(
            "the code launches on \(launch.value.dateString), \(same ? "the day" : "after") it retires (\(retire.value.dateString)): it would never be live",
            at: launch.location, length: LifecycleText.dateLength,
            notes: [DiagnosticNote("retirement date", at: retire.location)],
            hint: "check the two dates: are they swapped, or is a year wrong?"))
    }
}

import Catalog
import Diagnostics

/// `retiring-soon`: a live code retires within the policy's window.
public struct RetiringSoonRule: Rule {
    public static let description = RuleDescription(
        id: "retiring-soon",
        name: "Retiring soon",
        severity: .warning,
        summary: "An `active` or `paused` code retires within `lifecycle.retiring-soon` (30 days unless the policy says otherwise).",
        rationale: """
            Retirement should never surprise the owner: a code on packaging still on the shelves may need its \
            date moved, and a campaign code needs a fallback that makes sense to the people who keep scanning it. \
            The warning appears while there is still time to decide, for as long as `lifecycle.retiring-soon` \
            says.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: ↓2026-06-20
                target: https://www.acme.example/x
                """),
            // The window comes from the policy.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: paused
                retire: ↓2026-08-01
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                lifecycle: {retiring-soon: 3mo}
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-08-01
                target: https://www.acme.example/x
                """),
            // Already past: `expired-but-active` says so.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2026-05-01
                target: https://www.acme.example/x
                """),
        ]
    )

    static let defaultWindow = CalendarDuration(count: 30, unit: .days)

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let retire = code.retire, code.status.value == .active || code.status.value == .paused,
              !context.hasReached(retire.value) else { return }
        let window = context.policies.retiringSoon?.value ?? Self.defaultWindow
        // Until `retire` less the longest the window can be, the code is surely outside it.
        let (earliest, overflow) = retire.value.seconds.subtractingReportingOverflow(LifecycleText.longest(window))
        guard overflow || context.hasReached(Instant(seconds: earliest)) else { return }
        let now = context.exactNow
        guard retire.value <= now.adding(window) else { return }
        let days = LifecycleText.daysUntil(retire.value, from: now)
        findings.append(finding(
            "the code `\(code.id.value)` retires on \(retire.value.dateString), in \(days) day\(days == 1 ? "" : "s")",
            at: retire.location, length: LifecycleText.dateLength,
            hint: "move `retire` if the code must stay live; otherwise check that its fallback suits the people who keep scanning it"))
    }
}

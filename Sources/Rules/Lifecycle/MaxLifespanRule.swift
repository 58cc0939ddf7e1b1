import Catalog
import Diagnostics

/// `max-lifespan`: a code lives no longer than its use case allows.
public struct MaxLifespanRule: Rule {
    public static let description = RuleDescription(
        id: "max-lifespan",
        name: "Lifespan within the use case's limit",
        severity: .error,
        summary: "`retire` minus `launch` (or minus today, without `launch`) must not exceed the use case's `max-lifespan`.",
        rationale: """
            Each use case caps how long its codes may live: an event code has no business being live years \
            after the event, while a code on packaging or an equipment label lives as long as the product. The \
            cap forces a review at a sensible time instead of a forgotten redirect. Retired and archived codes \
            are history and are not checked.
            """,
        triggering: [
            RuleExample("""
                id: EVT-EU-0001
                slug: expo
                owner: retail-eu
                status: active
                use: events
                launch: 2026-03-01
                retire: ↓2027-03-01
                target: https://www.acme.example/expo
                """),
            // Without `launch`, the lifespan counts from today (2026-06-01 in examples).
            RuleExample("""
                id: EVT-EU-0001
                slug: expo
                owner: retail-eu
                status: draft
                use: events
                retire: ↓2026-12-02
                target: https://www.acme.example/expo
                """),
        ],
        nonTriggering: [
            // Exactly the limit is allowed.
            RuleExample("""
                id: EVT-EU-0001
                slug: expo
                owner: retail-eu
                status: active
                use: events
                launch: 2026-03-01
                retire: 2026-09-01
                target: https://www.acme.example/expo
                """),
            RuleExample("""
                id: EVT-EU-0001
                slug: expo
                owner: retail-eu
                status: retired
                use: events
                launch: 2020-03-01
                retire: 2026-03-01
                target: https://www.acme.example/expo
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let retire = code.retire, code.status.value != .retired, code.status.value != .archived,
              let use = code.use?.value, let limit = context.policies.useCases[use]?.maxLifespan else { return }
        // Without `launch` the span starts now. A later start cannot end the span before the UTC
        // midnight that starts the day of this one's end (adding months clamps the day of the
        // month but keeps the time of day, so `later.adding(limit)` may be earlier, within that
        // day): a code retired by that midnight stays within the limit as time passes. Any
        // other code is looked at again each second.
        let start = code.launch?.value ?? context.now(lasting: { now in
            retire.value <= RuleContext.startOfDay(now.adding(limit.value)) ? .fromNowOn : .thisSecond
        })
        let latest = start.adding(limit.value)
        guard retire.value > latest else { return }
        if code.launch == nil { _ = context.exactNow }
        let from = code.launch == nil ? "today (\(start.dateString))" : "`launch` (\(start.dateString))"
        findings.append(finding(
            "the code would live \(LifecycleText.span(from: start, to: retire.value)), from \(from) to \(retire.value.dateString); "
                + "the `\(use)` use case allows at most \(limit.value)",
            at: retire.location, length: LifecycleText.dateLength,
            notes: [DiagnosticNote("`max-lifespan` of `\(use)` is set here", at: limit.location)],
            hint: "retire the code by \(latest.dateString), or give it the use case it really has"))
    }
}

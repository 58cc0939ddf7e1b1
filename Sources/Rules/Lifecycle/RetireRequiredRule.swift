import Catalog
import Diagnostics

/// `retire-required`: live codes have a retirement date.
public struct RetireRequiredRule: Rule {
    public static let description = RuleDescription(
        id: "retire-required",
        name: "Retirement date required",
        severity: .error,
        summary: "An `active` or `paused` code must have a `retire` date.",
        rationale: """
            Codes without an end date are how a portfolio rots: the campaign ends, the microsite expires, and the \
            code keeps sending people to a 404 for years. A `retire` date is a promise to look at the code again: \
            lint warns before it arrives (`retiring-soon`), and from that day on scans go to the fallback. \
            Evergreen codes (manuals, warranty registration) get a distant date within their use case's \
            `max-lifespan`, and the date is moved when someone confirms the code is still right.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: ↓active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: ↓paused
                use: packaging
                labels: {region: eu}
                launch: 2026-03-01
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2030-01-01
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard code.retire == nil, code.status.value == .active || code.status.value == .paused else { return }
        let status = code.status.value.rawValue
        var hint = "add `retire: YYYY-MM-DD`: the date the code is reviewed and, unless moved, retired"
        if let use = code.use?.value, let limit = context.policies.useCases[use]?.maxLifespan?.value {
            let start = code.launch?.value ?? context.today
            hint = "add `retire:` no later than \(start.adding(limit).dateString) (the `\(use)` use case allows \(limit))"
        }
        findings.append(finding(
            "the \(status) code `\(code.id.value)` has no `retire` date", at: code.status.location,
            length: status.unicodeScalars.count, hint: hint))
    }
}

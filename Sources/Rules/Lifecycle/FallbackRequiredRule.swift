import Catalog
import Diagnostics

/// `fallback-required`: every state that does not redirect to the code's target has somewhere to go.
public struct FallbackRequiredRule: Rule {
    public static let description = RuleDescription(
        id: "fallback-required",
        name: "Fallback required",
        severity: .error,
        summary: "A code that can be paused, not yet launched, retired or archived must resolve to a fallback: its own `fallback` or its domain's.",
        rationale: """
            A printed code is forever and a scan never ends in a bare 404. Paused, archived and retired codes, a \
            code before its `launch` and an active code from its `retire` date on all send scans to a fallback: \
            the code's own `fallback`, or else the `fallback` of its short domain in the domains policy. When \
            neither exists, those scans would have nowhere to go. The finding points at what creates the need: \
            the status, the `retire` date or a future `launch`.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: shop.acme.example
                owner: retail-eu
                status: ↓paused
                target: https://www.acme.example/x
                """, policies: domainsWithoutFallback),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: shop.acme.example
                owner: retail-eu
                status: active
                retire: ↓2030-01-01
                target: https://www.acme.example/x
                """, policies: domainsWithoutFallback),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: shop.acme.example
                owner: retail-eu
                status: draft
                launch: ↓2026-09-01
                target: https://www.acme.example/x
                """, policies: domainsWithoutFallback),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: shop.acme.example
                owner: retail-eu
                status: retired
                retire: 2026-01-01
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                """, policies: domainsWithoutFallback),
            // The domain's fallback covers codes without their own.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: paused
                target: https://www.acme.example/x
                """),
            // Active, launched, no retirement date: always redirects to its target.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: shop.acme.example
                owner: retail-eu
                status: active
                launch: 2026-01-01
                target: https://www.acme.example/x
                """, policies: domainsWithoutFallback),
        ]
    )

    static let domainsWithoutFallback = """
        version: 1
        owners:
          retail-eu: {}
        domains:
          shop.acme.example: {}
        default-domain: shop.acme.example
        """

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard code.fallback == nil, let need = need(code, context: context), !domainHasFallback(code, context.policies) else { return }
        let domain = context.policies.domain(of: code).map { "`\($0)`" } ?? "its domain"
        findings.append(finding(
            "\(need.reason), but neither the code nor \(domain) has a `fallback`", at: need.location, length: need.length,
            hint: "add `fallback:` to the code (or its folder's `_defaults.yaml`), or a `fallback` for \(domain) in the domains policy"))
    }

    private struct Need {
        var reason: String
        var location: SourceLocation
        var length: Int
    }

    /// Why the code needs a fallback, located at what creates the need (status, then `retire`, then `launch`).
    private func need(_ code: Code, context: RuleContext) -> Need? {
        let status = code.status
        switch status.value {
        case .paused, .archived, .retired:
            return Need(reason: "a `\(status.value.rawValue)` code sends every scan to a fallback", location: status.location,
                        length: status.value.rawValue.unicodeScalars.count)
        case .active, .draft:
            if let retire = code.retire {
                return Need(reason: "from \(retire.value.dateString) on the code is retired and sends scans to a fallback",
                            location: retire.location, length: LifecycleText.dateLength)
            }
            if let launch = code.launch, !context.hasReached(launch.value) {
                return Need(reason: "until it launches on \(launch.value.dateString) the code sends scans to a fallback",
                            location: launch.location, length: LifecycleText.dateLength)
            }
            return nil
        }
    }

    private func domainHasFallback(_ code: Code, _ policies: Policies) -> Bool {
        guard let domain = policies.domain(of: code) else { return false }
        let entry = policies.domains[domain] ?? policies.domains[domain.lowercased()]
        return entry?.fallback != nil
    }
}

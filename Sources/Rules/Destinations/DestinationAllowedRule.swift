import Catalog
import Diagnostics

/// `destination-allowed`: a destination's host must be on the allow-list.
public struct DestinationAllowedRule: DestinationRule {
    public static let description = RuleDescription(
        id: "destination-allowed",
        name: "Destinations are allow-listed",
        severity: .error,
        summary: "A destination's host must match `destinations.allowed`, or its compliance category's `allowed-destinations`.",
        rationale: """
            A printed code is trusted because it carries our name, so it may only lead to hosts we control or have \
            vetted: link shorteners, agency microsites and personal storage need a reviewed change to the allow-list \
            first. An entry `www.acme.example` allows exactly that host; an entry with a leading dot, `.acme.example`, \
            allows `acme.example` itself and every subdomain. Hosts compare without case, in Punycode form (an IDN \
            entry matches its `xn--` spelling), ignoring one trailing dot. A compliance category's \
            `allowed-destinations` replaces the global list for its codes (alcohol codes may not link to app stores). \
            The real host is checked: in `https://www.acme.example@evil.example/` it is `evil.example` (see also \
            `destination-userinfo`). Ports do not matter (`www.acme.example:8443` is allowed when the host is). \
            Without a `destinations:` policy any host is allowed; allow-list entries that are not host names (URLs, \
            `*.` wildcards, ports) are reported where they are written.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://bit.ly/3xYz
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example.evil.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                compliance: alcohol
                labels: {age-gate: verified}
                target: https://www.acme.example/beer
                routes:
                  - when: {device: [ios]}
                    target: ↓https://apps.apple.com/app/id0000000001
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://shop.acme.example:8443/x
                routes:
                  - when: {device: [ios]}
                    target: https://apps.apple.com/app/id0000000001
                fallback: https://acme.example/
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        let url = destination.url
        guard let list = context.destinations.allowList(for: destination.category), let written = url.host else { return }
        let host = destination.hostName
        if let host, list.allows(host) { return }
        let shown = host.map { String($0.ascii) } ?? String(written)
        let category = context.destinations.categories[destination.category ?? ""] == nil ? nil : destination.category
        let scope = category.map { " for `\($0)` codes" } ?? ""
        let userinfo = url.userinfo.map { " (`\($0)@` is user information: the browser goes to `\(shown)`)" } ?? ""
        let candidates = list.written.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
        let hint = DidYouMean.suggest(shown, among: candidates).map { "did you mean `\($0)`?" }
            ?? Self.addHint(category: category, allowed: list.written)
        findings.append(finding(
            "`\(shown)` is not an allowed destination\(scope)\(userinfo)", at: destination.value.location,
            length: destination.length, hint: hint))
    }

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        for entry in Self.allowListEntries(catalog.policies) where AllowListEntry(entry.value) == nil {
            findings.append(finding(
                "allow-list entry `\(entry.value)` is not a host name", at: entry.location,
                length: max(1, entry.value.unicodeScalars.count),
                hint: "write a host (`www.acme.example`) or a domain with a leading dot for it and its subdomains (`.acme.example`)"))
        }
        for key in catalog.policies.domains.keys.sorted() {
            guard let domain = catalog.policies.domains[key] else { continue }
            for value in [domain.fallback, domain.notFound].compactMap({ $0 }) {
                check(Destination(value, category: nil), context: context, into: &findings)
            }
        }
    }

    private static func allowListEntries(_ policies: Policies) -> [Located<String>] {
        policies.allowedDestinations
            + policies.compliance.keys.sorted().flatMap { policies.compliance[$0]?.allowedDestinations ?? [] }
    }

    private static func addHint(category: String?, allowed: [String]) -> String {
        let list = allowed.prefix(6).map { "`\($0)`" }.joined(separator: ", ") + (allowed.count > 6 ? ", ..." : "")
        let key = category.map { "`allowed-destinations` of the `\($0)` compliance category" } ?? "`destinations.allowed`"
        return "allowed: \(list); to allow another host, add it to \(key) in policies/ (a reviewed change)"
    }
}

import Catalog
import Diagnostics

/// `reserved-slug`: a slug must not take a path the servers use themselves.
public struct ReservedSlugRule: Rule {
    public static let description = RuleDescription(
        id: "reserved-slug",
        name: "Reserved slug",
        severity: .error,
        summary: "A slug must not be a reserved path: `healthz`, `readyz`, `livez`, `metrics`, `status`, `robots.txt`, `favicon.ico`, `.well-known`, `sitemap.xml`, `api`, `admin`, `login`, or one listed under `reserved-slugs` in the policy.",
        rationale: """
            The short domain also serves its own paths: health checks for the load balancer, metrics for \
            monitoring, `robots.txt` and `favicon.ico` for browsers and crawlers, `.well-known` for certificates. \
            A code on one of those paths either breaks the server's own endpoint or is shadowed by it, and the \
            code is printed by then. Slugs are compared without case, as the servers match them.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: ↓Metrics
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: ↓ping
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                reserved-slugs: [ping]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: metrics-dashboard
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        let slug = code.slug
        guard let reservation = context.naming.reservedSlugs[slug.value.lowercased()] else { return }
        var notes: [DiagnosticNote] = []
        let why: String
        switch reservation {
        case .builtin:
            why = "the redirect servers and browsers use it themselves"
        case .policy(let entry):
            why = "the policy reserves it"
            notes.append(DiagnosticNote("reserved here", at: entry.location))
        }
        findings.append(finding(
            "the slug `\(slug.value)` is reserved: \(why)", at: slug.location, length: slug.value.unicodeScalars.count,
            notes: notes, hint: "choose another slug"))
    }
}

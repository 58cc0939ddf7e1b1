import Catalog
import Diagnostics

/// `id-reused`: a printed slug keeps leading to the code it was printed for.
public struct IdReusedRule: Rule {
    public static let description = RuleDescription(
        id: "id-reused",
        name: "No reuse of printed slugs and ids",
        severity: .error,
        summary: "A slug that a published code held on the base must not come back as another code (another `id`).",
        rationale: """
            Ids and slugs are never reused: an old leaflet must not one day open somebody else's campaign. Codes \
            are matched between the base and the pull request by `id`, so an id that comes back with another \
            slug or domain is reported by `slug-changed` or `domain-changed`, and a retired id brought back to \
            life by `retired-reactivated`. This rule covers the other half: a code of the pull request that \
            takes a slug which, on the base, belonged to a published code with another id (on the same short \
            domain, compared as the domain compares slugs), whether that code was deleted, moved to another \
            slug, or is still there (then `duplicate-slug` reports it as well).
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0002
                ↓slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/y
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: retired
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0002
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/y
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0002
                slug: cx1
                domain: go.acme.example
                owner: retail-eu
                status: active
                target: https://www.acme.example/y
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        var owners: [String: Code] = [:]
        for code in base.base.codes where code.status.value.hasBeenPublished {
            let domain = base.base.policies.domain(of: code) ?? ""
            let key = SlugKey.key(domain: domain, slug: code.slug.value, policies: base.base.policies)
            if owners[key] == nil { owners[key] = code }
        }
        guard !owners.isEmpty else { return }
        for code in head.codes {
            let domain = head.policies.domain(of: code) ?? ""
            let key = SlugKey.key(domain: domain, slug: code.slug.value, policies: base.base.policies)
            guard let previous = owners[key], previous.id.value != code.id.value else { continue }
            findings.append(BaseFinding(finding(
                "the slug `\(code.slug.value)` on \(domain) belonged to `\(previous.id.value)` on \(base.ref): printed copies of that code would open this one",
                at: code.slug.keyOrValue, length: 4,
                notes: [DiagnosticNote("`\(previous.id.value)` (\(previous.status.value.rawValue)) holds it on \(base.ref)", at: base.location(previous.slug.location))],
                hint: "choose a slug that has never been used on \(domain)"), about: code))
        }
    }
}

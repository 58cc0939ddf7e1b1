import Catalog
import Diagnostics

/// `slug-changed`: a published code keeps its slug.
public struct SlugChangedRule: Rule {
    public static let description = RuleDescription(
        id: "slug-changed",
        name: "Slugs never change",
        severity: .error,
        summary: "A code that has been published (any status but `draft` on the base) keeps its `slug`.",
        rationale: """
            The slug is printed inside the QR symbol: `https://qr.acme.example/cx1`. Changing it in the \
            repository does not change a single printed code; it only makes every one of them lead to the \
            not-found page, and frees the old slug for another code. Slugs are compared as the domain compares \
            them (without case unless the domain has `case-sensitive-slugs: true`). To publish a new URL, add \
            a new code; drafts may change their slug freely.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                ↓slug: cx2
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: CX1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx2
                owner: retail-eu
                status: draft
                target: https://www.acme.example/x
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        for (before, after) in base.pairs(in: head) where before !== after && before.status.value.hasBeenPublished {
            let domain = base.base.policies.domain(of: before) ?? ""
            guard !SlugKey.same(before.slug.value, after.slug.value, domain: domain, policies: base.base.policies) else { continue }
            findings.append(BaseFinding(finding(
                "the slug of `\(after.id.value)` changed from `\(before.slug.value)` to `\(after.slug.value)`: it is printed in every copy of the code",
                at: after.slug.keyOrValue, length: 4,
                notes: [DiagnosticNote("on \(base.ref) the slug is `\(before.slug.value)`", at: base.location(before.slug.location))],
                hint: "keep `slug: \(before.slug.value)`; to publish a new URL, add a new code"), about: after))
        }
    }
}

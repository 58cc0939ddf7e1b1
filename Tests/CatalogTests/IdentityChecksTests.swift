import Catalog
import Diagnostics
import Testing

/// Ids are unique; slugs are unique per domain, both compared without case, the key being
/// `domain/slug` folded (so even a domain holding `/` is compared as that whole key).
@Suite("Identity checks")
struct IdentityChecksTests {
    private func findings(_ text: String) -> [Diagnostic] {
        let (codes, diagnostics) = decodeCodeFile(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return IdentityChecks.check(codes, policies: Policies())
    }

    @Test func duplicateIdsAndSlugsPerDomain() {
        let found = findings("""
            codes:
              - {id: A-1, slug: promo, domain: qr.acme.example, status: draft}
              - {id: A-1, slug: other, domain: qr.acme.example, status: draft}
              - {id: A-3, slug: PROMO, domain: QR.Acme.Example, status: draft}
              - {id: A-4, slug: promo, domain: go.acme.example, status: draft}
              - {id: A-5, slug: promo, domain: qr.acme.example, status: draft}
              - {id: a-5, slug: Other, domain: go.acme.example, status: draft}

            """)
        #expect(found.map(\.ruleID) == [SchemaRule.duplicateID, SchemaRule.duplicateSlug, SchemaRule.duplicateSlug])
        #expect(found.map(\.location.line) == [3, 4, 6])
        #expect(found[1].message == "the slug `PROMO` clashes with `promo` on QR.Acme.Example: slugs are compared without case")
        #expect(found[2].message == "the slug `promo` is already used on qr.acme.example")
        #expect(found.allSatisfy { $0.notes.first?.location?.line == 2 || $0.notes.first?.location?.line == 3 })
    }

    @Test func aDomainHoldingASlashIsComparedAsTheWholeKey() {
        let found = findings("""
            codes:
              - {id: A-1, slug: c, domain: a/b, status: draft}
              - {id: A-2, slug: b/c, domain: a, status: draft}
              - {id: A-3, slug: B/C, domain: A, status: draft}

            """)
        // `a/b` + `/` + `c` is `a` + `/` + `b/c`: the same key.
        #expect(found.map(\.ruleID) == [SchemaRule.duplicateSlug, SchemaRule.duplicateSlug])
        #expect(found.map(\.location.line) == [3, 4])
    }
}

import Diagnostics

/// Whole-catalog identity: ids are unique in the repo; slugs are unique per short domain,
/// compared case-insensitively (web servers and scanners fold case).
public enum IdentityChecks {
    /// `codes` must be in report order (file, then position) so "the second" is deterministic.
    public static func check(_ codes: [Code], policies: Policies) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each key maps to the first code that has it: one reference, not a copy of its id or slug.
        var ids: [String: Code] = [:]
        ids.reserveCapacity(codes.count)
        // A slug's key is `domain/slug`, folded. When no domain holds a `/`, the key splits at
        // its first `/`: it is then the same as the pair (domain, slug), which is cheaper to
        // hash and needs no new string per code.
        let separable = !Self.anyDomainHoldsSlash(codes, policies)
        var slugs: [String: Code] = [:]
        var slugsByDomain: [SlugKey: Code] = [:]
        if separable { slugsByDomain.reserveCapacity(codes.count) } else { slugs.reserveCapacity(codes.count) }
        var domains = FoldedDomains()
        for code in codes {
            if let first = firstValue(in: &ids, forKey: code.id.value, insertingIfAbsent: code)?.id {
                diagnostics.append(Diagnostic(
                    .error, SchemaRule.duplicateID, "the id `\(code.id.value)` is already used by another code",
                    at: code.id.location, length: code.id.value.unicodeScalars.count,
                    notes: [DiagnosticNote("first used here", at: first.location)],
                    hint: "ids are permanent and unique: give this code a new id"))
            }
            let domain = policies.domain(of: code) ?? ""
            let slug = FoldedDomains.lowercased(code.slug.value)
            let firstCode = separable
                ? firstValue(in: &slugsByDomain, forKey: SlugKey(domain: domains.index(of: domain), slug: slug), insertingIfAbsent: code)
                : firstValue(in: &slugs, forKey: domains.lowercased(domain) + "/" + slug, insertingIfAbsent: code)
            if let first = firstCode?.slug {
                let same = first.value == code.slug.value
                diagnostics.append(Diagnostic(
                    .error, SchemaRule.duplicateSlug,
                    same ? "the slug `\(code.slug.value)` is already used on \(domain)"
                        : "the slug `\(code.slug.value)` clashes with `\(first.value)` on \(domain): slugs are compared without case",
                    at: code.slug.location, length: code.slug.value.unicodeScalars.count,
                    notes: [DiagnosticNote("first used here", at: first.location)],
                    hint: "web servers and scanners fold case; choose another slug"))
            }
        }
        return diagnostics
    }

    /// A folded slug on a folded domain (by its number in `FoldedDomains`).
    struct SlugKey: Hashable {
        var domain: Int
        var slug: String
    }

    static func anyDomainHoldsSlash(_ codes: [Code], _ policies: Policies) -> Bool {
        var last: String?
        for code in codes {
            let domain = policies.domain(of: code) ?? ""
            if let last, last.utf8.elementsEqual(domain.utf8) { continue }
            if domain.utf8.contains(UInt8(ascii: "/")) { return true }
            last = domain
        }
        return false
    }

    /// The value already stored for `key`, or nil after storing `value` there: one hash lookup.
    static func firstValue<Key: Hashable, Value>(in dictionary: inout [Key: Value], forKey key: Key, insertingIfAbsent value: Value) -> Value? {
        var existing: Value?
        func visit(_ slot: inout Value?) {
            if let slot { existing = slot } else { slot = value }
        }
        visit(&dictionary[key])
        return existing
    }
}

import Diagnostics

/// Whole-catalog identity: ids are unique in the repo; slugs are unique per short domain,
/// compared case-insensitively (web servers and scanners fold case).
public enum IdentityChecks {
    /// `codes` must be in report order (file, then position) so "the second" is deterministic.
    public static func check(_ codes: [Code], policies: Policies) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var ids: [String: Located<String>] = [:]
        var slugs: [String: Located<String>] = [:]
        ids.reserveCapacity(codes.count)
        slugs.reserveCapacity(codes.count)
        var domains = FoldedDomains()
        for code in codes {
            if let first = firstValue(in: &ids, forKey: code.id.value, insertingIfAbsent: code.id) {
                diagnostics.append(Diagnostic(
                    .error, SchemaRule.duplicateID, "the id `\(code.id.value)` is already used by another code",
                    at: code.id.location, length: code.id.value.unicodeScalars.count,
                    notes: [DiagnosticNote("first used here", at: first.location)],
                    hint: "ids are permanent and unique: give this code a new id"))
            }
            let domain = policies.domain(of: code) ?? ""
            let key = domains.lowercased(domain) + "/" + FoldedDomains.lowercased(code.slug.value)
            if let first = firstValue(in: &slugs, forKey: key, insertingIfAbsent: code.slug) {
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

    /// The value already stored for `key`, or nil after storing `value` there: one hash lookup.
    static func firstValue<Value>(in dictionary: inout [String: Value], forKey key: String, insertingIfAbsent value: Value) -> Value? {
        var existing: Value?
        func visit(_ slot: inout Value?) {
            if let slot { existing = slot } else { slot = value }
        }
        visit(&dictionary[key])
        return existing
    }
}

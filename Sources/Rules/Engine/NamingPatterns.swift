import Catalog

/// The naming policy compiled once per run: the `naming:` patterns and the reserved slugs
/// (built in plus the policy's `reserved-slugs`), keyed by their lower-cased spelling.
public struct NamingPatterns: Sendable {
    /// Why a slug is reserved.
    public enum Reservation: Sendable {
        /// In `builtinReservedSlugs`.
        case builtin
        /// Listed under `reserved-slugs` in the policy, here.
        case policy(Located<String>)
    }

    /// Paths the redirect servers and the web at large use for themselves.
    public static let builtinReservedSlugs = [
        "healthz", "readyz", "livez", "metrics", "status", "robots.txt", "favicon.ico", ".well-known",
        "sitemap.xml", "api", "admin", "login",
    ]

    public let name: PolicyPattern?
    public let id: PolicyPattern?
    public let slug: PolicyPattern?
    /// Lower-cased reserved slug to why it is reserved.
    public let reservedSlugs: [String: Reservation]

    public init(policies: Policies) {
        name = policies.namePattern.map { PolicyPattern(setting: "naming.name", source: $0) }
        id = policies.idPattern.map { PolicyPattern(setting: "naming.id", source: $0) }
        slug = policies.slugPattern.map { PolicyPattern(setting: "naming.slug", source: $0) }
        var reserved: [String: Reservation] = [:]
        for builtin in Self.builtinReservedSlugs { reserved[builtin] = .builtin }
        for entry in policies.reservedSlugs where reserved[entry.value.lowercased()] == nil {
            reserved[entry.value.lowercased()] = .policy(entry)
        }
        reservedSlugs = reserved
    }
}

import Routing

/// One answer a static target sends, with everything fixed at build time: the status, the
/// Location's compile-time parts and the headers. Only the scan's own query is added at request
/// time, between `separator` and `fragment`, when the code forwards it.
struct PlannedAnswer: Sendable, Hashable {
    /// 301, 302, 307, 308, or 404 (no Location).
    var status: Int
    var location: PlannedLocation?
    /// The `Vary` header's names, in order; empty for none.
    var vary: [String]

    static let notFound = PlannedAnswer(status: 404, location: nil, vary: [])

    /// The fallback answer: 302 to `url` exactly (no UTM, no query), or 404 without a URL.
    static func fallback(_ url: String?) -> PlannedAnswer {
        guard let url else { return .notFound }
        return PlannedAnswer(status: 302, location: PlannedLocation(prefix: url, separator: "", fragment: "", forwardsQuery: false), vary: [])
    }

    var isPermanent: Bool { status == 301 || status == 308 }

    var cacheControl: String {
        isPermanent ? Resolution.permanentCacheControl : Resolution.temporaryCacheControl
    }

    /// Every destination text the target writes into its configuration.
    var texts: [String] {
        location.map { [$0.prefix, $0.separator, $0.fragment] } ?? []
    }
}

/// A Location as `DestinationComposer.split` gives it.
struct PlannedLocation: Sendable, Hashable {
    /// The destination with its UTM parameters, without the fragment.
    var prefix: String
    /// `?`, `&` or nothing: what goes before a forwarded query.
    var separator: String
    /// `#...` or empty.
    var fragment: String
    var forwardsQuery: Bool

    /// The Location when no query is forwarded.
    var withoutQuery: String { prefix + fragment }
}

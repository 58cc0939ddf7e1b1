import Routing

/// One answer a static server config can give, everything known at build time: the status, the
/// Location's parts around a forwarded query (`prefix`, then `separator` and the scan's query
/// when `forwardsQuery` and the scan has one, then `fragment`), and the response headers.
/// Fallbacks and not-found answers are `prefix` alone (no forwarding, no UTM: docs/routing.md).
public struct StaticAnswer: Sendable, Hashable {
    /// 301, 302, 307, 308, or 404 (then there is no Location).
    public var status: Int
    public var prefix: String
    public var separator: String
    public var fragment: String
    public var forwardsQuery: Bool
    /// The `Vary` header's names, in the engine's fixed order.
    public var vary: [String]

    public init(status: Int, prefix: String, separator: String = "", fragment: String = "", forwardsQuery: Bool = false, vary: [String] = []) {
        self.status = status
        self.prefix = prefix
        self.separator = separator
        self.fragment = fragment
        self.forwardsQuery = forwardsQuery
        self.vary = vary
    }

    /// 404, no Location.
    public static let notFound = StaticAnswer(status: 404, prefix: "")

    /// A 302 to `url` exactly (a fallback or a not-found destination), or 404 without one.
    public static func redirect302(_ url: String?) -> StaticAnswer {
        url.map { StaticAnswer(status: 302, prefix: $0) } ?? .notFound
    }

    /// An active code's answer sending to `destination`.
    public static func destination(_ destination: String, of code: TableCode, domain: TableDomain) -> StaticAnswer {
        let parts = DestinationComposer.split(destination, utm: code.utm)
        return StaticAnswer(
            status: code.status, prefix: parts.prefix, separator: parts.separator, fragment: parts.fragment,
            forwardsQuery: code.forwardQuery, vary: code.varyHeaders(countryHeader: domain.countryHeader))
    }

    /// The Location when no query is forwarded; nil for 404.
    public var location: String? { status == 404 ? nil : prefix + fragment }

    /// `Cache-Control`, as the engine sends it.
    public var cacheControl: String {
        status == 301 || status == 308 ? Resolution.permanentCacheControl : Resolution.temporaryCacheControl
    }

    /// Every string the target will write into its config (to check before writing it).
    public var texts: [String] { [prefix, separator, fragment] }
}

extension StaticCode {
    /// The code's answer when no route matches (its target, else its fallback), or its only
    /// answer when it is not routing.
    public func defaultAnswer(domain: TableDomain) -> StaticAnswer {
        switch behaviour {
        case .fallback(let url): .redirect302(url)
        case .routing(_, let target, let fallback):
            target.map { .destination($0, of: code, domain: domain) } ?? .redirect302(fallback)
        }
    }

    /// Routes still live at the instant (time conditions removed); empty when not routing.
    public var liveRoutes: [TableRoute] {
        if case .routing(let routes, _, _) = behaviour { routes } else { [] }
    }
}

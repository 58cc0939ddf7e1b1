/// The answer to one scan: what a server sends, and why.
public struct Resolution: Sendable, Hashable {
    /// 301, 302, 307, 308, or 404 when there is nowhere to send the scan.
    public var status: Int
    /// The `Location` header; nil with 404.
    public var location: String?
    /// The destination chosen before query forwarding and UTM parameters (what an `expect`
    /// entry's `target` is compared with).
    public var destination: String?
    public var cacheControl: String
    /// Request headers the answer depends on (the `Vary` header), in a fixed order.
    public var vary: [String]
    /// The code that answered, if any.
    public var codeID: String?
    public var outcome: Outcome
    /// One line per decision, for `qrops resolve` and failed expectations.
    public var trace: [String]

    public enum Outcome: Sendable, Hashable {
        /// Route `index` (0-based) matched and sends to its target.
        case route(Int)
        /// Route `route`'s split chose arm `arm`.
        case split(route: Int, arm: Int)
        /// No route matched: the code's `target`.
        case target
        /// The code is not routing: its fallback (or its domain's).
        case fallback(FallbackReason)
        /// No published code has this slug: the domain's not-found destination (or 404).
        case notFound
        /// The host is not one of our short domains.
        case unknownDomain
    }

    public enum FallbackReason: String, Sendable, Hashable {
        case paused, archived, retired
        case notLaunched = "not-launched"
        case pastRetire = "past-retire"
        /// Active, in its window, but no route matched and it has no `target`.
        case noTarget = "no-target"
    }

    /// `Cache-Control` for temporary answers: routing may change at any moment (a re-point,
    /// a route window, a split), so nothing keeps them.
    public static let temporaryCacheControl = "no-store"
    /// `Cache-Control` for 301/308, which a code must ask for: browsers keep permanent
    /// redirects without a limit unless told one, so we cap it at a day.
    public static let permanentCacheControl = "public, max-age=86400"
    /// A permanent answer chosen by a split: the browser keeps its arm, shared caches keep nothing.
    public static let permanentSplitCacheControl = "private, max-age=86400"

    public var outcomeDescription: String {
        switch outcome {
        case .route(let index): "route \(index + 1)"
        case .split(let route, let arm): "route \(route + 1), split arm \(arm + 1)"
        case .target: "target"
        case .fallback(let reason): "fallback (\(reason.rawValue))"
        case .notFound: "not-found"
        case .unknownDomain: "unknown-domain"
        }
    }
}

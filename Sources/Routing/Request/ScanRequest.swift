import Catalog

/// One scan, as the routing engine sees it: the URL's parts and the request facts routing
/// may look at. Servers, `qrops resolve` and `expect:` entries all build one of these.
public struct ScanRequest: Sendable, Hashable {
    /// As received (any case, maybe with a port); `SlugPath.host(_:)` normalises it.
    public var host: String
    /// The raw path, percent-encoded as sent, starting with `/`.
    public var path: String
    /// The raw query string without `?`; nil when the URL has none.
    public var query: String?
    public var userAgent: String?
    public var acceptLanguage: String?
    /// The value of the domain's country header, if the request carried it.
    public var country: String?
    /// When the scan happens (seconds since 1970, UTC).
    public var at: Int64
    /// The identity that keeps a split sticky (servers use the client address). Nil hashes
    /// as the empty string.
    public var client: String?
    /// Overrides the User-Agent classification (`expect: {when: {device: ios}}`).
    public var device: Device?
    /// Overrides the Accept-Language parsing (`expect: {when: {language: fr}}`).
    public var language: String?

    public init(host: String, path: String, query: String? = nil, at: Int64) {
        self.host = host
        self.path = path
        self.query = query
        self.at = at
    }

    /// Splits an absolute `http(s)://host[:port]/path?query#fragment` URL (or `host/path`);
    /// nil when there is no host or the scheme is not `http` or `https`.
    public init?(url: String, at: Int64) {
        var rest = Substring(url)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://"),
           !rest[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            let name = rest[..<colon].lowercased()
            guard name == "http" || name == "https" else { return nil }
            rest = rest[rest.index(colon, offsetBy: 3)...]
        } else if !rest.hasPrefix("["), let colon = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).firstIndex(of: ":"),
                  !rest[rest.index(after: colon)...].prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).allSatisfy({ $0.isASCII && $0.isNumber }) {
            // `mailto:a@b`, `urn:x`: a scheme other than http(s), not `host:port`.
            return nil
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: String?
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        guard !host.isEmpty else { return nil }
        let path = rest[slash...]
        self.init(host: String(host), path: path.isEmpty ? "/" : String(path), query: query, at: at)
    }
}

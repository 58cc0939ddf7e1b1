/// A URL split into its RFC 3986 parts, without Foundation (fast, and no silent repairs).
/// `scheme` is nil for a relative reference (`/path`, `//host/path`): the decoder accepts those
/// structurally and the `forbidden-scheme` rule reports them.
public struct WebURL: Sendable, Hashable {
    public var text: String
    public var scheme: String?
    public var userinfo: String?
    /// The host as written, lower-cased (ASCII only).
    public var host: String?
    public var port: Int?
    public var path: String
    public var query: String?
    public var fragment: String?

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case badScheme
        case missingHost
        case badHost(String)
        case badPort(String)

        public var description: String {
            switch self {
            case .empty: "the URL is empty"
            case .badScheme: "the scheme (the part before `:`) may hold only letters, digits, `+`, `-` and `.`"
            case .missingHost: "the URL has no host after `//`"
            case .badHost(let host): "`\(host)` is not a valid host name"
            case .badPort(let port): "`\(port)` is not a valid port"
            }
        }
    }

    public static func parse(_ text: String) -> Result<WebURL, ParseError> {
        guard !text.isEmpty else { return .failure(.empty) }
        var rest = Substring(text)
        var url = WebURL(text: text, scheme: nil, userinfo: nil, host: nil, port: nil, path: "", query: nil, fragment: nil)
        if let hash = rest.firstIndex(of: "#") {
            url.fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            url.query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            let scheme = rest[..<colon]
            guard let first = scheme.first, first.isASCII, first.isLetter,
                  scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
                return .failure(.badScheme)
            }
            url.scheme = scheme.lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                url.userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            var hostPart = authority
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { return .failure(.badHost(String(authority))) }
                hostPart = authority[...close]
                let after = authority[authority.index(after: close)...]
                if !after.isEmpty {
                    guard after.first == ":" else { return .failure(.badHost(String(authority))) }
                    guard let port = parsePort(after.dropFirst()) else { return .failure(.badPort(String(after.dropFirst()))) }
                    url.port = port
                }
            } else if let colon = authority.lastIndex(of: ":") {
                hostPart = authority[..<colon]
                let portText = authority[authority.index(after: colon)...]
                guard let port = parsePort(portText) else { return .failure(.badPort(String(portText))) }
                url.port = port
            }
            guard !hostPart.isEmpty else { return .failure(.missingHost) }
            guard isValidHost(hostPart) else { return .failure(.badHost(String(hostPart))) }
            url.host = hostPart.lowercased()
        } else if url.scheme == "http" || url.scheme == "https" {
            return .failure(.missingHost)
        }
        url.path = String(rest)
        return .success(url)
    }

    private static func parsePort(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(text), port <= 65_535 else { return nil }
        return port
    }

    /// Letters (any script: IDN hosts are checked by the lookalike rule), digits, `-`, `.`,
    /// `_`, percent escapes, or an IP literal in brackets. No spaces, controls or delimiters.
    private static func isValidHost(_ host: Substring) -> Bool {
        if host.hasPrefix("[") { return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        return host.unicodeScalars.allSatisfy { scalar in
            if scalar.value < 0x80 {
                let c = Character(scalar)
                return c.isLetter || c.isNumber || c == "-" || c == "." || c == "_" || c == "%"
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }
}

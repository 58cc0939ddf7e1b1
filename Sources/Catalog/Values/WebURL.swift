/// A URL split into its RFC 3986 parts, without Foundation (fast, and no silent repairs).
/// `scheme` is nil for a relative reference (`/path`, `//host/path`): the decoder accepts those
/// structurally and the `forbidden-scheme` rule reports them.
///
/// The splitting itself is `Layout`: byte offsets into the text, computed without copying
/// anything. The decoder only validates (`problem(in:)`); the destination rules read the parts
/// as slices of the written text (`DestinationURL` in Rules); `parse` makes strings of them.
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

    /// Where each part of a URL is, in bytes of its UTF-8 text. Every delimiter of RFC 3986 is
    /// ASCII, so every offset is on a character boundary.
    public struct Layout: Sendable, Hashable {
        /// Before the first `:`, when that colon comes before any `/`, `?` or `#`.
        public var scheme: Range<Int>?
        /// Between `//` and the path, when the URL has an authority.
        public var authority: Range<Int>?
        /// Before the authority's last `@`.
        public var userinfo: Range<Int>?
        /// As written, without the port; IPv6 literals keep their brackets.
        public var host: Range<Int>?
        public var port: Range<Int>?
        public var path: Range<Int>
        /// After the first `?` (before the fragment).
        public var query: Range<Int>?
        /// After the first `#`.
        public var fragment: Range<Int>?
        /// Whether the scheme is `http` or `https`, in any case.
        public var web: WebScheme?

        public enum WebScheme: Sendable, Hashable { case http, https }

        /// Where the path starts: everything after the authority (path, query, fragment).
        public var afterAuthority: Int { path.lowerBound }
    }

    public static func parse(_ text: String) -> Result<WebURL, ParseError> {
        guard !text.isEmpty else { return .failure(.empty) }
        return withBytes(of: text) { bytes in
            let (layout, problem) = split(bytes, validatingHost: true)
            if let problem { return .failure(problem) }
            func slice(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            return .success(WebURL(
                text: text, scheme: layout.scheme.map { slice($0).lowercased() }, userinfo: layout.userinfo.map(slice),
                host: layout.host.map { slice($0).lowercased() }, port: layout.port.flatMap { parsePort(bytes[$0]) },
                path: slice(layout.path), query: layout.query.map(slice), fragment: layout.fragment.map(slice)))
        }
    }

    /// Why `parse` rejects `text`, or nil when it accepts it (nothing is copied).
    public static func problem(in text: String) -> ParseError? {
        guard !text.isEmpty else { return .empty }
        return withBytes(of: text) { split($0, validatingHost: true).problem }
    }

    /// How `text` splits; for text `parse` rejects, as far as the split got. (The host's
    /// characters are not checked: that does not move any part.)
    public static func layout(of text: String) -> Layout {
        withBytes(of: text) { split($0, validatingHost: false).layout }
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The split, and the first problem that makes the URL invalid (nil when valid).
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, validatingHost: Bool) -> (layout: Layout, problem: ParseError?) {
        func slice(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var layout = Layout(path: 0..<0)
        var end = bytes.count
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            layout.fragment = (hash + 1)..<end
            end = hash
        }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) {
            layout.query = (question + 1)..<end
            end = question
        }
        var start = 0
        if let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")),
           !bytes[..<colon].contains(UInt8(ascii: "/")) {
            layout.scheme = 0..<colon
            layout.path = (colon + 1)..<end
            guard colon > 0, isLetter(bytes[0]),
                  bytes[..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else {
                return (layout, .badScheme)
            }
            layout.web = webScheme(bytes, length: colon)
            start = colon + 1
        }
        layout.path = start..<end
        if end - start >= 2, bytes[start] == 0x2F, bytes[start + 1] == 0x2F {
            let authorityStart = start + 2
            let authorityEnd = bytes[authorityStart..<end].firstIndex(of: 0x2F) ?? end
            layout.authority = authorityStart..<authorityEnd
            layout.path = authorityEnd..<end
            var hostStart = authorityStart
            if let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
                layout.userinfo = authorityStart..<at
                hostStart = at + 1
            }
            var hostEnd = authorityEnd
            if hostStart < authorityEnd, bytes[hostStart] == UInt8(ascii: "[") {
                guard let close = bytes[hostStart..<authorityEnd].firstIndex(of: UInt8(ascii: "]")) else {
                    layout.host = hostStart..<authorityEnd
                    return (layout, .badHost(slice(hostStart..<authorityEnd)))
                }
                hostEnd = close + 1
                if hostEnd < authorityEnd {
                    layout.port = (hostEnd + 1)..<authorityEnd
                    guard bytes[hostEnd] == UInt8(ascii: ":") else { return (layout, .badHost(slice(hostStart..<authorityEnd))) }
                    guard parsePort(bytes[(hostEnd + 1)..<authorityEnd]) != nil else {
                        return (layout, .badPort(slice((hostEnd + 1)..<authorityEnd)))
                    }
                }
            } else if let colon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")) {
                hostEnd = colon
                layout.port = (colon + 1)..<authorityEnd
                guard parsePort(bytes[(colon + 1)..<authorityEnd]) != nil else {
                    return (layout, .badPort(slice((colon + 1)..<authorityEnd)))
                }
            }
            layout.host = hostStart..<hostEnd
            guard hostEnd > hostStart else { return (layout, .missingHost) }
            guard !validatingHost || isValidHost(bytes[hostStart..<hostEnd], text: { slice(hostStart..<hostEnd) }) else {
                return (layout, .badHost(slice(hostStart..<hostEnd)))
            }
        } else if layout.web != nil {
            return (layout, .missingHost)
        }
        return (layout, nil)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `http` or `https` in any case (the schemes that must have a host), for a scheme of
    /// `length` bytes at the start.
    private static func webScheme(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Layout.WebScheme? {
        guard length == 4 || length == 5, bytes[0] | 0x20 == UInt8(ascii: "h"), bytes[1] | 0x20 == UInt8(ascii: "t"),
              bytes[2] | 0x20 == UInt8(ascii: "t"), bytes[3] | 0x20 == UInt8(ascii: "p") else { return nil }
        if length == 4 { return .http }
        return bytes[4] | 0x20 == UInt8(ascii: "s") ? .https : nil
    }

    private static func parsePort(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 5, bytes.allSatisfy(isDigit) else { return nil }
        let port = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return port <= 65_535 ? port : nil
    }

    /// Letters (any script: IDN hosts are checked by the lookalike rule), digits, `-`, `.`,
    /// `_`, percent escapes, or an IP literal in brackets. No spaces, controls or delimiters.
    private static func isValidHost(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, text: () -> String) -> Bool {
        if bytes.first == UInt8(ascii: "[") {
            return bytes.dropFirst().dropLast().allSatisfy { isDigit($0) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) || $0 == 0x3A || $0 == 0x2E }
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x25 }
        }
        return text().unicodeScalars.allSatisfy { scalar in
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                return isLetter(byte) || isDigit(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x25
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }
}

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
        var utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { parse(text, bytes: $0) } ?? {
            var copy = text
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            return utf8.withContiguousStorageIfAvailable { parse(text, bytes: $0) } ?? .failure(.empty)
        }()
    }

    /// Works on UTF-8 bytes: every delimiter of RFC 3986 is ASCII.
    private static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result<WebURL, ParseError> {
        func slice(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var url = WebURL(text: text, scheme: nil, userinfo: nil, host: nil, port: nil, path: "", query: nil, fragment: nil)
        var end = bytes.count
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            url.fragment = slice((hash + 1)..<end)
            end = hash
        }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) {
            url.query = slice((question + 1)..<end)
            end = question
        }
        var start = 0
        if let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")),
           !bytes[..<colon].contains(UInt8(ascii: "/")) {
            guard colon > 0, isLetter(bytes[0]),
                  bytes[..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else {
                return .failure(.badScheme)
            }
            url.scheme = slice(0..<colon).lowercased()
            start = colon + 1
        }
        if end - start >= 2, bytes[start] == 0x2F, bytes[start + 1] == 0x2F {
            let authorityStart = start + 2
            let authorityEnd = bytes[authorityStart..<end].firstIndex(of: 0x2F) ?? end
            var hostStart = authorityStart
            if let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
                url.userinfo = slice(authorityStart..<at)
                hostStart = at + 1
            }
            var hostEnd = authorityEnd
            if hostStart < authorityEnd, bytes[hostStart] == UInt8(ascii: "[") {
                guard let close = bytes[hostStart..<authorityEnd].firstIndex(of: UInt8(ascii: "]")) else {
                    return .failure(.badHost(slice(hostStart..<authorityEnd)))
                }
                hostEnd = close + 1
                if hostEnd < authorityEnd {
                    guard bytes[hostEnd] == UInt8(ascii: ":") else { return .failure(.badHost(slice(hostStart..<authorityEnd))) }
                    guard let port = parsePort(bytes[(hostEnd + 1)..<authorityEnd]) else {
                        return .failure(.badPort(slice((hostEnd + 1)..<authorityEnd)))
                    }
                    url.port = port
                }
            } else if let colon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")) {
                hostEnd = colon
                guard let port = parsePort(bytes[(colon + 1)..<authorityEnd]) else {
                    return .failure(.badPort(slice((colon + 1)..<authorityEnd)))
                }
                url.port = port
            }
            guard hostEnd > hostStart else { return .failure(.missingHost) }
            let host = slice(hostStart..<hostEnd)
            guard isValidHost(bytes[hostStart..<hostEnd], text: host) else { return .failure(.badHost(host)) }
            url.host = host.lowercased()
            start = authorityEnd
        } else if url.scheme == "http" || url.scheme == "https" {
            return .failure(.missingHost)
        }
        url.path = slice(start..<end)
        return .success(url)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func parsePort(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 5, bytes.allSatisfy(isDigit) else { return nil }
        let port = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return port <= 65_535 ? port : nil
    }

    /// Letters (any script: IDN hosts are checked by the lookalike rule), digits, `-`, `.`,
    /// `_`, percent escapes, or an IP literal in brackets. No spaces, controls or delimiters.
    private static func isValidHost(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, text: String) -> Bool {
        if bytes.first == UInt8(ascii: "[") {
            return bytes.dropFirst().dropLast().allSatisfy { isDigit($0) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) || $0 == 0x3A || $0 == 0x2E }
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x25 }
        }
        return text.unicodeScalars.allSatisfy { scalar in
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                return isLetter(byte) || isDigit(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x25
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }
}

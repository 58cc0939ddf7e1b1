/// Text rules shared by the edge-platform emitters.
enum EdgeText {
    /// A slug as a URL path segment: every byte outside RFC 3986's unreserved characters
    /// percent-encoded (upper-case hex), so no platform reads `*`, `:` or `%` in it specially.
    static func pathSegment(_ slug: String) -> String {
        var out = ""
        for byte in slug.utf8 {
            if RequestPattern.isLetter(byte) || RequestPattern.isDigit(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + RequestPattern.hex(byte)
            }
        }
        return out
    }

    /// Printable ASCII without spaces, and UTF-8 beyond ASCII: what a URL in a whitespace- or
    /// comma-separated file may hold. `forbidden` lists more bytes the format cannot hold.
    static func isPlain(_ text: String, forbidding forbidden: [UInt8] = []) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x80 || ($0 > 0x20 && $0 < 0x7F && !forbidden.contains($0)) }
    }

    static func offender(_ text: String, forbidding forbidden: [UInt8] = []) -> String {
        guard let byte = text.utf8.first(where: { !($0 >= 0x80 || ($0 > 0x20 && $0 < 0x7F && !forbidden.contains($0))) }) else {
            return text.isEmpty ? "nothing (it is empty)" : "nothing"
        }
        return byte > 0x20 && byte < 0x7F ? "`\(Character(Unicode.Scalar(byte)))`" : "the byte 0x" + RequestPattern.hex(byte)
    }

    /// An absolute http(s) URL: the only kind of destination edge platforms redirect to as is.
    static func isAbsoluteHTTP(_ url: String) -> Bool {
        url.hasPrefix("https://") || url.hasPrefix("http://")
    }
}

/// What a route's condition tests, by name.
struct TableConditionFeatures {
    var names: [String]

    init(device: Bool, language: Bool, country: Bool, query: Bool) {
        names = []
        if device { names.append("device") }
        if language { names.append("language") }
        if country { names.append("country") }
        if query { names.append("query") }
    }
}

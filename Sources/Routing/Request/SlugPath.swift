/// How a request's host and path become a domain and a slug key, the way web servers
/// normalise them (docs/routing.md, "Lookup"): the path is percent-decoded, `.` and `..`
/// segments are resolved, repeated slashes merged, and leading and trailing slashes dropped.
public enum SlugPath {
    /// Lower-case (ASCII), without surrounding blanks, a port or trailing dots; an IPv6
    /// literal keeps its brackets (`[2001:DB8::1]:443` → `[2001:db8::1]`).
    public static func host(_ raw: String) -> String {
        var host = Substring(raw).trimmingWhitespace()
        if host.hasPrefix("[") {
            if let close = host.firstIndex(of: "]") { host = host[...close] }
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        while host.hasSuffix(".") { host = host.dropLast() }
        return asciiLowercased(String(host))
    }

    /// The slug a raw path names (not yet case-folded): `/CX1/` → `CX1`, `/c%78%31` → `cx1`,
    /// `//a/../cx1` → `cx1`. Invalid percent escapes stay as written. A slug never contains
    /// `/`, so a path with two segments left names no code.
    public static func slug(fromPath raw: String) -> String {
        let decoded = percentDecoded(raw)
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// Decodes every valid `%XX`; bytes that do not form UTF-8 are replaced (U+FFFD).
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == 0x25, index + 2 < source.count, let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lower-cases A–Z only, as nginx and HAProxy's `lower` do.
    public static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

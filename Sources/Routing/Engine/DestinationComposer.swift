/// Builds the Location of an active code's answer (docs/routing.md, "Query handling"): the
/// destination's own query first, then each `utm_*` parameter the destination does not already
/// carry, then the scan's query when the code forwards it. One `?`, `&` between parts, and the
/// destination's fragment kept last. Everything before the forwarded query is known when the
/// table is compiled, which is what lets static server configs give the same answer
/// (`prefix`, then `?` or `&`, then the scan's query, then the fragment).
public enum DestinationComposer {
    public static func compose(_ destination: String, forwardedQuery: String?, utm: [QueryParameter]) -> String {
        let parts = split(destination, utm: utm)
        guard let forwarded = forwardedQuery.map(sanitisedQuery), !forwarded.isEmpty else { return parts.prefix + parts.fragment }
        return parts.prefix + parts.separator + forwarded + parts.fragment
    }

    /// The compile-time parts of a Location: `prefix` (destination with UTM parameters, no
    /// fragment), the `separator` a forwarded query needs after it (`?`, `&`, or nothing when the
    /// prefix already ends in `?` or `&`), and the `fragment` (with its `#`, or empty).
    public static func split(_ destination: String, utm: [QueryParameter]) -> (prefix: String, separator: String, fragment: String) {
        var base = Substring(destination)
        var fragment: Substring = ""
        if let hash = base.firstIndex(of: "#") {
            fragment = base[hash...]
            base = base[..<hash]
        }
        var prefix = String(base)
        let existing = base.firstIndex(of: "?").map { base[base.index(after: $0)...] } ?? ""
        var present = Set<String>()
        for part in existing.split(separator: "&") { present.insert(parameterName(part)) }
        let added = utm.filter { !present.contains($0.name) }.map { encode($0.name) + "=" + encode($0.value) }
        if !added.isEmpty {
            prefix += separator(after: prefix) + added.joined(separator: "&")
        }
        return (prefix, separator(after: prefix), String(fragment))
    }

    static func separator(after prefix: String) -> String {
        if !prefix.contains("?") { return "?" }
        return prefix.hasSuffix("?") || prefix.hasSuffix("&") ? "" : "&"
    }

    /// The percent-decoded name part of `name=value` (`utm%5Fsource` is `utm_source`).
    static func parameterName(_ part: Substring) -> String {
        SlugPath.percentDecoded(String(part.firstIndex(of: "=").map { part[..<$0] } ?? part))
    }

    /// Percent-encodes every byte outside RFC 3986 unreserved characters.
    public static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 15)
            }
        }
        return out
    }

    /// A scan's raw query made safe for a Location header: bytes RFC 3986 does not allow in a
    /// query (controls, space, `"`, `<`, `>`, `[`, `\`, `]`, `^`, backtick, `{`, `|`, `}`, DEL,
    /// non-ASCII) are percent-encoded, and so is a `%` that does not start a valid `%XX` escape;
    /// a `#` ends it. Valid escapes, `+`, `&`, `=` and the other delimiters are kept as sent.
    public static func sanitisedQuery(_ query: String) -> String {
        var out = ""
        let bytes = Array(query.utf8)
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x23 { break }
            let strayPercent = byte == 0x25
                && !(index + 2 < bytes.count && SlugPath.hexValue(bytes[index + 1]) != nil && SlugPath.hexValue(bytes[index + 2]) != nil)
            if strayPercent || byte <= 0x20 || byte >= 0x7F || unsafeInQuery.contains(byte) {
                out += "%" + hex(byte >> 4) + hex(byte & 15)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// `"`, `<`, `>`, `[`, `\`, `]`, `^`, backtick, `{`, `|`, `}`.
    static let unsafeInQuery: Set<UInt8> = [0x22, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D]

    static func isUnreserved(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
    }

    static func hex(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10))
    }
}

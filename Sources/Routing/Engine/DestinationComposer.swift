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
        if let parts = asciiSplit(destination, utm: utm) { return parts }
        return textSplit(destination, utm: utm)
    }

    /// `split` over characters: the definition, used for destinations with non-ASCII text.
    static func textSplit(_ destination: String, utm: [QueryParameter]) -> (prefix: String, separator: String, fragment: String) {
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

    /// `split` over bytes, for an ASCII destination without `%` and ASCII parameter names (nearly every
    /// destination: they are checked for unsafe characters): there every character is one
    /// byte (a CR LF pair holds neither `#`, `?` nor `&`), so the byte scan finds what the
    /// character scan does. Nil otherwise.
    static func asciiSplit(_ destination: String, utm: [QueryParameter]) -> (prefix: String, separator: String, fragment: String)? {
        guard utm.allSatisfy({ isASCII($0.name) }) else { return nil }
        var copy = destination
        return copy.withUTF8 { bytes -> (prefix: String, separator: String, fragment: String)? in
            // A `%` may spell a parameter name in escapes (`utm%5Fsource`): the text path decodes names.
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) else { return nil }
            let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            let question = bytes[..<hash].firstIndex(of: UInt8(ascii: "?"))
            var prefix = Array(bytes[..<hash])
            var addedAny = false
            for parameter in utm where !hasParameter(parameter.name, in: bytes, query: question.map { ($0 + 1)..<hash }) {
                if addedAny {
                    prefix.append(UInt8(ascii: "&"))
                } else {
                    prefix += separatorBytes(after: prefix)
                    addedAny = true
                }
                appendEncoded(parameter.name, to: &prefix)
                prefix.append(UInt8(ascii: "="))
                appendEncoded(parameter.value, to: &prefix)
            }
            let separator = String(decoding: separatorBytes(after: prefix), as: UTF8.self)
            let fragment = String(decoding: UnsafeBufferPointer(rebasing: bytes[hash...]), as: UTF8.self)
            return (String(decoding: prefix, as: UTF8.self), separator, fragment)
        }
    }

    /// Whether the `&`-separated query (byte range of `bytes`) has a parameter called `name`.
    private static func hasParameter(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, query: Range<Int>?) -> Bool {
        guard let query else { return false }
        let wanted = name.utf8
        var start = query.lowerBound
        while start < query.upperBound {
            var end = start
            while end < query.upperBound, bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var nameEnd = start
                while nameEnd < end, bytes[nameEnd] != UInt8(ascii: "=") { nameEnd += 1 }
                if bytes[start..<nameEnd].elementsEqual(wanted) { return true }
            }
            start = end + 1
        }
        return false
    }

    private static func separatorBytes(after prefix: [UInt8]) -> [UInt8] {
        if !prefix.contains(UInt8(ascii: "?")) { return [UInt8(ascii: "?")] }
        return prefix.last == UInt8(ascii: "?") || prefix.last == UInt8(ascii: "&") ? [] : [UInt8(ascii: "&")]
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendEncoded(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendEncoded(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                appendEscape(byte, to: &out)
            }
        }
    }

    /// A scan's raw query made safe for a Location header: bytes RFC 3986 does not allow in a
    /// query (controls, space, `"`, `<`, `>`, `[`, `\`, `]`, `^`, backtick, `{`, `|`, `}`, DEL,
    /// non-ASCII) are percent-encoded, and so is a `%` that does not start a valid `%XX` escape;
    /// a `#` ends it. Valid escapes, `+`, `&`, `=` and the other delimiters are kept as sent.
    public static func sanitisedQuery(_ query: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(query.utf8)
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x23 { break }
            let strayPercent = byte == 0x25
                && !(index + 2 < bytes.count && SlugPath.hexValue(bytes[index + 1]) != nil && SlugPath.hexValue(bytes[index + 2]) != nil)
            if strayPercent || byte <= 0x20 || byte >= 0x7F || unsafeInQuery.contains(byte) {
                appendEscape(byte, to: &out)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%` and two upper-case hex digits.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 15))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10
    }

    /// `"`, `<`, `>`, `[`, `\`, `]`, `^`, backtick, `{`, `|`, `}`.
    static let unsafeInQuery: Set<UInt8> = [0x22, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D]

    static func isUnreserved(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
    }
}

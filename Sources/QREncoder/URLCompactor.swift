/// Rewrites an `http`/`https` URL in upper case where case does not matter, so more of it
/// fits alphanumeric mode: the host always (RFC 3986, 3.2.2), the path only when the caller
/// says its slugs are case-insensitive. The scheme is kept as written, because several
/// scanners mishandle `HTTPS://`.
enum URLCompactor {
    /// The compacted URL, or nil when the text is not a URL this applies to or nothing changes.
    ///
    /// Declines URLs with a query (`?`), fragment (`#`), user info (`@`) or percent-escape
    /// (`%`), anything outside printable ASCII, and schemes other than http and https.
    static func compact(_ text: String, caseInsensitivePath: Bool) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy(isPlainURLByte) else { return nil }
        guard let schemeEnd = schemeLength(bytes) else { return nil }
        let authorityStart = schemeEnd + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, bytes[authorityEnd] != UInt8(ascii: "/") { authorityEnd += 1 }
        guard authorityEnd > authorityStart else { return nil }

        let upperCaseEnd = caseInsensitivePath ? bytes.count : authorityEnd
        var changed = false
        for index in authorityStart..<upperCaseEnd where (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) {
            bytes[index] -= 0x20
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Printable ASCII other than the characters whose presence rules compaction out.
    private static func isPlainURLByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"): return false
        default: return true
        }
    }

    /// Length of an `http` or `https` scheme (any case) followed by `://`.
    private static func schemeLength(_ bytes: [UInt8]) -> Int? {
        for scheme in ["http", "https"] {
            let length = scheme.utf8.count
            guard bytes.count > length + 3 else { continue }
            let matchesScheme = zip(bytes[0..<length], scheme.utf8).allSatisfy { $0 | 0x20 == $1 }
            let separator = bytes[length..<length + 3].elementsEqual("://".utf8)
            if matchesScheme && separator { return length }
        }
        return nil
    }
}

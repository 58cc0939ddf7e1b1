import Routing

/// A PCRE pattern that matches a raw query string (as sent, without `?`) exactly when the
/// engine's query condition holds: some `&`-separated part whose name, percent-decoded, is
/// `name` and (unless only presence is asked) whose value, percent-decoded, is `value`. Every
/// byte of the name and value may be written literally or as `%XX` (either case of hex).
/// Bytes are written as `\xHH`, so the pattern holds only ASCII letters, digits and
/// punctuation that needs no quoting in any config language we emit: `( ) ? : | * [ ] \ ^ { }`
/// and `,`, `=`, `&`... see `QueryConditionPattern.body`.
public enum QueryConditionPattern {
    /// The pattern's body, to be anchored by the caller after its own prefix: it starts at the
    /// beginning of the query (`(?:.*&)?` skips earlier parts) and ends at the end of the part.
    public static func body(_ condition: QueryCondition) -> String {
        let name = encodedBytes(condition.name, inName: true)
        let end = "(?:&|\\z)"
        guard let value = condition.value else {
            return "(?:.*&)?" + name + "(?:=[^&]*)?" + end
        }
        if value.isEmpty { return "(?:.*&)?" + name + "=?" + end }
        return "(?:.*&)?" + name + "=" + encodedBytes(value, inName: false) + end
    }

    /// Each byte as an alternation of its literal form (when it may appear raw) and `%XX`.
    static func encodedBytes(_ text: String, inName: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            let high = hexDigit(byte >> 4), low = hexDigit(byte & 15)
            let escape = "%" + caseless(high) + caseless(low)
            // `&` always splits parts; `=` ends the name; `%` is literal only when it does not
            // start a valid escape; `#` never reaches a server.
            var literal: String? = "\\x" + high + low
            if byte == 0x26 || (inName && byte == 0x3D) || byte == 0x23 { literal = nil }
            if byte == 0x25 { literal = "\\x25(?![0-9A-Fa-f]{2})" }
            out += "(?:" + (literal.map { $0 + "|" } ?? "") + escape + ")"
        }
        return out
    }

    static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10))
    }

    /// `A` → `[Aa]`; digits stay.
    static func caseless(_ digit: String) -> String {
        digit.first?.isLetter == true ? "[" + digit + digit.lowercased() + "]" : digit
    }
}

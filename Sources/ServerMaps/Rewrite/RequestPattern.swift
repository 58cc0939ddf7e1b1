import Routing

/// The regular-expression dialects the rewrite targets use: Go's RE2 (Caddy) and PCRE without
/// UTF mode (Apache httpd), where `\xHH` matches one byte. Patterns built here use only the
/// syntax both share, and never a character that needs quoting in a config file: everything
/// but ASCII letters and digits is written `\xHH`.
enum RegexDialect: Sendable {
    case re2, pcre
}

/// Regular expressions for the request facts routes test, with the engine's exact semantics
/// (docs/routing.md): ASCII-only case folding, substring tests on the User-Agent in the
/// classifier's order, and query parameters compared after percent-decoding.
enum RequestPattern {
    /// `Fr-1` → `[fF][rR]\x2D1`: matches the text with ASCII letters in either case and nothing
    /// else (no Unicode folding, which would let `K` (U+212A) match `k`).
    static func caseless(_ text: String, _ dialect: RegexDialect) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value), isLetter(byte) {
                let lower = Character(Unicode.Scalar(byte | 0x20))
                let upper = Character(Unicode.Scalar(byte & ~0x20))
                out += "[\(lower)\(upper)]"
            } else {
                out += exact(String(scalar), dialect)
            }
        }
        return out
    }

    /// The text itself, byte for byte.
    static func exact(_ text: String, _ dialect: RegexDialect) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value) {
                out += isLetter(byte) || isDigit(byte) ? String(Character(scalar)) : "\\x" + hex(byte)
            } else {
                switch dialect {
                case .re2: out.unicodeScalars.append(scalar)
                case .pcre: out += String(scalar).utf8.map { "\\x" + hex($0) }.joined()
                }
            }
        }
        return out
    }

    /// Matches a value that contains any of `needles` (ASCII case-insensitively).
    static func containsAny(_ needles: [String], _ dialect: RegexDialect) -> String {
        "(?:" + needles.map { caseless($0, dialect) }.joined(separator: "|") + ")"
    }

    /// Matches a whole header value equal to one of `values` (ASCII case-insensitively).
    static func equalsAny(_ values: [String], _ dialect: RegexDialect) -> String {
        "^(?:" + values.map { caseless($0, dialect) }.joined(separator: "|") + ")$"
    }

    /// A raw query string that has the parameter `condition.name` with `condition.value` (any
    /// value when nil), comparing percent-decoded text the way the router does: each byte may
    /// come raw or as `%HH` (either hex case). Nil when the condition cannot be written exactly
    /// (an empty name, or a `%` in the name or value, whose raw form depends on what follows it).
    static func query(_ condition: QueryCondition, _ dialect: RegexDialect) -> String? {
        guard !condition.name.isEmpty, !condition.name.contains("%"), !(condition.value ?? "").contains("%") else { return nil }
        let name = encodedForms(condition.name, isName: true, dialect)
        let tail: String
        switch condition.value {
        case nil: tail = "(?:=[^&]*)?"
        case ""?: tail = "=?"
        case let value?: tail = "=" + encodedForms(value, isName: false, dialect)
        }
        return "(?:^|&)" + name + tail + "(?:&|$)"
    }

    /// Every raw spelling of `text` in a query: each character raw (where a raw one would not end
    /// the name or the pair) or percent-encoded.
    static func encodedForms(_ text: String, isName: Bool, _ dialect: RegexDialect) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            let encoded = bytes.map(percentPattern).joined()
            if scalar.isASCII, let byte = bytes.first {
                let delimiter = byte == 0x26 || byte == 0x23 || (isName && byte == 0x3D)
                out += delimiter ? encoded : "(?:" + exact(String(scalar), dialect) + "|" + encoded + ")"
            } else {
                out += "(?:" + exact(String(scalar), dialect) + "|" + encoded + ")"
            }
        }
        return out
    }

    /// `%7C` → `%7[cC]`.
    static func percentPattern(_ byte: UInt8) -> String {
        "%" + hexDigitPattern(byte >> 4) + hexDigitPattern(byte & 15)
    }

    static func hexDigitPattern(_ nibble: UInt8) -> String {
        nibble < 10 ? String(nibble) : "[" + hexDigit(nibble, lower: true) + hexDigit(nibble) + "]"
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        hexDigit(byte >> 4) + hexDigit(byte & 15)
    }

    static func hexDigit(_ nibble: UInt8, lower: Bool = false) -> String {
        let digits = Array(lower ? "0123456789abcdef" : "0123456789ABCDEF")
        return String(digits[Int(nibble & 15)])
    }
}

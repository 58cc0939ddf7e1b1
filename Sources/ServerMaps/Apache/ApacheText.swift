/// What may go into the files the Apache emitter writes. Values go only into the RewriteMap
/// file (never into `qrops.conf`, where mod_rewrite would expand `$1`, `%1`, `%{VAR}` and
/// `${map:key}` and Apache `${DEFINE}`), whose lines are `key value` split on whitespace:
/// keys and values must hold no whitespace or control characters, and values no `|`, which
/// separates the fields of an answer.
enum ApacheText {
    /// Printable ASCII without spaces, and UTF-8 beyond ASCII; `|` too unless `allowBar` is false.
    static func isMapToken(_ text: String, allowBar: Bool) -> Bool {
        text.utf8.allSatisfy { byte in
            byte >= 0x80 || (byte > 0x20 && byte < 0x7F && (allowBar || byte != 0x7C))
        }
    }

    static func offender(_ text: String, allowBar: Bool) -> String {
        guard let byte = text.utf8.first(where: { !($0 >= 0x80 || ($0 > 0x20 && $0 < 0x7F && (allowBar || $0 != 0x7C))) }) else {
            return "nothing"
        }
        return byte > 0x20 && byte < 0x7F ? "`\(Character(Unicode.Scalar(byte)))`" : "the byte 0x" + RequestPattern.hex(byte)
    }

    /// A host name as qrops normalises them: lower-case letters, digits, `.`, `-` and `_`.
    static func isHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || RequestPattern.isDigit(byte) || byte == 0x2E || byte == 0x2D || byte == 0x5F
        }
    }

    /// A header name usable in `%{HTTP:name}`: letters, digits, `-` and `_`.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { RequestPattern.isLetter($0) || RequestPattern.isDigit($0) || $0 == 0x2D || $0 == 0x5F }
    }

    /// A comment's text with anything but printable ASCII replaced.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }
}

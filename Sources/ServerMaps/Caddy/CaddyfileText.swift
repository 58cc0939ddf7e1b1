/// What may go into a Caddyfile token the emitter writes, and how. Caddy expands `{...}`
/// placeholders in values at request time and `{$ENV}` when it parses the file (also through
/// `import`), a `"`, `\` or backtick would end or escape the quoting, and whitespace would end
/// the token: values holding any of those are refused, never escaped.
enum CaddyfileText {
    /// Printable ASCII other than `"`, `\`, `` ` ``, `{` and `}`, and UTF-8 beyond ASCII.
    static func isSafe(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            byte >= 0x80 || (byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C && byte != 0x60 && byte != 0x7B && byte != 0x7D)
        }
    }

    /// The first character that makes `text` unsafe, for messages.
    static func offender(_ text: String) -> String {
        guard let byte = text.utf8.first(where: { byte in
            !(byte >= 0x80 || (byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C && byte != 0x60 && byte != 0x7B && byte != 0x7D))
        }) else { return text.isEmpty ? "an empty value" : "nothing" }
        return byte > 0x20 && byte < 0x7F ? "`\(Character(Unicode.Scalar(byte)))`" : "the byte 0x" + RequestPattern.hex(byte)
    }

    /// `"text"`; only for text that passed `isSafe` (or is empty), or that the emitter built.
    static func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }

    /// A comment's text with anything but printable ASCII replaced, so no value can end the
    /// comment line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }

    /// A host name as qrops normalises them: lower-case letters, digits, `.`, `-` and `_`.
    static func isHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || RequestPattern.isDigit(byte) || byte == 0x2E || byte == 0x2D || byte == 0x5F
        }
    }

    /// A header name usable in a placeholder and a matcher: letters, digits, `-` and `_`.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { RequestPattern.isLetter($0) || RequestPattern.isDigit($0) || $0 == 0x2D || $0 == 0x5F }
    }
}

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
}

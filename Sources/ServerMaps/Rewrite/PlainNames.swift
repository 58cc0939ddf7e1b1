/// Names every emitter writes into its files as they are, so they must be plain.
enum PlainNames {
    /// A host name as qrops normalises them: lower-case letters, digits, `.`, `-` and `_`.
    static func isHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || RequestPattern.isDigit(byte) || byte == 0x2E || byte == 0x2D || byte == 0x5F
        }
    }

    /// A header name usable in config placeholders and matchers: letters, digits, `-` and `_`.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { RequestPattern.isLetter($0) || RequestPattern.isDigit($0) || $0 == 0x2D || $0 == 0x5F }
    }

    /// A comment's text with anything but printable ASCII replaced, so no value can end the
    /// comment line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }
}

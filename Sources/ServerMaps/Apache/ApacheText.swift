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
}

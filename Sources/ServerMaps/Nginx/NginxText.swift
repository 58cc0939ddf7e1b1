/// What may be written into nginx configuration, and how. Every value we write sits inside
/// double quotes, where nginx still expands `$name` and `${name}` (there is no escape for `$`),
/// turns `\n`, `\r`, `\t` into control characters and ends the string at `"`. We refuse rather
/// than escape: a value with a control character, whitespace, `"`, `\` or `$` is never written.
enum NginxText {
    /// nginx reads a configuration token into a 4 KB buffer ("too long parameter" beyond).
    static let tokenLimit = 4096

    /// Why `text` cannot be written in a quoted nginx string, or nil when it can.
    static func problem(_ text: String) -> String? {
        if let separator = UnicodeLineBreak.first(in: text) { return separator }
        for byte in text.utf8 {
            switch byte {
            case 0x00 ... 0x1F, 0x7F: return "a control character (nginx would end the line or split the response)"
            case 0x20: return "a space (nginx and the generated map records split on whitespace)"
            case 0x22: return "`\"` (it ends an nginx string)"
            case 0x24: return "`$` (nginx expands it as a variable and has no escape for it)"
            case 0x5C: return "`\\` (nginx turns `\\n`, `\\r`, `\\t` into control characters)"
            default: continue
            }
        }
        return nil
    }

    /// A slug may hold only what survives nginx's URI normalisation unchanged and needs no
    /// quoting: ASCII letters, digits and `-._~!*(),;:@&=+%'`.
    static func slugProblem(_ slug: String) -> String? {
        guard !slug.isEmpty else { return "nothing (it is empty)" }
        guard slug != ".", slug != ".." else { return "only dots (a dot segment, which servers resolve away)" }
        for byte in slug.utf8 {
            let ok = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || Array("-._~!*(),;:@&=+%'".utf8).contains(byte)
            if !ok { return "`\(String(decoding: [byte], as: UTF8.self))` (byte 0x\(String(byte, radix: 16, uppercase: true)))" }
        }
        return nil
    }

    /// A host: lower-case letters, digits, `-` and `.` (punycode for international names).
    static func isSafeHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x2E }
    }

    /// `"text"` (the caller has checked `problem(text) == nil`, or built the text itself).
    static func quoted(_ text: String) -> String { "\"" + text + "\"" }

    /// The variable nginx gives a request header (`X-Country` → `$http_x_country`), or nil when
    /// nginx cannot name it (only letters, digits and `-`; nginx drops headers with `_` by default).
    static func headerVariable(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }) else { return nil }
        return "$http_" + String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }
}

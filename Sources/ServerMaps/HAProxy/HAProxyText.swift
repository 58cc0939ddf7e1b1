/// What may be written into HAProxy map files and configuration. A map line is a key, a space
/// and the value up to the end of the line; values reach responses through `%[var(...)]`, which
/// HAProxy does not expand again. We refuse what would split a line or a record (controls,
/// whitespace) and the quoting characters of the configuration language (`"`, `'`, `\`).
enum HAProxyText {
    /// HAProxy cuts map lines longer than this (its line buffer) and reads the rest as a new line.
    static let lineLimit = 16 * 1024

    static func problem(_ text: String) -> String? {
        if let separator = UnicodeLineBreak.first(in: text) { return separator }
        for byte in text.utf8 {
            switch byte {
            case 0x00 ... 0x1F, 0x7F: return "a control character (it would split the map line or the response)"
            case 0x20: return "a space (HAProxy map keys and the generated records end at whitespace)"
            case 0x22, 0x27: return "a quote (it breaks HAProxy's quoting)"
            case 0x5C: return "`\\` (HAProxy reads it as an escape)"
            default: continue
            }
        }
        return nil
    }

    /// The fetch of a request header, or nil when the name needs quoting.
    static func headerFetch(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }) else { return nil }
        return "req.fhdr(\(name))"
    }
}

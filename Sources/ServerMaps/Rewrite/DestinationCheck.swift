import Routing

/// What every emitter here checks on an answer before writing it, beyond its own format's
/// rules: an absolute http(s) URL (a relative or scheme-relative one, `javascript:` or `data:`,
/// would be resolved against the scan or run by the browser), no C1 control or Unicode line
/// separator, and at most `byteLimit` bytes.
enum DestinationCheck {
    /// nginx's token buffer; no scanner needs a longer Location (lint's limit is 2000 bytes).
    static let byteLimit = 4096

    /// Why the answer's Location cannot be written, or nil.
    static func problem(_ answer: PlannedAnswer) -> String? {
        guard let location = answer.location else { return nil }
        let text = location.prefix + location.separator + location.fragment
        guard isAbsoluteWebURL(location.prefix) else {
            return "the destination `\(shortened(location.withoutQuery))` is not an absolute http(s) URL (a browser would resolve it against the scan or run it)"
        }
        if let separator = UnicodeLineBreak.first(in: text) {
            return "the destination contains \(separator)"
        }
        if text.utf8.count > byteLimit {
            return "the destination is \(text.utf8.count) bytes, more than the \(byteLimit) any target here writes"
        }
        return nil
    }

    /// Why no scan can reach a slug, or nil: servers split paths at `/` and resolve `.` and `..`.
    static func slugProblem(_ key: String) -> String? {
        if key.isEmpty || key == "." || key == ".." { return "the slug is empty or a dot segment, which servers resolve away" }
        if key.contains("/") { return "the slug contains `/`, which servers read as a path separator" }
        if let separator = UnicodeLineBreak.first(in: key) { return "the slug contains \(separator)" }
        return nil
    }

    /// `http://` or `https://` (any case) followed by a host.
    static func isAbsoluteWebURL(_ text: String) -> Bool {
        let lower = SlugPath.asciiLowercased(String(text.prefix(8)))
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : lower.hasPrefix("http://") ? text.dropFirst(7) : nil
        guard let rest, let first = rest.first else { return false }
        return first != "/" && first != "?" && first != "#" && first != "\\"
    }

    /// At most 80 characters of `text` (printable ASCII), for messages.
    static func shortened(_ text: String) -> String {
        let plain = PlainNames.comment(text)
        return plain.count <= 80 ? plain : String(plain.prefix(77)) + "..."
    }
}

/// Text from YAML files made safe for a GitHub pull-request comment: it can neither break the
/// markdown around it (tables, code spans, `<details>`) nor inject HTML, nor mention people or
/// teams (`@acme/legal` in a label must not ping anyone).
enum MarkdownText {
    /// A literal value as inline code that survives table cells: `<code>` with HTML escapes,
    /// `|` as `&#124;`, line breaks shown as `↵`. Empty text shows as an empty code element.
    static func code(_ text: String) -> String {
        "<code>" + escaped(text, keepBackticks: false) + "</code>"
    }

    /// Prose from our own messages, which put values in `backticks`: a code span stays a code
    /// span (its text is literal in markdown; only `|` is escaped, for tables); everything else
    /// is escaped as in `code`.
    static func prose(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            output += escaped(String(rest[..<open]), keepBackticks: false)
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "`") else {
                rest = rest[open...]
                break
            }
            let span = rest[afterOpen..<close]
            if span.isEmpty || span.contains("\n") || span.contains("\r") {
                output += escaped(String(rest[open...close]), keepBackticks: false)
            } else {
                output += "`" + String(span).replacingAll("|", with: "\\|") + "`"
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + escaped(String(rest), keepBackticks: false)
    }

    private static func escaped(_ text: String, keepBackticks: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "|": output += "&#124;"
            case "@": output += "&#64;"
            case "\\": output += "&#92;"
            case "*": output += "&#42;"
            case "_": output += "&#95;"
            case "[": output += "&#91;"
            case "]": output += "&#93;"
            case "`" where !keepBackticks: output += "&#96;"
            case "\n", "\r", "\u{2028}", "\u{2029}": output += "↵"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
                output += "&#\(scalar.value);"
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}", "\u{200E}", "\u{200F}":
                output += "&#\(scalar.value);"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

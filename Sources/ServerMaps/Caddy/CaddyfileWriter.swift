/// Accumulates Caddyfile lines with tab indentation.
struct CaddyfileWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    mutating func line(_ text: String) {
        lines.append(String(repeating: "\t", count: depth) + text)
    }

    mutating func comment(_ text: String) {
        line("# " + PlainNames.comment(text))
    }

    /// `head {`, the body one level deeper, then `}`.
    mutating func block(_ head: String, _ body: (inout CaddyfileWriter) -> Void) {
        line(head + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}

/// Accumulates Caddyfile lines with tab indentation.
struct CaddyfileWriter {
    private var output = TextOutput()
    private var depth = 0

    mutating func line(_ text: String) {
        for _ in 0..<depth { output.append("\t") }
        output.line(text)
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

    var bytes: [UInt8] { output.bytes }
}

/// The excerpt under a human diagnostic: one source line with its number in a gutter, and a
/// marker line under the highlighted columns.
///
/// ```
///    |
/// 14 |   target: http://www.acme.example/x
///    |           ^~~~~~~~~~~~~~~~~~~~~~~~~
/// ```
///
/// Columns count Unicode scalars, as `SourceLocation` does; the marker is placed by the
/// terminal width of the scalars before it (a CJK character takes two cells, a combining mark
/// none), so it lines up under the right character on a terminal.
struct CodeFrame: Sendable {
    enum Marker: Sendable {
        /// `^~~~`, in the colour of the severity.
        case primary(Severity)
        /// `----`, for the location of a note.
        case secondary
    }

    var lineNumber: Int
    var line: Substring
    var column: Int
    var length: Int
    var marker: Marker

    func render(gutterWidth: Int, style: ANSIStyle) -> [String] {
        let blank = style.gutter(String(repeating: " ", count: gutterWidth) + " |")
        let number = String(lineNumber)
        let numbered = style.gutter(String(repeating: " ", count: gutterWidth - number.count) + number + " |")
        let scalars = TerminalText.frameScalars(line)
        let text = String(String.UnicodeScalarView(scalars))
        return [
            blank,
            text.isEmpty ? numbered : numbered + " " + text,
            blank + " " + markerLine(scalars, style: style),
        ]
    }

    private func markerLine(_ scalars: [Unicode.Scalar], style: ANSIStyle) -> String {
        let start = max(0, column - 1)
        let before = scalars.prefix(start)
        let indent = TerminalText.cellWidth(of: before) + max(0, start - scalars.count)
        let highlighted = scalars.dropFirst(start).prefix(max(1, length))
        let width = max(1, TerminalText.cellWidth(of: highlighted))
        let padding = String(repeating: " ", count: indent)
        switch marker {
        case let .primary(severity):
            return padding + style.severity("^" + String(repeating: "~", count: width - 1), severity)
        case .secondary:
            return padding + style.gutter(String(repeating: "-", count: width))
        }
    }
}

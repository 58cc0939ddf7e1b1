/// Diagnostics for people, in the style of rustc and swift-syntax's `DiagnosticsFormatter`:
///
/// ```
/// codes/retail/eu/coffee-x1.yaml:14:11: error: destination must use https [https-only]
///    |
/// 14 |   target: http://www.acme.example/x
///    |           ^~~~~~~~~~~~~~~~~~~~~~~~~
///    = hint: use https://www.acme.example/x
///    = note: first defined here: codes/a.yaml:3:5
///    |
///  3 |   slug: cx1
///    |   -
///
/// 1 error in 31 files
/// ```
///
/// A block is followed by a blank line; the last line is a summary. A code frame appears only
/// when the location has a line (not 0) and `sources` holds that file and line. Suppressed
/// findings are not shown, only counted in the summary. Text from user files is escaped so it
/// cannot inject terminal control sequences.
public struct HumanRenderer: DiagnosticRenderer {
    /// Whether to emit ANSI colour. The CLI decides (terminal, `NO_COLOR`); the renderer obeys.
    public var colour: Bool
    /// Source texts by path, exactly as the path appears in `SourceLocation.file`.
    public var sources: [String: SourceText]

    public init(colour: Bool, sources: [String: SourceText] = [:]) {
        self.colour = colour
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        var output = ""
        for diagnostic in diagnostics.sortedForReport() where !diagnostic.isSuppressed {
            output += block(for: diagnostic).joined(separator: "\n") + "\n\n"
        }
        let summary = DiagnosticSummary(diagnostics, filesChecked: filesChecked)
        return output + style.bold(summary.sentence) + "\n"
    }

    private var style: ANSIStyle { ANSIStyle(enabled: colour) }

    private func block(for diagnostic: Diagnostic) -> [String] {
        let primary = frame(at: diagnostic.location, length: diagnostic.length, marker: .primary(diagnostic.severity))
        let noteFrames = diagnostic.notes.map { note in
            note.location.flatMap { frame(at: $0, length: 1, marker: .secondary) }
        }
        let framedLines = ([primary] + noteFrames).compactMap { $0?.lineNumber }
        let gutterWidth = framedLines.map { String($0).count }.max() ?? 1

        var lines = [header(diagnostic)]
        lines += primary?.render(gutterWidth: gutterWidth, style: style) ?? []
        if let hint = diagnostic.hint {
            lines.append(annotation("hint", TerminalText.escaped(hint), gutterWidth: gutterWidth))
        }
        for (note, noteFrame) in zip(diagnostic.notes, noteFrames) {
            lines.append(annotation("note", noteText(note), gutterWidth: gutterWidth))
            lines += noteFrame?.render(gutterWidth: gutterWidth, style: style) ?? []
        }
        return lines
    }

    /// `file:line:col: severity: message [rule-id]`
    private func header(_ diagnostic: Diagnostic) -> String {
        let location = style.bold(TerminalText.escaped(diagnostic.location.description) + ":")
        let severity = style.severity(diagnostic.severity.rawValue + ":", diagnostic.severity)
        let message = style.bold(TerminalText.escaped(diagnostic.message))
        return "\(location) \(severity) \(message) [\(TerminalText.escaped(diagnostic.ruleID))]"
    }

    /// `   = hint: text`, aligned with the gutter's bar.
    private func annotation(_ label: String, _ text: String, gutterWidth: Int) -> String {
        String(repeating: " ", count: gutterWidth + 1) + style.gutter("=") + " " + style.bold(label + ":") + " " + text
    }

    private func noteText(_ note: DiagnosticNote) -> String {
        let message = TerminalText.escaped(note.message)
        guard let location = note.location else { return message }
        return message + ": " + TerminalText.escaped(location.description)
    }

    private func frame(at location: SourceLocation, length: Int, marker: CodeFrame.Marker) -> CodeFrame? {
        guard location.line > 0, let line = sources[location.file]?.line(location.line) else { return nil }
        return CodeFrame(lineNumber: location.line, line: line, column: location.column, length: length, marker: marker)
    }
}

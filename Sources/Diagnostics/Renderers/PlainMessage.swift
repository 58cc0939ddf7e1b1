extension Diagnostic {
    /// The message followed by `hint: ...` and `note: ... (file:line:col)` lines, for formats
    /// that carry one block of plain text per finding (SARIF `message.text`, GitHub annotations).
    var messageWithHintAndNotes: String {
        var lines = [message]
        if let hint {
            lines.append("hint: \(hint)")
        }
        for note in notes {
            lines.append("note: \(note.message)" + (note.location.map { " (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}

import Diagnostics

/// `qrops history ID` for a terminal: one block per commit, oldest first.
public struct HumanHistoryRenderer: Sendable {
    public init() {}

    public func render(_ history: CodeHistory) -> String {
        var text = "\(safe(history.id)): "
        if history.entries.isEmpty {
            text += "no commit ever held this code\n"
        } else {
            text += "\(plural(history.entries.count, "commit")) changed it, oldest first"
            text += history.currentFile.map { "; now in \(safe($0))" } ?? "; not in HEAD"
            text += "\n"
        }
        if history.isShallow { text += "note: this is a shallow clone: older history is missing (git fetch --unshallow)\n" }
        if !history.uncommitted.isEmpty {
            text += "note: uncommitted changes to \(plural(history.uncommitted.count, "code file")) are not part of the history\n"
        }
        for entry in history.entries {
            text += "\n\(String(entry.commit.prefix(12)))  \(safe(entry.date))  \(safe(entry.author)) <\(safe(entry.email))>"
            text += entry.isMerge ? "  (merge)\n" : "\n"
            text += "    \(safe(entry.subject))\n"
            switch entry.event {
            case .created, .restored:
                text += "    \(entry.event.rawValue) in \(safe(entry.file ?? ""))\n"
            case .deleted:
                text += "    deleted from \(safe(entry.previousFile ?? ""))\n"
            case .moved, .modified:
                if let from = entry.previousFile, let to = entry.file, from != to {
                    text += "    moved \(safe(from)) → \(safe(to))\n"
                }
            }
            let fields = entry.event == .created || entry.event == .restored
                ? entry.fields.filter { HumanDiffRenderer.summaryKeys.contains($0.key) } : entry.fields
            let width = min(24, fields.map(\.field.count).max() ?? 0)
            for field in fields {
                let before = field.before.map(safe) ?? "—"
                let after = field.after.map(safe) ?? "—"
                text += entry.event == .created || entry.event == .restored
                    ? "      \(pad(safe(field.field), width))  \(after)\n"
                    : "      \(pad(safe(field.field), width))  \(before) → \(after)\n"
            }
        }
        return text
    }

    private func safe(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

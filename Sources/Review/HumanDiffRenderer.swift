import Diagnostics

/// `qrops diff` for a terminal (the default format): a summary, then one block per changed code,
/// highest risk first, with every changed field as `before → after` and where it is written.
/// Text from YAML files is shown with control characters escaped. Findings are not part of it:
/// the CLI renders them like `qrops lint` does, on stderr.
public struct HumanDiffRenderer: Sendable {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        var text = "qrops diff against \(safe(report.baseRef)) (\(report.shortCommit))"
        if !report.uncommitted.isEmpty { text += ", with uncommitted changes to \(plural(report.uncommitted.count, "file"))" }
        text += "\n"
        if !report.baseProblems.isEmpty {
            text += "the base has \(plural(report.baseProblems.count, "reading error")); its codes in those files are unknown to this diff:\n"
            for problem in report.baseProblems { text += "  \(safe(problem.location.description)): \(safe(problem.message))\n" }
        }
        guard !report.changes.isEmpty else {
            return text + "no code changes (\(plural(report.codeCount, "code")) compared)\n"
        }
        text += "\(plural(report.changes.count, "code")) changed of \(report.codeCount): "
        text += Risk.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        text += " risk; \(report.count(.added)) added, \(report.count(.deleted)) deleted, \(report.count(.modified)) modified\n"
        for change in report.changes {
            text += "\n" + block(change)
        }
        return text
    }

    private func block(_ change: CodeChange) -> String {
        let categories = change.categories.map(\.rawValue).joined(separator: ", ")
        let place = "\(safe(change.file)):\(change.line)" + (change.kind == .deleted ? " (base)" : "")
        var text = "\(pad(change.risk.rawValue, 7)) \(safe(change.id))  \(categories)  \(place)\n"
        if let base = change.base, change.kind == .modified, base.file != change.file {
            text += "        moved from \(safe(base.file))\n"
        }
        text += "        why: " + change.reasons.map { safe($0.text) }.joined(separator: "; ") + "\n"
        // A whole code added or deleted: the fields that identify it; json and markdown list all.
        let fields = change.kind == .modified ? change.fields : change.fields.filter { Self.summaryKeys.contains($0.key) }
        let width = min(24, fields.map(\.field.count).max() ?? 0)
        for field in fields {
            let before = field.before.map(safe) ?? "—"
            let after = field.after.map(safe) ?? "—"
            var line = "        \(pad(safe(field.field), width))  \(before) → \(after)"
            if let location = field.afterLocation ?? field.beforeLocation {
                line += "  (\(safe(location.description))\(field.afterLocation == nil ? ", base" : ""))"
            }
            text += line + "\n"
        }
        if fields.count < change.fields.count {
            text += "        (\(plural(change.fields.count - fields.count, "more field")): --format json or markdown lists them)\n"
        }
        return text
    }

    static let summaryKeys: Set<String> = ["slug", "domain", "owner", "status", "compliance", "target"]

    private func safe(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

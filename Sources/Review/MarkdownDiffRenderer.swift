import Diagnostics

/// `qrops diff --format markdown`: one pull-request comment. A hidden marker first (so CI can
/// find and update its previous comment), a one-line summary, the table of changed codes (highest
/// risk first), the findings, then one collapsed `<details>` block per code with every changed
/// field, before → after. Unchanged codes never appear. Everything from YAML files is escaped
/// (`MarkdownText`). The comment stays under `budget` characters (GitHub refuses comments over
/// 65,536): what does not fit is counted, not shown.
public struct MarkdownDiffRenderer: Sendable {
    public static let marker = "<!-- qrops-diff -->"
    public static let defaultBudget = 60_000
    public var budget: Int

    public init(budget: Int = MarkdownDiffRenderer.defaultBudget) {
        self.budget = budget
    }

    public func render(_ report: DiffReport) -> String {
        var head = Self.marker + "\n"
        head += "### qrops diff against \(MarkdownText.code(report.baseRef)) (\(MarkdownText.code(report.shortCommit)))\n\n"
        head += summaryLine(report) + "\n"
        if !report.uncommitted.isEmpty {
            head += "\nIncludes uncommitted changes to \(plural(report.uncommitted.count, "file")).\n"
        }
        if !report.baseProblems.isEmpty {
            head += "\nThe base has \(plural(report.baseProblems.count, "reading error")): codes in those files are unknown to this diff.\n"
        }
        // The table may use 40% of the budget and the findings 20%; the details get the rest.
        var table = BudgetedText(budget: budget * 2 / 5)
        if !report.changes.isEmpty {
            table.append("\n| risk | code | change | where |\n|---|---|---|---|\n")
            var shown = 0
            for change in report.changes {
                guard table.append(row(change)) else { break }
                shown += 1
            }
            if shown < report.changes.count { table.force("| | … \(report.changes.count - shown) more | | |\n") }
        }

        var findingsText = BudgetedText(budget: budget / 5)
        let findings = report.findings.filter { !$0.isSuppressed }
        if !findings.isEmpty {
            findingsText.append("\n#### Findings\n\n")
            var shown = 0
            for diagnostic in findings {
                guard findingsText.append(finding(diagnostic)) else { break }
                shown += 1
            }
            if shown < findings.count {
                findingsText.force("- … \(plural(findings.count - shown, "more finding")) (run `qrops lint --base` to see all)\n")
            }
        }

        let used = head.utf8.count + table.text.utf8.count + findingsText.text.utf8.count
        var detailsText = BudgetedText(budget: max(0, budget - used - 300))
        if !report.changes.isEmpty {
            detailsText.append("\n#### Details\n")
            var shown = 0
            for change in report.changes {
                guard detailsText.append(details(change)) else { break }
                shown += 1
            }
            if shown < report.changes.count {
                detailsText.force("\n… \(plural(report.changes.count - shown, "more code")) not shown here (comments have a size limit): "
                                  + "run `qrops diff --base \(report.baseRef.replacingAll("`", with: "'"))` to see every change.\n")
            }
        }
        return head + table.text + findingsText.text + detailsText.text
    }

    private func summaryLine(_ report: DiffReport) -> String {
        guard !report.changes.isEmpty else {
            return "**No code changes** (\(plural(report.codeCount, "code")) compared)" + findingsSummary(report) + "."
        }
        var line = "**\(plural(report.changes.count, "code")) changed** of \(report.codeCount): "
        line += Risk.allCases.reversed().map { risk in
            let count = report.count(risk)
            return risk == .high && count > 0 ? "**\(count) high risk**" : "\(count) \(risk.rawValue)"
        }.joined(separator: ", ")
        line += " · \(report.count(.added)) added, \(report.count(.deleted)) deleted, \(report.count(.modified)) modified"
        return line + findingsSummary(report)
    }

    private func findingsSummary(_ report: DiffReport) -> String {
        guard report.errorCount + report.warningCount > 0 else { return "" }
        let errors = report.errorCount > 0 ? "**\(plural(report.errorCount, "error"))**" : "0 errors"
        return " · \(errors), \(plural(report.warningCount, "warning"))"
    }

    private func row(_ change: CodeChange) -> String {
        let risk = change.risk == .high ? "**high**" : change.risk.rawValue
        let categories = change.categories.map(\.rawValue).joined(separator: ", ")
        return "| \(risk) | \(MarkdownText.code(change.id)) | \(categories) | \(MarkdownText.code(where_(change))) |\n"
    }

    private func where_(_ change: CodeChange) -> String {
        change.kind == .deleted ? "\(change.file):\(change.line) (base)" : "\(change.file):\(change.line)"
    }

    private func finding(_ diagnostic: Diagnostic) -> String {
        var text = "- **\(diagnostic.severity.rawValue)** \(MarkdownText.code(diagnostic.location.description)) "
        text += "\(MarkdownText.code(diagnostic.ruleID)): \(MarkdownText.prose(diagnostic.message))"
        if let hint = diagnostic.hint { text += "<br>hint: " + MarkdownText.prose(hint) }
        for note in diagnostic.notes {
            text += "<br>note: " + MarkdownText.prose(note.message)
            if let location = note.location { text += " " + MarkdownText.code(location.description) }
        }
        return text + "\n"
    }

    private func details(_ change: CodeChange) -> String {
        let risk = change.risk == .high ? "<b>high</b>" : change.risk.rawValue
        let why = change.topReasons.map { MarkdownText.prose($0.text) }.joined(separator: "; ")
        var text = "\n<details>\n<summary>\(risk) \(MarkdownText.code(change.id)) \(change.kind.rawValue): \(why)</summary>\n\n"
        switch change.kind {
        case .added: text += "New in \(MarkdownText.code(change.file))"
        case .deleted: text += "Deleted from \(MarkdownText.code(change.file)) (line \(change.line) on the base)"
        case .modified:
            text += "In \(MarkdownText.code(change.file))"
            if let base = change.base, base.file != change.file { text += ", moved from \(MarkdownText.code(base.file))" }
        }
        text += "\n\n| field | before | after | where |\n|---|---|---|---|\n"
        for field in change.fields {
            text += "| \(MarkdownText.code(field.field)) | \(value(field.before)) | \(value(field.after)) | \(location(field, in: change)) |\n"
        }
        if change.reasons.count > 1 || change.risk != .low {
            text += "\nRisk: " + change.reasons.map { "\($0.risk.rawValue): \(MarkdownText.prose($0.text))" }.joined(separator: "; ") + "\n"
        }
        if change.kind != .deleted, let reason = change.head?.changeReason {
            let carried = change.kind == .modified && reason == change.base?.changeReason
            text += "\nChange reason\(carried ? " (unchanged from the base)" : ""): \(MarkdownText.code(reason))\n"
        }
        return text + "\n</details>\n"
    }

    private func value(_ text: String?) -> String {
        text.map(MarkdownText.code) ?? "—"
    }

    private func location(_ field: FieldChange, in change: CodeChange) -> String {
        guard let location = field.afterLocation ?? field.beforeLocation else { return "" }
        let side = field.afterLocation == nil ? " (base)" : ""
        if location.file == change.file { return "line \(location.line)" + side }
        return MarkdownText.code(location.description) + side
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Text that refuses additions past a budget (but takes `force`d notices).
struct BudgetedText {
    let budget: Int
    var text: String
    private var full = false

    init(budget: Int) {
        self.budget = budget
        text = ""
    }

    /// Appends unless that would pass the budget (then nothing more is appended); returns
    /// whether it did.
    @discardableResult
    mutating func append(_ more: String) -> Bool {
        guard !full, text.utf8.count + more.utf8.count <= budget else {
            full = true
            return false
        }
        text += more
        return true
    }

    mutating func force(_ more: String) {
        text += more
    }
}

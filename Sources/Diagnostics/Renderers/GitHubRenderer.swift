/// Diagnostics as GitHub Actions workflow commands, which GitHub shows as annotations on the
/// pull request:
///
/// ```
/// ::error file=codes/a.yaml,line=14,col=11,endColumn=36,title=qrops [https-only]::destination must use https%0Ahint: use https://...
/// ```
///
/// `error` → `::error`, `warning` → `::warning`, `note` → `::notice`. A whole-file location
/// (line 0) has only `file`. The hint and notes follow the message on their own lines.
/// Suppressed findings are skipped. Values are escaped as the Actions runner expects.
public struct GitHubRenderer: DiagnosticRenderer {
    public var toolName: String

    public init(toolName: String = "qrops") {
        self.toolName = toolName
    }

    /// `filesChecked` is not part of the output.
    public func render(_ diagnostics: [Diagnostic], filesChecked: Int = 0) -> String {
        diagnostics.sortedForReport()
            .filter { !$0.isSuppressed }
            .map { command(for: $0) + "\n" }
            .joined()
    }

    /// Escapes a command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escapes a property value: as `escapeData`, plus `:` → `%3A` and `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        var output = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private func command(for diagnostic: Diagnostic) -> String {
        let properties = self.properties(diagnostic)
            .map { key, value in "\(key)=\(Self.escapeProperty(value))" }
            .joined(separator: ",")
        let message = Self.escapeData(diagnostic.messageWithHintAndNotes)
        return "::\(Self.commandName(diagnostic.severity)) \(properties)::\(message)"
    }

    private func properties(_ diagnostic: Diagnostic) -> [(String, String)] {
        let location = diagnostic.location
        var pairs = [("file", location.file)]
        if location.line > 0 {
            pairs.append(("line", String(location.line)))
            if location.column > 0 {
                pairs.append(("col", String(location.column)))
                pairs.append(("endColumn", String(location.column + diagnostic.length)))
            }
        }
        pairs.append(("title", "\(toolName) [\(diagnostic.ruleID)]"))
        return pairs
    }

    static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }
}

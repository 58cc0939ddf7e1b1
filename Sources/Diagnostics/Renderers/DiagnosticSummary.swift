/// The counts shown at the end of human output and in the JSON `summary` object.
/// Suppressed findings count only as `suppressed`, never as errors, warnings or notes.
public struct DiagnosticSummary: Sendable, Hashable {
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var suppressed: Int
    public var files: Int

    public init(_ diagnostics: [Diagnostic], filesChecked: Int) {
        let active = diagnostics.filter { !$0.isSuppressed }
        errors = active.filter { $0.severity == .error }.count
        warnings = active.filter { $0.severity == .warning }.count
        notes = active.filter { $0.severity == .note }.count
        suppressed = diagnostics.count - active.count
        files = filesChecked
    }

    /// `2 errors, 1 warning in 31 files (1 suppressed)` or `no problems in 31 files`.
    public var sentence: String {
        let counts = [
            Self.counted(errors, "error"),
            Self.counted(warnings, "warning"),
            Self.counted(notes, "note"),
        ].compactMap { $0 }
        let problems = counts.isEmpty ? "no problems" : counts.joined(separator: ", ")
        let fileCount = files == 1 ? "1 file" : "\(files) files"
        let suppressedPart = suppressed > 0 ? " (\(suppressed) suppressed)" : ""
        return "\(problems) in \(fileCount)\(suppressedPart)"
    }

    private static func counted(_ count: Int, _ noun: String) -> String? {
        switch count {
        case 0: nil
        case 1: "1 \(noun)"
        default: "\(count) \(noun)s"
        }
    }
}

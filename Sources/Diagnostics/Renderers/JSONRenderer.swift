/// Diagnostics as one JSON document, schema version 1 (stable; documented in
/// `docs/diagnostics.md`). Keys are written in a fixed order with two-space indentation and a
/// final newline, so identical input gives identical bytes. Every key is always present;
/// absent values are `null`. Suppressed findings are included, with `suppressed` set.
public struct JSONRenderer: DiagnosticRenderer {
    /// Bumped only for incompatible changes; adding keys is compatible.
    public static let schemaVersion = 1

    public var toolName: String
    public var toolVersion: String

    public init(toolVersion: String, toolName: String = "qrops") {
        self.toolVersion = toolVersion
        self.toolName = toolName
    }

    public func render(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let summary = DiagnosticSummary(diagnostics, filesChecked: filesChecked)
        let document = JSONValue.object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string(toolName)), ("version", .string(toolVersion))])),
            ("summary", summaryObject(summary)),
            ("diagnostics", .array(diagnostics.sortedForReport().map(diagnosticObject))),
        ])
        return JSONWriter.write(document)
    }

    private func summaryObject(_ summary: DiagnosticSummary) -> JSONValue {
        .object([
            ("errors", .int(summary.errors)),
            ("warnings", .int(summary.warnings)),
            ("notes", .int(summary.notes)),
            ("suppressed", .int(summary.suppressed)),
            ("files", .int(summary.files)),
        ])
    }

    /// One diagnostic as the `diagnostics[]` entry of schema version 1 (also used by `qrops diff`).
    public func diagnosticObject(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", .string(diagnostic.location.file)),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("length", .int(diagnostic.length)),
            ("hint", .optional(diagnostic.hint)),
            ("notes", .array(diagnostic.notes.map(noteObject))),
            ("suppressed", diagnostic.suppression.map(suppressionObject) ?? .null),
        ])
    }

    private func noteObject(_ note: DiagnosticNote) -> JSONValue {
        .object([
            ("message", .string(note.message)),
            ("file", .optional(note.location?.file)),
            ("line", note.location.map { .int($0.line) } ?? .null),
            ("column", note.location.map { .int($0.column) } ?? .null),
        ])
    }

    private func suppressionObject(_ suppression: Suppression) -> JSONValue {
        .object([
            ("reason", .string(suppression.reason)),
            ("until", .optional(suppression.until)),
        ])
    }
}

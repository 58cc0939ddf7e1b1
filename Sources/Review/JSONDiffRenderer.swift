import Diagnostics

/// `qrops diff --format json`: schema version 1, documented in docs/diff.md. Keys in a fixed
/// order, every key always present (`null` when there is no value), two-space indentation.
public struct JSONDiffRenderer: Sendable {
    public static let schemaVersion = 1
    public var toolVersion: String

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    public func render(_ report: DiffReport) -> String {
        let diagnostics = JSONRenderer(toolVersion: toolVersion)
        return JSONWriter.write(.object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string("qrops")), ("version", .string(toolVersion))])),
            ("base", .object([("ref", .string(report.baseRef)), ("commit", .string(report.baseCommit))])),
            ("summary", .object([
                ("codes", .int(report.codeCount)),
                ("changed", .int(report.changes.count)),
                ("added", .int(report.count(.added))),
                ("deleted", .int(report.count(.deleted))),
                ("modified", .int(report.count(.modified))),
                ("high", .int(report.count(.high))),
                ("medium", .int(report.count(.medium))),
                ("low", .int(report.count(.low))),
                ("errors", .int(report.errorCount)),
                ("warnings", .int(report.warningCount)),
            ])),
            ("uncommitted", .array(report.uncommitted.map(JSONValue.string))),
            ("changes", .array(report.changes.map(change))),
            ("diagnostics", .array(report.findings.map(diagnostics.diagnosticObject))),
            ("baseProblems", .array(report.baseProblems.map(diagnostics.diagnosticObject))),
        ]))
    }

    private func change(_ change: CodeChange) -> JSONValue {
        .object([
            ("id", .string(change.id)),
            ("kind", .string(change.kind.rawValue)),
            ("risk", .string(change.risk.rawValue)),
            ("reasons", .array(change.reasons.map { .object([("risk", .string($0.risk.rawValue)), ("text", .string($0.text))]) })),
            ("categories", .array(change.categories.map { .string($0.rawValue) })),
            ("file", .optional(change.head?.file)),
            ("line", change.head.map { .int($0.line) } ?? .null),
            ("baseFile", .optional(change.base?.file)),
            ("baseLine", change.base.map { .int($0.line) } ?? .null),
            ("changeReason", .optional(change.head?.changeReason)),
            ("fields", .array(change.fields.map(field))),
        ])
    }

    private func field(_ field: FieldChange) -> JSONValue {
        .object([
            ("field", .string(field.field)),
            ("before", .optional(field.before)),
            ("after", .optional(field.after)),
            ("file", .optional(field.afterLocation?.file)),
            ("line", field.afterLocation.map { .int($0.line) } ?? .null),
            ("baseFile", .optional(field.beforeLocation?.file)),
            ("baseLine", field.beforeLocation.map { .int($0.line) } ?? .null),
        ])
    }
}

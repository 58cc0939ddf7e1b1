import Diagnostics

/// `qrops history ID --format json`: schema version 1 (docs/git.md). Keys in a fixed order,
/// every key always present.
public struct JSONHistoryRenderer: Sendable {
    public static let schemaVersion = 1
    public var toolVersion: String

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    public func render(_ history: CodeHistory) -> String {
        JSONWriter.write(.object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string("qrops")), ("version", .string(toolVersion))])),
            ("id", .string(history.id)),
            ("file", .optional(history.currentFile)),
            ("shallow", .bool(history.isShallow)),
            ("uncommitted", .array(history.uncommitted.map(JSONValue.string))),
            ("entries", .array(history.entries.map(entry))),
        ]))
    }

    private func entry(_ entry: HistoryEntry) -> JSONValue {
        .object([
            ("commit", .string(entry.commit)),
            ("parents", .array(entry.parents.map(JSONValue.string))),
            ("author", .string(entry.author)),
            ("email", .string(entry.email)),
            ("date", .string(entry.date)),
            ("subject", .string(entry.subject)),
            ("event", .string(entry.event.rawValue)),
            ("file", .optional(entry.file)),
            ("previousFile", .optional(entry.previousFile)),
            ("fields", .array(entry.fields.map { field in
                .object([
                    ("field", .string(field.field)),
                    ("before", .optional(field.before)),
                    ("after", .optional(field.after)),
                    ("line", field.afterLocation.map { .int($0.line) } ?? .null),
                ])
            })),
        ])
    }
}

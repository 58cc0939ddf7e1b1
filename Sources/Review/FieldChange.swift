import Diagnostics

/// One field of one code that differs between the base and the pull request: `before → after`,
/// with where each is written. `before` is nil for a field the base did not have, `after` for one
/// the pull request removed.
public struct FieldChange: Sendable, Hashable {
    public var field: String
    public var before: String?
    public var after: String?
    public var beforeLocation: SourceLocation?
    public var afterLocation: SourceLocation?
    public var order: FieldOrder

    public init(field: String, before: String?, after: String?, beforeLocation: SourceLocation?,
                afterLocation: SourceLocation?, order: FieldOrder) {
        self.field = field
        self.before = before
        self.after = after
        self.beforeLocation = beforeLocation
        self.afterLocation = afterLocation
        self.order = order
    }

    /// The field's top-level key: `labels` for `labels.region`, `routes` for `routes[2]`.
    public var key: String {
        String(field.prefix { $0 != "." && $0 != "[" })
    }

    /// The changes between two lists of field values, in field order.
    public static func between(_ before: [FieldValue], _ after: [FieldValue]) -> [FieldChange] {
        var old: [String: FieldValue] = [:]
        for value in before { old[value.name] = value }
        var changes: [FieldChange] = []
        var seen = Set<String>()
        for value in after {
            seen.insert(value.name)
            let previous = old[value.name]
            guard previous?.text != value.text else { continue }
            changes.append(FieldChange(field: value.name, before: previous?.text, after: value.text,
                                       beforeLocation: previous?.location, afterLocation: value.location, order: value.order))
        }
        for value in before where !seen.contains(value.name) {
            changes.append(FieldChange(field: value.name, before: value.text, after: nil,
                                       beforeLocation: value.location, afterLocation: nil, order: value.order))
        }
        return changes.sorted { $0.order < $1.order }
    }
}

/// A position in a YAML file: 1-based line and column (a column counts Unicode scalars),
/// and the id of the file (an index into the caller's file table, so that trees merged from
/// several files, such as `_defaults.yaml` under a code, keep every value's true origin).
public struct Mark: Sendable, Hashable, Comparable {
    public var file: Int32
    public var line: Int32
    public var column: Int32

    public init(file: Int32 = 0, line: Int, column: Int) {
        self.file = file
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// How a scalar was written. Typing is done by the schema, but the style decides, for
/// example, that `"true"` (quoted) is a string and never a boolean.
public enum ScalarStyle: UInt8, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isPlain: Bool { self == .plain }
}

public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle

    public init(_ text: String, style: ScalarStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// `null`, `Null`, `NULL`, `~` or nothing at all, written plain.
    public var isNull: Bool {
        guard style == .plain else { return false }
        // By length first: this is asked of nearly every scalar, and most are longer.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}

/// One entry of a mapping, keeping the key's own position.
public struct YAMLEntry: Sendable {
    public var key: Scalar
    public var keyMark: Mark
    public var value: YAMLNode

    public init(key: Scalar, keyMark: Mark, value: YAMLNode) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}

/// Our own located YAML tree: every scalar, mapping, sequence and key carries its position.
/// The file path lives once in `YAMLDocument`, not in every node.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        case scalar(Scalar)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    public var value: Value
    public var mark: Mark

    public init(_ value: Value, mark: Mark) {
        self.value = value
        self.mark = mark
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let e) = value { return e }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let i) = value { return i }
        return nil
    }

    /// What this node is, in words, for messages: "a mapping", "a list", "the string "x"".
    public var kindDescription: String {
        switch value {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s) where s.isNull: "nothing (null)"
        case .scalar: "a scalar"
        }
    }

    /// The value of `key` in a mapping, if present.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = value else { return nil }
        for entry in entries where entry.key.text == key { return entry.value }
        return nil
    }
}

/// One parsed YAML file.
public struct YAMLDocument: Sendable {
    public let path: String
    public let fileID: Int32
    /// nil for an empty document.
    public let root: YAMLNode?

    public init(path: String, fileID: Int32, root: YAMLNode?) {
        self.path = path
        self.fileID = fileID
        self.root = root
    }
}

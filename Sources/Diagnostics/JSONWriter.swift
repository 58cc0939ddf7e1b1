/// A JSON value whose objects keep their keys in the order they were written, so that the
/// machine-readable renderers produce byte-identical output for identical input.
///
/// Only what the renderers need: no floating-point numbers.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Key/value pairs in output order. Keys must be unique; the writer does not check.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// `.string(value)` or `.null` when `value` is nil.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}

/// Writes a `JSONValue` as RFC 8259 JSON: two-space indentation, `"key": value`, empty
/// containers as `[]` / `{}`, and a trailing newline after the top-level value.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var output = ""
        append(value, indent: 0, to: &output)
        output += "\n"
        return output
    }

    /// A JSON string literal (with the quotes). Escapes `"` and `\`, writes the control
    /// characters U+0000–U+001F and U+007F as `\b \f \n \r \t` or `\u00XX`, and escapes
    /// U+2028 and U+2029 (legal in JSON, but line terminators in JavaScript). Everything else,
    /// including non-ASCII text, is written as UTF-8.
    public static func quoted(_ string: String) -> String {
        var output = ""
        appendQuoted(string, to: &output)
        return output
    }

    /// `quoted(string)`, appended. Text with nothing to escape (no `"`, `\`, control
    /// character or DEL, and no U+2028 / U+2029, whose UTF-8 starts with 0xE2) is appended as
    /// it is, found by one pass over its bytes; other text goes scalar by scalar.
    static func appendQuoted(_ string: String, to output: inout String) {
        let plain = string.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
        output += "\""
        if plain {
            output += string
        } else {
            appendEscaped(string, to: &output)
        }
        output += "\""
    }

    private static func appendEscaped(_ string: String, to output: inout String) {
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                output += "\\u" + hex4(scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func append(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .null: output += "null"
        case let .bool(flag): output += flag ? "true" : "false"
        case let .int(number): output += String(number)
        case let .string(text): appendQuoted(text, to: &output)
        case let .array(items): appendArray(items, indent: indent, to: &output)
        case let .object(pairs): appendObject(pairs, indent: indent, to: &output)
        }
    }

    private static func appendArray(_ items: [JSONValue], indent: Int, to output: inout String) {
        guard !items.isEmpty else {
            output += "[]"
            return
        }
        output += "[\n"
        for (index, item) in items.enumerated() {
            output += padding(indent + 1)
            append(item, indent: indent + 1, to: &output)
            output += index < items.count - 1 ? ",\n" : "\n"
        }
        output += padding(indent) + "]"
    }

    private static func appendObject(_ pairs: [(String, JSONValue)], indent: Int, to output: inout String) {
        guard !pairs.isEmpty else {
            output += "{}"
            return
        }
        output += "{\n"
        for (index, (key, item)) in pairs.enumerated() {
            output += padding(indent + 1)
            appendQuoted(key, to: &output)
            output += ": "
            append(item, indent: indent + 1, to: &output)
            output += index < pairs.count - 1 ? ",\n" : "\n"
        }
        output += padding(indent) + "}"
    }

    private static func padding(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }
}

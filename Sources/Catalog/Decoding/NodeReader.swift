import Diagnostics
import YAMLTree

/// Typed, located reads from the YAML tree, collecting schema diagnostics as it goes.
/// Scalars are typed here, by what the schema expects, never by YAML 1.1 guessing.
struct NodeReader {
    let files: FileTable
    var diagnostics: [Diagnostic] = []
    /// `artwork:` mappings already decoded, by position (see CodeDecoder).
    var artworkCache: [Mark: SharedArtworkSpec?] = [:]

    init(files: FileTable) { self.files = files }

    func location(_ mark: Mark) -> SourceLocation { files.location(mark) }

    mutating func report(_ rule: String, _ message: String, at mark: Mark, length: Int = 1, hint: String? = nil,
                         notes: [DiagnosticNote] = [], severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, rule, message, at: location(mark), length: length, notes: notes, hint: hint))
    }

    // MARK: Shapes

    mutating func mapping(_ node: YAMLNode, what: String) -> [YAMLEntry]? {
        if case .mapping(let entries) = node.value { return entries }
        report(SchemaRule.wrongType, "\(what) must be a mapping (`key: value` lines), found \(node.kindDescription)", at: node.mark,
               hint: node.items != nil ? "remove the `- ` in front of the keys" : nil)
        return nil
    }

    mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        if case .sequence(let items) = node.value { return items }
        report(SchemaRule.wrongType, "\(what) must be a list, found \(node.kindDescription)", at: node.mark,
               hint: "write it as `[a, b]` or as lines starting with `- `")
        return nil
    }

    mutating func unknownKey(_ entry: YAMLEntry, known: [String], in what: String) {
        report(SchemaRule.unknownKey, "unknown key `\(entry.key.text)` in \(what)", at: entry.keyMark,
               length: entry.key.text.unicodeScalars.count, hint: DidYouMean.hint(for: entry.key.text, among: known))
    }

    mutating func missing(_ key: String, in what: String, at mark: Mark, hint: String? = nil) {
        report(SchemaRule.missingRequired, "\(what) has no `\(key)`; it is required", at: mark, hint: hint)
    }

    // MARK: Scalars

    /// A non-null scalar's text; reports a wrong type otherwise. `nil` value (null) returns nil silently
    /// unless `required`.
    mutating func string(_ entry: YAMLEntry, required: Bool = false) -> Located<String>? {
        string(entry.value, key: entry.key.text, keyMark: entry.keyMark, required: required)
    }

    mutating func string(_ node: YAMLNode, key: String, keyMark: Mark? = nil, required: Bool = false) -> Located<String>? {
        guard case .scalar(let scalar) = node.value else {
            report(SchemaRule.wrongType, "`\(key)` must be a single value, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if scalar.isNull {
            if required { report(SchemaRule.missingRequired, "`\(key)` has no value; it is required", at: keyMark ?? node.mark) }
            return nil
        }
        return Located(scalar.text, at: location(node.mark), key: keyMark.map(location))
    }

    mutating func bool(_ entry: YAMLEntry) -> Located<Bool>? {
        guard let text = plainScalar(entry, expected: "`true` or `false`") else { return nil }
        switch text {
        case "true": return Located(true, at: location(entry.value.mark), key: location(entry.keyMark))
        case "false": return Located(false, at: location(entry.value.mark), key: location(entry.keyMark))
        default:
            report(SchemaRule.wrongType, "`\(entry.key.text)` must be `true` or `false`, found `\(text)`", at: entry.value.mark,
                   length: text.unicodeScalars.count,
                   hint: ["yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE"].contains(text)
                       ? "qrops reads YAML by its schema: only `true` and `false` are booleans" : nil)
            return nil
        }
    }

    mutating func int(_ entry: YAMLEntry, range: ClosedRange<Int>) -> Located<Int>? {
        int(entry.value, key: entry.key.text, keyMark: entry.keyMark, range: range)
    }

    mutating func int(_ node: YAMLNode, key: String, keyMark: Mark?, range: ClosedRange<Int>) -> Located<Int>? {
        guard let text = plainScalar(node, key: key, expected: "a whole number") else { return nil }
        // ASCII digits only (as bytes: an ASCII digit character is one byte).
        guard text.utf8.count <= 12, !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text) else {
            report(SchemaRule.wrongType, "`\(key)` must be a whole number, found `\(text)`", at: node.mark, length: text.unicodeScalars.count)
            return nil
        }
        guard range.contains(value) else {
            report(SchemaRule.invalidValue, "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
                   at: node.mark, length: text.count)
            return nil
        }
        return Located(value, at: location(node.mark), key: keyMark.map(location))
    }

    mutating func number(_ entry: YAMLEntry, range: ClosedRange<Double>) -> Located<Double>? {
        guard let text = plainScalar(entry, expected: "a number") else { return nil }
        var body = Substring(text)
        var scale = 1.0
        if body.hasSuffix("%") {
            body = body.dropLast()
            scale = 0.01
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let raw = Double(body) else {
            report(SchemaRule.wrongType, "`\(entry.key.text)` must be a number, found `\(text)`", at: entry.value.mark)
            return nil
        }
        let value = raw * scale
        guard range.contains(value) else {
            report(SchemaRule.invalidValue, "`\(entry.key.text)` must be between \(range.lowerBound) and \(range.upperBound), found \(text)",
                   at: entry.value.mark)
            return nil
        }
        return Located(value, at: location(entry.value.mark), key: location(entry.keyMark))
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ entry: YAMLEntry, _ type: E.Type) -> Located<E>?
    where E.RawValue == String {
        enumeration(entry.value, key: entry.key.text, keyMark: entry.keyMark, type)
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, key: String, keyMark: Mark?, _ type: E.Type)
        -> Located<E>? where E.RawValue == String {
        guard let text = string(node, key: key, keyMark: keyMark)?.value else { return nil }
        if let value = E(rawValue: text) { return Located(value, at: location(node.mark), key: keyMark.map(location)) }
        let allowed = E.allCases.map(\.rawValue)
        let hint = DidYouMean.suggest(text, among: allowed).map { "did you mean `\($0)`?" }
        report(SchemaRule.invalidEnum,
               "`\(text)` is not a valid `\(key)`; allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))",
               at: node.mark, length: text.unicodeScalars.count, hint: hint)
        return nil
    }

    mutating func url(_ entry: YAMLEntry, required: Bool = false) -> Located<String>? {
        url(entry.value, key: entry.key.text, keyMark: entry.keyMark, required: required)
    }

    mutating func url(_ node: YAMLNode, key: String, keyMark: Mark?, required: Bool = false) -> Located<String>? {
        guard let text = string(node, key: key, keyMark: keyMark, required: required) else { return nil }
        if case .failure(let error) = WebURL.parse(text.value) {
            report(SchemaRule.malformedURL, "`\(key)` is not a valid URL: \(error)", at: node.mark,
                   length: text.value.unicodeScalars.count, hint: "write an absolute URL such as `https://www.example.com/page`")
            return nil
        }
        return text
    }

    mutating func instant(_ entry: YAMLEntry) -> Located<Instant>? {
        instant(entry.value, key: entry.key.text, keyMark: entry.keyMark)
    }

    mutating func instant(_ node: YAMLNode, key: String, keyMark: Mark?) -> Located<Instant>? {
        guard let text = string(node, key: key, keyMark: keyMark) else { return nil }
        guard let value = Instant.parse(text.value) else {
            report(SchemaRule.malformedDate, "`\(text.value)` is not a valid date or instant for `\(key)`", at: node.mark,
                   length: text.value.unicodeScalars.count,
                   hint: "write a date as `2026-03-01` or an instant as `2026-03-01T09:00:00Z`")
            return nil
        }
        return Located(value, at: text.location, key: text.keyLocation)
    }

    mutating func duration(_ entry: YAMLEntry) -> Located<CalendarDuration>? {
        guard let text = string(entry) else { return nil }
        guard let value = CalendarDuration.parse(text.value) else {
            report(SchemaRule.malformedDuration, "`\(text.value)` is not a valid duration for `\(entry.key.text)`",
                   at: entry.value.mark, hint: "write a whole number and a unit: `30d`, `2w`, `6mo`, `10y`")
            return nil
        }
        return Located(value, at: text.location, key: text.keyLocation)
    }

    mutating func length(_ entry: YAMLEntry) -> Located<Length>? {
        guard let text = string(entry) else { return nil }
        guard let value = Length.parse(text.value) else {
            report(SchemaRule.malformedSize, "`\(text.value)` is not a valid length for `\(entry.key.text)`",
                   at: entry.value.mark, hint: "write a number and a unit: `25mm`, `2.5cm`, `1in`, `72pt`, `2m`")
            return nil
        }
        return Located(value, at: text.location, key: text.keyLocation)
    }

    mutating func colour(_ entry: YAMLEntry) -> Located<Colour>? {
        guard let text = string(entry) else { return nil }
        guard let value = Colour.parse(text.value) else {
            report(SchemaRule.malformedColour, "`\(text.value)` is not a valid colour for `\(entry.key.text)`",
                   at: entry.value.mark, hint: "write `\"#1A2B3C\"` (quoted: `#` starts a YAML comment) or `cmyk(0,0,0,100)`")
            return nil
        }
        return Located(value, at: text.location, key: text.keyLocation)
    }

    /// A string or a list of strings (`device: ios` or `device: [ios, android]`).
    mutating func stringList(_ entry: YAMLEntry, allowSingle: Bool = true) -> Located<[Located<String>]>? {
        let node = entry.value
        if case .scalar(let scalar) = node.value {
            if scalar.isNull { return nil }
            guard allowSingle else {
                _ = sequence(node, what: "`\(entry.key.text)`")
                return nil
            }
            let item = Located(scalar.text, at: location(node.mark), key: location(entry.keyMark))
            return Located([item], at: location(node.mark), key: location(entry.keyMark))
        }
        guard let items = sequence(node, what: "`\(entry.key.text)`") else { return nil }
        var values: [Located<String>] = []
        values.reserveCapacity(items.count)
        for item in items {
            if let value = string(item, key: "\(entry.key.text) item") { values.append(value) }
        }
        return Located(values, at: location(node.mark), key: location(entry.keyMark))
    }

    // MARK: Helpers

    private mutating func plainScalar(_ entry: YAMLEntry, expected: String) -> String? {
        plainScalar(entry.value, key: entry.key.text, expected: expected)
    }

    private mutating func plainScalar(_ node: YAMLNode, key: String, expected: String) -> String? {
        guard case .scalar(let scalar) = node.value else {
            report(SchemaRule.wrongType, "`\(key)` must be \(expected), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if scalar.isNull { return nil }
        guard scalar.style.isPlain else {
            report(SchemaRule.wrongType, "`\(key)` must be \(expected), found the quoted string \"\(scalar.text)\"", at: node.mark,
                   hint: "remove the quotes")
            return nil
        }
        return scalar.text
    }
}

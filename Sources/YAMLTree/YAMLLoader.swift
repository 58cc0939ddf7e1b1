import CYAML
import Diagnostics

/// Drives libyaml's event parser over a file's bytes and builds our located tree.
///
/// Pure: bytes in, tree and diagnostics out. Never traps on any input; every problem becomes
/// a located diagnostic (see docs/repository-format.md, "YAML dialect").
public enum YAMLLoader {
    public struct Limits: Sendable {
        public var maxScalarBytes = 1 << 20
        public var maxDepth = 100
        /// Aliases may expand the document to this many nodes ...
        public var aliasNodeFloor = 100_000
        /// ... or to this many times the nodes actually written, whichever is larger.
        public var aliasExpansionFactor = 20

        public init() {}
    }

    public struct Result: Sendable {
        public var document: YAMLDocument?
        public var diagnostics: [Diagnostic]

        public init(document: YAMLDocument?, diagnostics: [Diagnostic]) {
            self.document = document
            self.diagnostics = diagnostics
        }
    }

    /// Parses `bytes` as the file `path`; every mark in the tree carries `fileID`.
    public static func load(_ bytes: [UInt8], path: String, fileID: Int32 = 0, limits: Limits = Limits()) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var run = LoaderRun(path: path, fileID: fileID, source: buffer, limits: limits)
            return run.parse()
        }
    }

    public static func load(_ text: String, path: String, fileID: Int32 = 0, limits: Limits = Limits()) -> Result {
        load(Array(text.utf8), path: path, fileID: fileID, limits: limits)
    }
}

/// Rule ids the loader emits.
public enum YAMLRule {
    public static let syntax = "yaml-syntax"
    public static let encoding = "yaml-encoding"
    public static let empty = "yaml-empty"
    public static let multipleDocuments = "yaml-multiple-documents"
    public static let duplicateKey = "yaml-duplicate-key"
    public static let complexKey = "yaml-complex-key"
    public static let aliasBudget = "yaml-alias-budget"
    public static let undefinedAlias = "yaml-undefined-alias"
    public static let scalarTooLarge = "yaml-scalar-too-large"
    public static let tooDeep = "yaml-too-deep"
}

/// An open mapping or sequence. Its children wait on the shared `pending` stack (keys and
/// values alternate for a mapping) and are moved into one exactly-sized array when it closes.
private struct Frame {
    var isMapping: Bool
    var mark: Mark
    var anchor: String?
    /// Index in `pending` of the first child.
    var start: Int
    /// Nodes in this subtree, aliases expanded.
    var size = 1
}

private struct LoaderRun: ~Copyable {
    let path: String
    let fileID: Int32
    let source: UnsafeBufferPointer<UInt8>
    let limits: YAMLLoader.Limits

    var frames: [Frame] = []
    var pending = NodeStack()
    var root: YAMLNode?
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var diagnostics: [Diagnostic] = []
    var writtenNodes = 0
    var expandedNodes = 0
    var documents = 0
    var failed = false
    /// The texts of this file's scalars too long to be stored inline in a `String` (over 15
    /// UTF-8 bytes), each kept once: a file's codes repeat their targets, fallbacks and change
    /// reasons, and the decoded codes keep these strings long after the tree is gone.
    var longTexts = Set<ExactText>()

    init(path: String, fileID: Int32, source: UnsafeBufferPointer<UInt8>, limits: YAMLLoader.Limits) {
        self.path = path
        self.fileID = fileID
        self.source = source
        self.limits = limits
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: path, line: Int(mark.line), column: Int(mark.column))
    }

    func markOf(_ m: yaml_mark_t) -> Mark {
        Mark(file: fileID, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    mutating func fail(_ rule: String, _ message: String, at mark: Mark, notes: [DiagnosticNote] = [], hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, rule, message, at: location(mark), notes: notes, hint: hint))
        failed = true
    }

    mutating func parse() -> YAMLLoader.Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            fail(YAMLRule.syntax, "libyaml could not be initialised (out of memory)", at: Mark(file: fileID, line: 1, column: 1))
            return YAMLLoader.Result(document: nil, diagnostics: diagnostics)
        }
        defer { yaml_parser_delete(&parser) }
        if let base = source.baseAddress {
            yaml_parser_set_input_string(&parser, base, source.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }

        var event = yaml_event_t()
        loop: while !failed {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                break
            }
            let type = event.type
            handle(&event)
            yaml_event_delete(&event)
            if type == YAML_STREAM_END_EVENT { break loop }
        }

        if failed { return YAMLLoader.Result(document: nil, diagnostics: diagnostics) }
        if root == nil {
            diagnostics.append(Diagnostic(
                .error, YAMLRule.empty, "the file is empty: it holds no YAML document",
                at: SourceLocation(file: path, line: 1, column: 1),
                hint: "delete the file, or add its content"))
            return YAMLLoader.Result(document: nil, diagnostics: diagnostics)
        }
        return YAMLLoader.Result(document: YAMLDocument(path: path, fileID: fileID, root: root), diagnostics: diagnostics)
    }

    mutating func handle(_ event: inout yaml_event_t) {
        let mark = markOf(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(YAMLRule.multipleDocuments, "a second YAML document starts here; a qrops file holds exactly one",
                     at: mark, hint: "split it into two files, or remove the `---` line")
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let length = Int(data.length)
            if length > limits.maxScalarBytes {
                fail(YAMLRule.scalarTooLarge,
                     "this value is \(length) bytes long; the limit is \(limits.maxScalarBytes) bytes",
                     at: mark, hint: "nothing in a QR portfolio needs a value this large")
                return
            }
            let text: String
            if let value = data.value, length > 0 {
                let decoded = String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)
                text = length > 15 ? longTexts.insert(ExactText(decoded)).memberAfterInsert.text : decoded
            } else {
                text = ""
            }
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            writtenNodes += 1
            expandedNodes += 1
            let node = YAMLNode(.scalar(Scalar(text, style: style)), mark: mark)
            if let anchor = data.anchor { anchors[String(cString: anchor)] = (node, 1) }
            add(node, size: 1)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            if frames.count >= limits.maxDepth {
                fail(YAMLRule.tooDeep, "nesting is deeper than \(limits.maxDepth) levels", at: mark,
                     hint: "a qrops file never needs more than a few levels")
                return
            }
            writtenNodes += 1
            expandedNodes += 1
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let anchor = anchorPointer.map { String(cString: $0) }
            frames.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor, start: pending.count))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let frame = frames.popLast() else { return }
            let node: YAMLNode
            if frame.isMapping {
                guard let entries = closeMapping(from: frame.start) else { return }
                node = YAMLNode(.mapping(entries), mark: frame.mark)
            } else {
                node = YAMLNode(.sequence(pending.popArray(from: frame.start)), mark: frame.mark)
            }
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
            add(node, size: frame.size)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                fail(YAMLRule.undefinedAlias, "the alias *\(name) names no anchor defined before it", at: mark)
                return
            }
            writtenNodes += 1
            let (sum, overflow) = expandedNodes.addingReportingOverflow(target.size)
            expandedNodes = overflow ? Int.max : sum
            let budget = max(limits.aliasNodeFloor, limits.aliasExpansionFactor * writtenNodes)
            if expandedNodes > budget {
                fail(YAMLRule.aliasBudget,
                     "aliases expand this document past \(budget) nodes (an alias bomb?)",
                     at: mark, hint: "write the values out, or use _defaults.yaml to share them")
                return
            }
            add(target.node, size: target.size)
        default:
            break
        }
    }

    mutating func add(_ node: YAMLNode, size: Int) {
        guard !frames.isEmpty else {
            root = node
            return
        }
        let top = frames.count - 1
        frames[top].size = min(frames[top].size &+ size, Int.max / 4)
        // In a mapping, children at even offsets are keys: they must be scalars.
        if frames[top].isMapping, (pending.count - frames[top].start) % 2 == 0 {
            guard case .scalar = node.value else {
                fail(YAMLRule.complexKey, "a mapping key must be a plain value, not \(node.kindDescription)", at: node.mark)
                return
            }
        }
        pending.push(node)
    }

    /// Pairs up a closing mapping's keys and values, reporting the first duplicate key.
    mutating func closeMapping(from start: Int) -> [YAMLEntry]? {
        let entries = pending.popEntries(from: start)
        if let (first, second) = firstDuplicate(in: entries) {
            let key = entries[second].key.text
            fail(YAMLRule.duplicateKey, "duplicate key `\(key)`", at: entries[second].keyMark,
                 notes: [DiagnosticNote("`\(key)` first appears here", at: location(entries[first].keyMark))],
                 hint: "remove one of the two; YAML keeps only one of them")
            return nil
        }
        return entries
    }

    /// The first key that repeats an earlier one: (earlier index, later index).
    func firstDuplicate(in entries: [YAMLEntry]) -> (Int, Int)? {
        if entries.count <= 16 {
            for later in entries.indices.dropFirst() {
                for earlier in 0..<later where entries[earlier].key.text == entries[later].key.text { return (earlier, later) }
            }
            return nil
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if let earlier = seen.updateValue(index, forKey: entry.key.text) { return (earlier, index) }
        }
        return nil
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            var mark = SourceScan.mark(atByteOffset: Int(parser.problem_offset), in: source)
            mark.file = fileID
            var message = problem
            if parser.problem_value >= 0, problem.contains("octet") || problem.contains("character") {
                message += " (byte 0x\(String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16, uppercase: true)))"
            }
            fail(YAMLRule.encoding, "the file is not valid UTF-8 text: \(message)", at: mark,
                 hint: "save the file as UTF-8")
            return
        }
        if parser.error == YAML_MEMORY_ERROR {
            fail(YAMLRule.syntax, "libyaml ran out of memory", at: Mark(file: fileID, line: 1, column: 1))
            return
        }
        let mark = markOf(parser.problem_mark)
        var notes: [DiagnosticNote] = []
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context))"
            let contextMark = markOf(parser.context_mark)
            if contextMark != mark { notes.append(DiagnosticNote("\(context) that started here", at: location(contextMark))) }
        }
        var hint: String?
        if SourceScan.lineHasTabIndentation(line: Int(mark.line), in: source) || problem.contains("tab") {
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        } else if problem.contains("could not find expected ':'") {
            hint = "a key needs `: ` after it; check the indentation of this line and the one before"
        }
        fail(YAMLRule.syntax, message, at: mark, notes: notes, hint: hint)
    }
}

/// Byte-level helpers used only when reporting errors.
enum SourceScan {
    /// Line and column (1-based, columns in Unicode scalars) of a byte offset.
    static func mark(atByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    /// True when the 1-based line starts with white space that contains a tab.
    static func lineHasTabIndentation(line target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var line = 1
        var index = 0
        while index < bytes.count, line < target {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard line == target else { return false }
        while index < bytes.count {
            switch bytes[index] {
            case 0x09: return true
            case 0x20: index += 1
            default: return false
            }
        }
        return false
    }
}

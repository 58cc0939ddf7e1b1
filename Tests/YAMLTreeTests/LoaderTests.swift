import Diagnostics
import Testing
@testable import YAMLTree

/// One bad (or tricky) input and the diagnostic it must produce.
struct BadInput: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let rule: String
    let line: Int
    let column: Int
    var messageContains: String = ""

    init(_ name: String, _ text: String, rule: String, line: Int, column: Int, contains: String = "") {
        self.name = name
        self.bytes = Array(text.utf8)
        self.rule = rule
        self.line = line
        self.column = column
        self.messageContains = contains
    }

    init(_ name: String, bytes: [UInt8], rule: String, line: Int, column: Int, contains: String = "") {
        self.name = name
        self.bytes = bytes
        self.rule = rule
        self.line = line
        self.column = column
        self.messageContains = contains
    }

    var description: String { name }
}

private func load(_ bytes: [UInt8]) -> YAMLLoader.Result {
    YAMLLoader.load(bytes, path: "t.yaml")
}

private func billionLaughs() -> String {
    var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
    var previous = "a"
    for name in names {
        lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        previous = name
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite("YAML loader: bad input gets a located diagnostic, never a crash")
struct LoaderBadInputTests {
    static let cases: [BadInput] = [
        BadInput("syntax: unclosed flow", "a: [1, 2\nb: 3\n", rule: YAMLRule.syntax, line: 2, column: 2, contains: "flow sequence"),
        BadInput("syntax: bad indentation", "id: x\nslug: y\n  owner: z\n", rule: YAMLRule.syntax, line: 3, column: 8, contains: "mapping values are not allowed"),
        BadInput("multi-document", "a: 1\n---\nb: 2\n", rule: YAMLRule.multipleDocuments, line: 2, column: 1),
        BadInput("tab indentation", "labels:\n\tregion: eu\n", rule: YAMLRule.syntax, line: 2, column: 1, contains: "cannot start any token"),
        BadInput("invalid UTF-8", bytes: Array("a: ok\nb: x".utf8) + [0xFF] + Array("y\n".utf8),
                 rule: YAMLRule.encoding, line: 2, column: 5, contains: "UTF-8"),
        BadInput("truncated UTF-8", bytes: Array("name: caf".utf8) + [0xC3], rule: YAMLRule.encoding, line: 1, column: 10),
        BadInput("empty file", "", rule: YAMLRule.empty, line: 1, column: 1),
        BadInput("comments only", "# nothing here\n# at all\n", rule: YAMLRule.empty, line: 1, column: 1),
        BadInput("duplicate key", "id: a\nslug: b\nid: c\n", rule: YAMLRule.duplicateKey, line: 3, column: 1, contains: "`id`"),
        BadInput("duplicate key in a wide mapping", (0..<40).map { "k\($0): v\n" }.joined() + "k7: again\n",
                 rule: YAMLRule.duplicateKey, line: 41, column: 1, contains: "`k7`"),
        BadInput("complex key", "? [a, b]\n: c\n", rule: YAMLRule.complexKey, line: 1, column: 3),
        BadInput("billion laughs", billionLaughs(), rule: YAMLRule.aliasBudget, line: 6, column: 8),
        BadInput("undefined alias", "a: *nothing\n", rule: YAMLRule.undefinedAlias, line: 1, column: 4),
        BadInput("scalar over 1 MiB", "big: " + String(repeating: "x", count: (1 << 20) + 1) + "\n",
                 rule: YAMLRule.scalarTooLarge, line: 1, column: 6),
        BadInput("nesting deeper than 100", String(repeating: "[", count: 101) + String(repeating: "]", count: 101) + "\n",
                 rule: YAMLRule.tooDeep, line: 1, column: 101),
        BadInput("control character", bytes: Array("a: b".utf8) + [0x07] + Array("\n".utf8), rule: YAMLRule.encoding, line: 1, column: 5),
    ]

    @Test(arguments: cases)
    func reportsLocatedDiagnostic(_ input: BadInput) throws {
        let result = load(input.bytes)
        #expect(result.document == nil, "a bad file yields no document")
        let first = try #require(result.diagnostics.first, "expected a diagnostic")
        #expect(first.ruleID == input.rule)
        #expect(first.location.file == "t.yaml")
        #expect(first.location.line == input.line)
        #expect(first.location.column == input.column)
        #expect(first.severity == .error)
        if !input.messageContains.isEmpty {
            #expect(first.message.contains(input.messageContains), "message was: \(first.message)")
        }
    }

    @Test func duplicateKeyHasNoteAtFirstKey() throws {
        let result = load(Array("id: a\nslug: b\nid: c\n".utf8))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.notes.count == 1)
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
    }

    @Test func tabIndentationHasHint() throws {
        let result = load(Array("labels:\n\tregion: eu\n".utf8))
        #expect(try #require(result.diagnostics.first).hint?.contains("tabs") == true)
    }
}

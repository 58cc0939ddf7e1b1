import Testing
@testable import YAMLTree

/// The loader's child stack: nodes are moved off the top into arrays, in order.
@Suite("YAML loader: the node stack")
struct NodeStackTests {
    private static func scalar(_ text: String, line: Int) -> YAMLNode {
        YAMLNode(.scalar(Scalar(text)), mark: Mark(line: line, column: 1))
    }

    @Test func popArrayMovesTheTopInOrderAndKeepsTheRest() {
        var stack = NodeStack(capacity: 2)
        // Long texts: heap-allocated strings, moved rather than copied.
        let texts = (0..<100).map { "value number \($0) of the stack, long enough to be allocated" }
        for (index, text) in texts.enumerated() { stack.push(Self.scalar(text, line: index + 1)) }
        #expect(stack.count == 100)
        let top = stack.popArray(from: 60)
        #expect(stack.count == 60)
        #expect(top.map { $0.scalar?.text } == texts[60...].map { $0 })
        #expect(top.map(\.mark.line) == Array(61...100).map(Int32.init))
        #expect(stack.popArray(from: 60).isEmpty)
        let rest = stack.popArray(from: 0)
        #expect(rest.map { $0.scalar?.text } == texts[..<60].map { $0 })
        #expect(stack.count == 0)
    }

    @Test func popEntriesPairsKeysWithValues() {
        var stack = NodeStack()
        stack.push(Self.scalar("outer", line: 1))
        let start = stack.count
        stack.push(Self.scalar("id", line: 2))
        stack.push(Self.scalar("RET-1", line: 2))
        stack.push(Self.scalar("tags", line: 3))
        stack.push(YAMLNode(.sequence([Self.scalar("a", line: 3)]), mark: Mark(line: 3, column: 7)))
        let entries = stack.popEntries(from: start)
        #expect(entries.map(\.key.text) == ["id", "tags"])
        #expect(entries.map(\.keyMark.line) == [2, 3])
        #expect(entries[0].value.scalar?.text == "RET-1")
        #expect(entries[1].value.items?.count == 1)
        #expect(stack.count == 1)
    }

    @Test func popEntriesDropsATrailingKeyAndNonScalarKeys() {
        var stack = NodeStack()
        stack.push(YAMLNode(.mapping([]), mark: Mark(line: 1, column: 1)))
        stack.push(Self.scalar("dropped with its key", line: 1))
        stack.push(Self.scalar("kept", line: 2))
        stack.push(Self.scalar("yes", line: 2))
        stack.push(Self.scalar("trailing", line: 3))
        let entries = stack.popEntries(from: 0)
        #expect(entries.map(\.key.text) == ["kept"])
        #expect(stack.count == 0)
        // The stack is usable afterwards, and frees what is left on it.
        stack.push(Self.scalar("left behind", line: 4))
        #expect(stack.count == 1)
    }
}

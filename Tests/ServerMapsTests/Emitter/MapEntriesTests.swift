@testable import ServerMaps
import Testing

/// The compact entry list nginx and HAProxy maps are written from, and the text buffer files
/// are built in: same entries and bytes as the `String`s they replace.
@Suite struct MapEntriesTests {
    static let pairs: [(key: String, value: String)] = [
        ("qr.example/a", "302 0 - https://example.com/a"), ("", ""), ("qr.example/é", "x"),
        ("qr.example/b", ""), ("", "only a value"),
    ]

    @Test func keysAndValuesComeBackInOrder() {
        let entries = MapEntries(Self.pairs)
        #expect(entries.count == Self.pairs.count)
        for (index, pair) in Self.pairs.enumerated() {
            #expect(String(decoding: entries.key(index), as: UTF8.self) == pair.key)
            #expect(String(decoding: entries.value(index), as: UTF8.self) == pair.value)
        }
        #expect(MapEntries().isEmpty)
    }

    @Test(arguments: [
        // keys, ignoring case, the keys kept, the duplicates reported
        (["a/x", "a/X", "a/y", "a/x"], true, ["a/x", "a/y"], ["a/X", "a/x"]),
        (["a/x", "a/X", "a/y", "a/x"], false, ["a/x", "a/X", "a/y"], ["a/x"]),
        (["a/é", "a/É"], true, ["a/é", "a/É"], []),  // only ASCII letters fold, as in nginx
        (["", "", "k"], false, ["", "k"], [""]),
        (["a/1", "a/2", "a/3"], true, ["a/1", "a/2", "a/3"], []),
    ])
    func firstOfEachKeyKeepsTheFirst(keys: [String], ignoringCase: Bool, kept: [String], duplicates: [String]) {
        let entries = MapEntries(keys.enumerated().map { ($0.element, "v\($0.offset)") })
        let result = entries.firstOfEachKey(ignoringCase: ignoringCase)
        #expect((0..<result.kept.count).map { String(decoding: result.kept.key($0), as: UTF8.self) } == kept)
        #expect(result.duplicates == duplicates)
        // Every key hashing alike: the exact comparison alone decides.
        let colliding = entries.firstOfEachKey(ignoringCase: ignoringCase, hashOf: { _, _ in 42 })
        #expect((0..<colliding.kept.count).map { String(decoding: colliding.kept.key($0), as: UTF8.self) } == kept)
        #expect(colliding.duplicates == duplicates)
        // Each kept entry keeps its own value.
        for index in 0..<result.kept.count {
            let key = String(decoding: result.kept.key(index), as: UTF8.self)
            let first = keys.firstIndex(of: key) ?? -1
            #expect(String(decoding: result.kept.value(index), as: UTF8.self) == "v\(first)")
        }
    }

    @Test func aThousandDistinctKeysAreAllKept() {
        let keys = (0..<1000).map { "qr.example/code-\($0)" }
        let result = MapEntries(keys.map { ($0, "1") }).firstOfEachKey(ignoringCase: true)
        #expect(result.kept.count == 1000)
        #expect(result.duplicates.isEmpty)
    }

    @Test func textOutputIsTheJoinedLines() {
        var output = TextOutput()
        output.line("first")
        output.append("sec")
        output.append(Array("ond".utf8)[...])
        output.line("")
        output += ["", "last é"]
        #expect(String(decoding: output.bytes, as: UTF8.self) == ["first", "second", "", "last é"].joined(separator: "\n") + "\n")
    }
}

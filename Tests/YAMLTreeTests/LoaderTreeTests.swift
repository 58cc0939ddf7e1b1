import Diagnostics
import Testing
import TestSupport
@testable import YAMLTree

@Suite("YAML loader: the located tree")
struct LoaderTreeTests {
    private func root(_ text: String) throws -> YAMLNode {
        let result = YAMLLoader.load(text, path: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.document?.root)
    }

    @Test func keysAndValuesCarryLineAndColumn() throws {
        let node = try root("id: RET-1\nlabels:\n  region: eu\nroutes:\n  - target: x\n")
        let entries = try #require(node.entries)
        #expect(entries.map(\.key.text) == ["id", "labels", "routes"])
        #expect(entries[0].keyMark == Mark(line: 1, column: 1))
        #expect(entries[0].value.mark == Mark(line: 1, column: 5))
        let region = try #require(entries[1].value.entries?.first)
        #expect(region.keyMark == Mark(line: 3, column: 3))
        #expect(region.value.mark == Mark(line: 3, column: 11))
        let item = try #require(entries[2].value.items?.first)
        #expect(item.mark == Mark(line: 5, column: 5))
    }

    @Test func scalarsKeepTheirLiteralTextAndStyle() throws {
        let node = try root("country: NO\nversion: 1.10\nflag: yes\nquoted: \"true\"\nempty:\n")
        #expect(node["country"]?.scalar == Scalar("NO"))
        #expect(node["version"]?.scalar == Scalar("1.10"))
        #expect(node["flag"]?.scalar == Scalar("yes"))
        #expect(node["quoted"]?.scalar == Scalar("true", style: .doubleQuoted))
        #expect(node["empty"]?.scalar?.isNull == true)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let node = try root("name: \"日本語\"\nnext: é\n")
        #expect(node.entries?[1].value.mark == Mark(line: 2, column: 7))
        let after = try root("a: 日本\nb: x\n")
        #expect(after.entries?[1].keyMark == Mark(line: 2, column: 1))
        let wide = try root("k: [日本, x]\n")
        #expect(wide["k"]?.items?[1].mark == Mark(line: 1, column: 9))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let result = YAMLLoader.load([0xEF, 0xBB, 0xBF] + Array("id: a\nslug: b\n".utf8), path: "t.yaml")
        #expect(result.diagnostics.isEmpty)
        let entries = try #require(result.document?.root?.entries)
        #expect(entries[0].keyMark == Mark(line: 1, column: 1))
        #expect(entries[1].keyMark == Mark(line: 2, column: 1))
    }

    @Test func crlfLineEndsAreAccepted() throws {
        let node = try root("id: a\r\nslug: b\r\nlabels:\r\n  x: y\r\n")
        #expect(node["slug"]?.scalar?.text == "b")
        #expect(node.entries?[2].value.entries?[0].keyMark == Mark(line: 4, column: 3))
    }

    @Test func equalLongScalarsOfAFileShareOneString() throws {
        let url = "https://www.acme.example/us/support"
        let node = try root("a: \(url)\nb: [\(url), \"\(url)\"]\nc: short\nd: short\n")
        let texts = [node["a"]?.scalar?.text, node["b"]?.items?[0].scalar?.text, node["b"]?.items?[1].scalar?.text].compactMap { $0 }
        #expect(texts == [url, url, url])
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(Set(texts.map(storage)).count == 1)
    }

    @Test func canonicallyEquivalentScalarsKeepTheirOwnBytes() throws {
        // Equal as Swift strings (`==`), different bytes: each keeps the bytes written.
        let composed = "https://www.acme.example/caf\u{E9}"
        let decomposed = "https://www.acme.example/cafe\u{301}"
        #expect(composed == decomposed)
        let node = try root("a: \(composed)\nb: \(decomposed)\nc: \(composed)\n")
        #expect(node["a"]?.scalar.map { Array($0.text.utf8) } == Array(composed.utf8))
        #expect(node["b"]?.scalar.map { Array($0.text.utf8) } == Array(decomposed.utf8))
        #expect(node["c"]?.scalar.map { Array($0.text.utf8) } == Array(composed.utf8))
    }

    @Test func aliasesWithinBudgetExpand() throws {
        let node = try root("base: &b {a: 1}\ncopy: *b\n")
        #expect(node["copy"]?["a"]?.scalar?.text == "1")
    }

    @Test func fileIDIsStampedOnEveryMark() throws {
        let result = YAMLLoader.load("a:\n  b: [c]\n", path: "t.yaml", fileID: 7)
        let node = try #require(result.document?.root)
        #expect(node.mark.file == 7)
        #expect(node["a"]?["b"]?.items?.first?.mark.file == 7)
    }

    @Test func hundredLevelsAreAllowed() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try root(text)
    }

    @Test func billionLaughsFailsFast() {
        var lines = ["a: &a [x,x,x,x,x,x,x,x,x,x]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]")
            previous = name
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let result = YAMLLoader.load(lines.joined(separator: "\n"), path: "t.yaml")
            #expect(result.diagnostics.first?.ruleID == YAMLRule.aliasBudget)
        }
        // Not a speed test: a sanity bound that proves nothing was expanded (10^10 nodes).
        #expect(elapsed < .seconds(5))
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("ab: -[]{}&*!|>'\"#%@`,?\n\t\r \\".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0xEF, 0xBB, 0xBF]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 64)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = YAMLLoader.load(bytes, path: "f.yaml")
            if result.document == nil { #expect(!result.diagnostics.isEmpty) }
            for diagnostic in result.diagnostics { #expect(diagnostic.location.line >= 1) }
        }
    }
}

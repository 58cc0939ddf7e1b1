@testable import Catalog
import Diagnostics
import Testing
import YAMLTree

/// `labels:` and `utm:` entries: compact items, own entries first, inherited ones shared.
@Suite("String maps")
struct StringMapTests {
    static func entry(_ name: String, _ value: String, file: String, line: Int) -> StringEntry {
        StringEntry(name, at: SourceLocation(file: file, line: line, column: 3),
                    value: Located(value, at: SourceLocation(file: file, line: line, column: 5 + name.count)))
    }

    @Test func ownEntriesComeBeforeInheritedOnes() {
        let map = StringMap([Self.entry("sku", "S-1", file: "codes/a.yaml", line: 4)],
                            inherited: [Self.entry("region", "eu", file: "codes/_defaults.yaml", line: 2)])
        #expect(map.map(\.name) == ["sku", "region"])
        #expect(map.count == 2 && map.indices == 0..<2)
        #expect(map.entry(named: "region")?.value.value == "eu")
        #expect(map.entry(named: "sku")?.value.value == "S-1")
        #expect(map.entry(named: "campaign") == nil)
        // Each entry keeps its own file; the key is where it is written in that file.
        #expect(map[1].key.value == "region" && map[1].key.location.description == "codes/_defaults.yaml:2:3")
        #expect(map[1].value.location.description == "codes/_defaults.yaml:2:11")
        #expect(map[1].value.keyLocation == map[1].key.location)
        var text = ""
        dump(map, to: &text)
        #expect(text.hasPrefix("▿ 2 elements\n") && !text.contains("inherited"))
        let empty: StringMap = []
        let literal: StringMap = [map[0]]
        #expect(empty.isEmpty && literal.map(\.name) == ["sku"])
    }

    @Test func codesThatOverrideNoInheritedKeyShareTheInheritedEntries() throws {
        let text = """
            defaults:
              labels: {campaign: juice, region: na}
              utm: {source: qr, medium: print}
            codes:
              - {id: A-1, slug: a1, status: draft, labels: {sku: S-1}, utm: {content: c1}}
              - {id: A-2, slug: a2, status: draft, labels: {sku: S-2}, utm: {content: c2}}
              - {id: A-3, slug: a3, status: draft, labels: {region: eu}}

            """
        let (codes, diagnostics) = decodeCodeFile(text)
        #expect(diagnostics.isEmpty)
        try #require(codes.count == 3)
        #expect(codes.map { $0.labels.map { "\($0.name)=\($0.value.value)" } }
            == [["sku=S-1", "campaign=juice", "region=na"], ["sku=S-2", "campaign=juice", "region=na"], ["region=eu", "campaign=juice"]])
        #expect(codes[1].utm.map(\.name) == ["content", "source", "medium"])
        func storage(_ entries: [StringEntry]) -> UnsafeRawPointer? { entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(storage(codes[0].labels.inherited) == storage(codes[1].labels.inherited))
        #expect(storage(codes[0].utm.inherited) == storage(codes[1].utm.inherited))
        #expect(codes[2].labels.inherited.map(\.name) == ["campaign"])
    }
}

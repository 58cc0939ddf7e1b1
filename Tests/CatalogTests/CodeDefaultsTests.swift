@testable import Catalog
import Diagnostics
import Testing
import YAMLTree

/// Codes are decoded over their file's decoded defaults (`CodeDefaults`) instead of over a
/// merged tree. The result must be exactly what merging the defaults under each code
/// (`DefaultsMerger`) and decoding the merged mapping gives: every field of every code, and
/// every diagnostic, in order.
@Suite("Decoding codes over their defaults")
struct CodeDefaultsTests {
    /// Folder defaults (`inherited`) and code files that exercise every way a default meets a code.
    static let inherited = """
        domain: qr.acme.example
        compliance: general
        owner: retail-eu
        labels: {managed-by: ops, region: eu, nested: {x: 1}}
        artwork: {ec: Q, size: 25mm, foreground: "#111111", dpi: 7}
        utm: {source: qr, medium: print}
        fallback: https://www.acme.example/support
        targt: https://www.acme.example/typo

        """

    static let files: [(String, String)] = [
        ("overrides and merges", """
            defaults:
              use: packaging
              launch: 2026-06-12
              retire: not-a-date
              labels: {campaign: juice, region: na}
              fallback: https://www.acme.example/us
            codes:
              - id: A-1
                slug: a1
                status: active
                labels: {sku: "SKU-1", region: ~, nested: {y: 2}}
                target: https://www.acme.example/a
              - id: A-2
                slug: a2
                status: active
                owner: other-team
                fallback: ~
                artwork: {ec: H, formats: [svg, gif]}
                target: https://www.acme.example/b
                routes:
                  - when: {device: [ios]}
                    target: https://apps.apple.com/app/id1
              - id: A-3
                slug: a3
                status: draft
                labels: not-a-mapping
                utm: {campaign: juice, source: ~}
              - id: A-4
                status: active
                launch: 2027-01-01
                retire: 2030-01-01
                targt: https://www.acme.example/own-typo
              - id: A-5
                slug: a5
                status: active
                artwork: {ec: H}
                utm: {sauce: x, medium: ~}
                target: http://bad host/x
              - not a mapping
              - slug: a7
                target: https://www.acme.example/c
              - id: A-8
                slug: a8
                status: active

            """),
        ("defaults with required values and routes", """
            defaults:
              target: ~
              status: active
              routes:
                - when: {language: [fr]}
                  target: https://www.acme.example/fr
              expect:
                - when: {device: ios}
                  target: https://www.acme.example/x
              tags: [a, b]
              colour: red
            codes:
              - id: B-1
                slug: b1
              - id: B-2
                slug: b2
                target: https://www.acme.example/b2
                routes: []
                colour: blue
              - id: B-3
                slug: b3
                status: ~
                tags: ~

            """),
        ("a single code", """
            id: C-1
            slug: c1
            status: active
            labels: {region: apac}
            artwork: {size: 30mm}
            target: https://www.acme.example/c1

            """),
        ("a single code with its own typo", """
            id: D-1
            slug: d1
            status: active
            targt: https://www.acme.example/d1

            """),
    ]

    /// The decoder as it was before `CodeDefaults`: merge the trees, decode the merged mapping.
    private static func mergedTreeDecode(_ document: YAMLDocument, inherited: YAMLNode?, files: FileTable) -> ([Code], [Diagnostic]) {
        var reader = NodeReader(files: files)
        guard let root = document.root, let entries = reader.mapping(root, what: "a code file") else { return ([], reader.diagnostics) }
        var codes: [Code] = []
        if entries.contains(where: { $0.key.text == "codes" }) {
            var fileDefaults: YAMLNode?
            var list: [YAMLNode] = []
            for entry in entries {
                switch entry.key.text {
                case "defaults":
                    if reader.mapping(entry.value, what: "`defaults`") != nil {
                        _ = CodeDecoder.decode(entry.value, reader: &reader, partial: true)
                        fileDefaults = entry.value
                    }
                case "codes": list = reader.sequence(entry.value, what: "`codes`") ?? []
                default: break
                }
            }
            let base = CodeFileDecoder.merged(fileDefaults, over: inherited)
            for item in list {
                guard item.entries != nil else {
                    _ = reader.mapping(item, what: "each item of `codes`")
                    continue
                }
                let node = base.map { DefaultsMerger.merge($0, under: item) } ?? item
                if let code = CodeDecoder.decode(node, reader: &reader) { codes.append(code) }
            }
        } else {
            let node = inherited.map { DefaultsMerger.merge($0, under: root) } ?? root
            if let code = CodeDecoder.decode(node, reader: &reader) { codes.append(code) }
        }
        return (codes, reader.diagnostics)
    }

    /// Every stored field of a code, recursively, as text.
    private static func fields(_ code: Code) -> String {
        var text = ""
        dump(code, to: &text)
        return text
    }

    @Test(arguments: [true, false], files.indices)
    func decodingOverDefaultsEqualsDecodingTheMergedTree(withInherited: Bool, index: Int) throws {
        var table = FileTable()
        let defaultsID = table.add("codes/_defaults.yaml")
        let fileID = table.add("codes/file.yaml")
        let inheritedRoot = try #require(YAMLLoader.load(Self.inherited, path: "codes/_defaults.yaml", fileID: defaultsID).document?.root)
        let inherited = withInherited ? inheritedRoot : nil
        let (name, text) = Self.files[index]
        let loaded = YAMLLoader.load(text, path: "codes/file.yaml", fileID: fileID)
        #expect(loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics)")
        let document = try #require(loaded.document)

        let (codes, diagnostics) = CodeFileDecoder.decode(document, inherited: inherited, files: table)
        let (expectedCodes, expectedDiagnostics) = Self.mergedTreeDecode(document, inherited: inherited, files: table)
        #expect(diagnostics == expectedDiagnostics, "\(name)")
        #expect(codes.map(Self.fields) == expectedCodes.map(Self.fields), "\(name)")
        // The cases are not vacuous: codes come out, and defaults reach them.
        #expect(!codes.isEmpty)
        if withInherited { #expect(codes.allSatisfy { $0.domain?.value == "qr.acme.example" }) }
    }

    @Test func eachCodeGetsItsOwnCopyOfTheDefaults() throws {
        var table = FileTable()
        let fileID = table.add("codes/file.yaml")
        let document = try #require(YAMLLoader.load(Self.files[0].1, path: "codes/file.yaml", fileID: fileID).document)
        let (codes, _) = CodeFileDecoder.decode(document, inherited: nil, files: table)
        #expect(codes.map(\.id.value) == ["A-1", "A-2", "A-3", "A-5", "A-8"])
        #expect(Set(codes.map { ObjectIdentifier($0) }).count == codes.count)
        // A-1 overrides `region` with null: the default's `region` is gone, its own `sku` is there.
        #expect(codes[0].labels.map(\.key.value) == ["sku", "campaign"])
        #expect(codes[0].location.line == 8 && codes[1].location.line == 13)
        #expect(codes[0].fallback?.value == "https://www.acme.example/us" && codes[1].fallback == nil)
    }
}

/// `redirect`, `forward-query` and `scan-distance` are stored out of line and shared with the
/// file's defaults until a code sets one: setting it must never change another code.
@Suite("Rarely set fields over defaults")
struct RarelySetFieldsTests {
    @Test func aCodeSettingOneKeepsTheOthersAndChangesNoOtherCode() throws {
        let (codes, diagnostics) = decodeCodeFile("""
            defaults:
              status: draft
              redirect: 301
              forward-query: true
            codes:
              - {id: A-1, slug: a1, scan-distance: 2m}
              - {id: A-2, slug: a2, redirect: 308}
              - {id: A-3, slug: a3}
              - {id: A-4, slug: a4, redirect: ~, forward-query: ~}

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        try #require(codes.count == 4)
        #expect(codes.map(\.redirect?.value) == [301, 308, 301, nil])
        #expect(codes.map(\.forwardQuery?.value) == [true, true, true, nil])
        #expect(codes.map(\.scanDistance?.value.millimetres) == [2000, nil, nil, nil])
        #expect(codes.map(\.redirectStatus) == [301, 308, 301, 302])
        #expect(codes[1].redirect?.location.line == 7 && codes[2].redirect?.location.line == 3)
    }
}

import Testing
@testable import Diagnostics

@Suite("Human renderer")
struct HumanRendererTests {
    private let sample = SampleDiagnostics.self

    private func render(_ diagnostics: [Diagnostic], colour: Bool = false, filesChecked: Int = 1) -> String {
        HumanRenderer(colour: colour, sources: sample.sources).render(diagnostics, filesChecked: filesChecked)
    }

    private func only(_ ruleID: String, line: Int? = nil) -> Diagnostic? {
        sample.diagnostics.first { $0.ruleID == ruleID && (line == nil || $0.location.line == line) }
    }

    @Test func matchesGoldenWithoutColour() {
        Golden.expectMatch(render(sample.diagnostics, filesChecked: sample.filesChecked), file: "human.txt")
    }

    @Test func matchesGoldenWithColour() {
        Golden.expectMatch(render(sample.diagnostics, colour: true, filesChecked: sample.filesChecked), file: "human-colour.txt")
    }

    @Test func fullExampleReadsLikeACompiler() throws {
        let diagnostic = try #require(only("https-only"))
        #expect(render([diagnostic]) == """
            codes/retail/eu/coffee-x1.yaml:15:13: error: destination must use https [https-only]
               |
            15 |     target: http://www.acme.example/x
               |             ^~~~~~~~~~~~~~~~~~~~~~~~~
               = hint: use https://www.acme.example/x

            1 error in 1 file

            """)
    }

    @Test func caretAtColumnOne() throws {
        let diagnostic = try #require(only("unknown-key"))
        #expect(render([diagnostic]).contains("""
              |
            5 | owner-team: retail-eu
              | ^~~~~~~~~~
              = hint: did you mean `owner`?
            """))
    }

    @Test func tabIsShownAsOneSpaceAndTheCaretStillLinesUp() throws {
        let diagnostic = try #require(only("naming-convention", line: 4))
        let output = render([diagnostic])
        #expect(!output.contains("\t"))
        #expect(output.contains("""
            4 | name: Retail EU Coffee X1
              |       ^~~~~~~~~~~~~~~~~~
            """))
    }

    /// Column 15 counts scalars; on a terminal `日本` takes four cells, so the caret sits 16
    /// cells in: `name: ` (6) + `Café` (4) + ` ` (1) + `日本` (4) + ` ` (1).
    @Test func caretLinesUpAfterNonASCIIText() throws {
        let diagnostic = try #require(only("naming-convention", line: 2))
        #expect(render([diagnostic]).contains("""
            2 | name: Café 日本 launch!
              | \(String(repeating: " ", count: 16))^~~~~~~
            """))
    }

    @Test func combiningMarksTakeNoCell() {
        let path = "codes/combining.yaml"
        let renderer = HumanRenderer(colour: false, sources: [path: SourceText(path: path, text: "x: e\u{301}t\u{E9}!\n")])
        let diagnostic = Diagnostic(.error, "r", "m", at: sample.location(path, 1, 8))
        #expect(renderer.render([diagnostic], filesChecked: 1).contains("  |       ^\n"))
    }

    @Test func spanLongerThanTheLineStopsAtItsEnd() throws {
        let diagnostic = try #require(only("utm-campaign"))
        let caretLine = "   | " + String(repeating: " ", count: 47) + "^" + String(repeating: "~", count: 30) + "\n"
        #expect(render([diagnostic]).contains(caretLine))
    }

    @Test func noteWithItsOwnLocationGetsItsOwnFrame() throws {
        let diagnostic = try #require(only("slug-unique"))
        #expect(render([diagnostic]) == """
            codes/retail/eu/coffee-x1.yaml:2:7: error: slug `cx1` is already used on qr.acme.example [slug-unique]
              |
            2 | slug: cx1
              |       ^~~
              = note: first defined here: codes/retail/eu/coffee-x2.yaml:2:7
              |
            2 | slug: CX1
              |       -
              = note: slugs are compared case-insensitively

            1 error in 1 file

            """)
    }

    @Test func wholeFileDiagnosticHasNoFrame() throws {
        let diagnostic = try #require(only("missing-owner"))
        #expect(render([diagnostic]) == """
            codes/retail/eu/tea.yaml: error: code has no owner [missing-owner]
              = hint: add `owner:` with a key from policies/owners.yaml

            1 error in 1 file

            """)
    }

    @Test func missingSourceGivesTheHeaderAndTheNoteLocation() throws {
        let diagnostic = try #require(only("yaml-syntax"))
        #expect(render([diagnostic]) == """
            codes/broken.yaml:3:8: error: mapping values are not allowed in this context [yaml-syntax]
              = note: the mapping started here: codes/broken.yaml:1:1

            1 error in 1 file

            """)
    }

    @Test func suppressedFindingsAreOnlyCounted() throws {
        let suppressed = try #require(only("retire-soon"))
        #expect(render([suppressed], filesChecked: 3) == "no problems in 3 files (1 suppressed)\n")
        #expect(!render(sample.diagnostics).contains("retire-soon"))
    }

    @Test func summaryOfTheSample() {
        let lastLine = render(sample.diagnostics, filesChecked: sample.filesChecked)
            .split(separator: "\n").last.map(String.init)
        #expect(lastLine == "6 errors, 3 warnings, 1 note in 31 files (1 suppressed)")
    }

    @Test func noDiagnostics() {
        #expect(render([], filesChecked: 31) == "no problems in 31 files\n")
        #expect(render([], colour: true, filesChecked: 1) == "\u{1B}[1mno problems in 1 file\u{1B}[0m\n")
    }

    @Test func textFromUserFilesCannotReachTheTerminalRaw() throws {
        let output = render(sample.diagnostics, colour: false)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(output.contains(#"is 100% unsafe, e.g. a:b\c\r\nsecond line with BEL \u{7} here"#))
        #expect(output.contains("1 | target: \"http://x/%7B\"\u{FFFD}[31m\n"))
        let bidi = Diagnostic(.error, "r", "evil \u{202E}txt.exe", at: .file("f"))
        #expect(render([bidi]).contains(#"evil \u{202E}txt.exe"#))
    }

    @Test func colourMarksSeveritiesGutterAndHeader() {
        let output = render(sample.diagnostics, colour: true)
        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;36mnote:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;34m15 |\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1mcodes/retail/eu/coffee-x1.yaml:15:13:\u{1B}[0m"))
    }

    @Test(arguments: [
        ("a", 1), ("é", 1), ("日", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("\u{301}", 0), ("\u{200B}", 0), ("😀", 2),
    ] as [(String, Int)])
    func cellWidth(_ text: String, _ width: Int) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(TerminalText.cellWidth(scalar) == width)
    }
}

import Foundation
import Review
import Testing

@Suite("Diff renderers: escaping, size, stable JSON")
struct DiffRendererTests {
    typealias P = PortfolioPair

    static func report(base: [String: String], head: [String: String]) async -> DiffReport {
        DiffReport(baseRef: "origin/main", baseCommit: String(repeating: "ab", count: 20), base: await P.catalog(base),
                   head: await P.catalog(head), findings: [])
    }

    @Test func hostileValuesCannotBreakTheCommentOrPingAnyone() async throws {
        let value = "a|b <script>x</script> @acme/legal `tick` *bold* [link](http://x)\\n"
        let report = await Self.report(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {note: plain}\n")],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {note: \"\(value)\"}\n")])
        let markdown = MarkdownDiffRenderer().render(report)
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("@acme"))
        #expect(!markdown.contains("a|b"))
        #expect(!markdown.contains("`tick`"))
        #expect(markdown.contains("<code>a&#124;b &lt;script&gt;x&lt;/script&gt; &#64;acme/legal &#96;tick&#96; &#42;bold&#42; &#91;link&#93;(http://x)↵</code>"))
        // Every table row still has exactly its four cells.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| <code>labels.note") {
            #expect(line.filter { $0 == "|" }.count == 5, "\(line)")
        }
    }

    @Test func markdownStartsWithTheMarkerAndTheSummaryTable() async {
        let report = await Self.report(base: ["codes/a.yaml": P.code("A-1", slug: "a")],
                                       head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused")])
        let lines = MarkdownDiffRenderer().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "<!-- qrops-diff -->")
        #expect(lines[1] == "### qrops diff against <code>origin/main</code> (<code>abababababab</code>)")
        #expect(lines[3] == "**1 code changed** of 1: **1 high risk**, 0 medium, 0 low · 0 added, 0 deleted, 1 modified")
        #expect(lines[5] == "| risk | code | change | where |")
        #expect(lines[7] == "| **high** | <code>A-1</code> | paused | <code>codes/a.yaml:1</code> |")
    }

    @Test func noChangesSaySoInOneLine() async {
        let files = ["codes/a.yaml": P.code("A-1", slug: "a")]
        let markdown = MarkdownDiffRenderer().render(await Self.report(base: files, head: files))
        #expect(markdown.hasSuffix("**No code changes** (1 code compared).\n"))
        #expect(!markdown.contains("<details>"))
    }

    @Test func aHugeDiffStaysUnderTheCommentLimitAndSaysWhatIsLeftOut() async {
        var base: [String: String] = [:]
        var head: [String: String] = [:]
        for index in 0..<1000 {
            base["codes/c\(index).yaml"] = P.code("C-\(index)", slug: "c\(index)", status: "draft")
            head["codes/c\(index).yaml"] = P.code("C-\(index)", slug: "c\(index)", status: "draft", target: "https://www.example.com/new/\(index)")
        }
        let markdown = MarkdownDiffRenderer().render(await Self.report(base: base, head: head))
        #expect(markdown.utf8.count < 65_536)
        #expect(markdown.contains("more | | |"))
        #expect(markdown.contains("not shown here (comments have a size limit)"))
    }

    @Test func jsonIsValidAndHasTheDocumentedKeys() async throws {
        let report = await Self.report(
            base: ["codes/a.yaml": P.code("A-1", slug: "a"), "codes/d.yaml": P.code("D-1", slug: "d")],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", target: "https://www.example.com/y", extra: "change-reason: moved\n"),
                   "codes/n.yaml": P.code("N-1", slug: "n", status: "draft")])
        let text = JSONDiffRenderer(toolVersion: "9.9.9").render(report)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json.keys.sorted() == ["base", "baseProblems", "changes", "diagnostics", "summary", "tool", "uncommitted", "version"])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["codes": 2, "changed": 3, "added": 1, "deleted": 1, "modified": 1, "high": 1, "medium": 1, "low": 1,
                            "errors": 0, "warnings": 0])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.map { $0["id"] as? String } == ["D-1", "A-1", "N-1"])
        #expect(Set(changes[1].keys) == ["id", "kind", "risk", "reasons", "categories", "file", "line", "baseFile", "baseLine",
                                         "changeReason", "fields"])
        #expect(changes[1]["changeReason"] as? String == "moved")
        #expect(changes[0]["file"] is NSNull)
        #expect(changes[0]["baseFile"] as? String == "codes/d.yaml")
        // Stable: the same report renders to the same bytes.
        #expect(JSONDiffRenderer(toolVersion: "9.9.9").render(report) == text)
    }

    @Test func humanOutputEscapesControlCharacters() async {
        let report = await Self.report(base: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {k: v}\n")],
                                       head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {k: \"\\e[31mred\"}\n")])
        let text = HumanDiffRenderer().render(report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("labels.k  v → \\u{1B}[31mred  (codes/a.yaml:6:13)"))
    }
}

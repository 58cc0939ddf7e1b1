import Catalog
import Diagnostics
import Review
import Testing

@Suite("CODEOWNERS from owners and compliance reviewers")
struct CodeOwnersWriterTests {
    typealias P = PortfolioPair

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func ownersThenCategoriesUnionPerFileSortedByPath() async {
        let catalog = await P.catalog([
            "codes/b.yaml": P.code("B-1", slug: "b"),
            "codes/a.yaml": """
                codes:
                  - {id: A-1, slug: a1, owner: team-b, status: draft}
                  - {id: A-2, slug: a2, owner: team-a, status: draft, compliance: alcohol}

                """,
            "codes/x/_defaults.yaml": "compliance: alcohol\n",
            "codes/x/c.yaml": P.code("C-1", slug: "c"),
        ])
        let (text, diagnostics) = CodeOwnersWriter().render(catalog)
        #expect(diagnostics.isEmpty)
        #expect(Self.lines(text) == [
            "/codes/a.yaml @acme/team-b @acme/team-a @acme/legal",
            "/codes/b.yaml @acme/team-a",
            "/codes/x/_defaults.yaml @acme/team-a @acme/legal",
            "/codes/x/c.yaml @acme/team-a @acme/legal",
        ])
        #expect(text.hasPrefix(CodeOwnersWriter.header + "\n"))
    }

    @Test func aPrefixAndOddFileNamesAreWrittenAsCODEOWNERSPaths() async {
        let catalog = await P.catalog(["codes/spring sale #1.yaml": P.code("A-1", slug: "a")])
        let text = CodeOwnersWriter(pathPrefix: "/portfolio").render(catalog).text
        #expect(Self.lines(text) == [##"/portfolio/codes/spring\ sale\ \#1.yaml @acme/team-a"##])
    }

    @Test func filesWithoutReviewersAreListedAsComments() async {
        let policies = P.policies.replacingOccurrences(of: "team-a: {name: Team A, reviewers: [\"@acme/team-a\"]}", with: "team-a: {name: Team A}")
        let catalog = await P.catalog(["codes/a.yaml": P.code("A-1", slug: "a")], policies: policies)
        let text = CodeOwnersWriter().render(catalog).text
        #expect(Self.lines(text).isEmpty)
        #expect(text.hasSuffix("# No reviewers in the policies (add `reviewers` to the owner or the compliance category):\n# /codes/a.yaml\n"))
    }

    @Test func unusableReviewersAreReportedAtThePolicyAndLeftOut() async throws {
        let policies = P.policies.replacingOccurrences(of: "reviewers: [\"@acme/team-a\"]", with: "reviewers: [\"acme team\", \"@acme/team-a\", \"ops@example.com\"]")
        let catalog = await P.catalog(["codes/a.yaml": P.code("A-1", slug: "a")], policies: policies)
        let (text, diagnostics) = CodeOwnersWriter().render(catalog)
        #expect(Self.lines(text) == ["/codes/a.yaml @acme/team-a ops@example.com"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.ruleID == "codeowners-reviewer")
        #expect(diagnostic.location.file == "policies/p.yaml")
        #expect(diagnostic.location.line == 3)
    }

    @Test func stalenessPointsAtTheFirstDifferentLine() throws {
        let expected = "# h\n/codes/a.yaml @a\n/codes/b.yaml @b\n"
        #expect(CodeOwnersWriter.staleness(committed: expected, expected: expected, path: ".github/CODEOWNERS") == nil)
        let stale = try #require(CodeOwnersWriter.staleness(committed: "# h\n/codes/a.yaml @x\n", expected: expected, path: ".github/CODEOWNERS"))
        #expect(stale.ruleID == "codeowners-stale")
        #expect(stale.location.description == ".github/CODEOWNERS:2:1")
        #expect(stale.message == ".github/CODEOWNERS is out of date: line 2 should read `/codes/a.yaml @a`")
        #expect(stale.hint == "run `qrops codeowners` and commit .github/CODEOWNERS")
        let missing = try #require(CodeOwnersWriter.staleness(committed: nil, expected: expected, path: ".github/CODEOWNERS"))
        #expect(missing.location.line == 0)
    }
}

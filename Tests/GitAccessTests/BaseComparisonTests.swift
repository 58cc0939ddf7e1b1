import Catalog
import Diagnostics
import Foundation
import GitAccess
import Review
import Rules
import Testing
import TestSupport
import Workspace

@Suite("Base comparison: the working tree against a commit, from git objects")
struct BaseComparisonTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diff").path
    static let now = Instant.parse("2026-06-01T00:00:00Z") ?? Instant(seconds: 0)

    /// The diff fixture's base committed on `main`, its head in the working tree (uncommitted).
    static func fixtureRepository() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.replaceContents(with: fixtures + "/base")
        try fixture.commit("base")
        try fixture.replaceContents(with: fixtures + "/head")
        return fixture
    }

    static func compare(_ root: String, ref: String = "main", engine: RuleEngine = RuleEngine(rules: [])) async throws -> BaseComparison {
        try await BaseComparisonPipeline.run(root: root, ref: ref, now: now, headEngine: engine)
    }

    @Test func theFixtureReusesUnchangedFilesAndFindsEveryBaseRule() async throws {
        let fixture = try Self.fixtureRepository()
        let comparison = try await Self.compare(fixture.root)
        #expect(comparison.ref == "main")
        #expect(comparison.commit.count == 40)
        // Unchanged and same path: reused; changed, moved or deleted: read from git and parsed.
        #expect(comparison.reusedFiles == 0)  // every base code file changed, moved or was deleted
        #expect(comparison.parsedFiles == 15)
        #expect(comparison.findings.map(\.ruleID) == [
            "destination-change-needs-reason", "retired-reactivated", "id-reused", "slug-changed", "published-code-deleted",
        ])
        #expect(comparison.uncommitted.count == 18)  // 13 changed, 2 added, 1 deleted, 1 moved (deleted + new)
        #expect(comparison.baseProblems.isEmpty)
    }

    @Test func unchangedFilesAreReusedAndChangedOnesAreRead() async throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", "version: 1\nowners: {team: {}}\n")
        for index in 0..<20 {
            try fixture.write("codes/f\(index).yaml", "id: C-\(index)\nslug: s\(index)\nowner: team\nstatus: active\ntarget: https://www.example.com/\(index)\n")
        }
        try fixture.write("codes/sub/_defaults.yaml", "labels: {campaign: a}\n")
        try fixture.write("codes/sub/g.yaml", "id: G-1\nslug: g\nowner: team\nstatus: draft\n")
        try fixture.commit("base")
        try fixture.write("codes/f3.yaml", "id: C-3\nslug: s3\nowner: team\nstatus: paused\ntarget: https://www.example.com/3\n")
        try fixture.write("codes/sub/_defaults.yaml", "labels: {campaign: b}\n")
        let comparison = try await Self.compare(fixture.root)
        #expect(comparison.reusedFiles == 19)
        #expect(comparison.parsedFiles == 2)  // f3.yaml, and g.yaml whose defaults changed
        let changes = CatalogDiff.compare(base: comparison.base, head: comparison.head.catalog)
        #expect(changes.map { "\($0.id): \($0.fields.map(\.field))" } == ["C-3: [\"status\"]", "G-1: [\"labels.campaign\"]"])
    }

    /// Reuse is an optimisation only: the same diff as reading every base file from git.
    @Test func reuseGivesTheSameDiffAsReadingEverything() async throws {
        let fixture = try Self.fixtureRepository()
        let comparison = try await Self.compare(fixture.root)
        let repository = try GitRepository.open(fixture.root)
        let everything = try GitTreeSource(repository: repository, commit: comparison.commit, ref: "main")
        let full = await LintPipeline.run(everything, now: Self.now, engine: RuleEngine(rules: []))
        let describe = { (changes: [CodeChange]) in
            changes.map { "\($0.id) \($0.kind) \($0.risk) \($0.fields.map { "\($0.field)=\($0.before ?? "-")>\($0.after ?? "-")" })" }
        }
        #expect(describe(CatalogDiff.compare(base: comparison.base, head: comparison.head.catalog))
                == describe(CatalogDiff.compare(base: full.catalog, head: comparison.head.catalog)))
    }

    @Test func aMergeBringsInTheBranchChangesAndARenameIsNoChange() async throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", "version: 1\nowners: {team: {}}\n")
        try fixture.write("codes/a.yaml", "id: A-1\nslug: a\nowner: team\nstatus: active\ntarget: https://www.example.com/a\n")
        try fixture.write("codes/b.yaml", "id: B-1\nslug: b\nowner: team\nstatus: active\ntarget: https://www.example.com/b\n")
        try fixture.commit("base")
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.write("codes/a.yaml", "id: A-1\nslug: a\nowner: team\nstatus: active\ntarget: https://www.example.com/a2\nchange-reason: moved\n")
        try fixture.commit("re-point A-1")
        try fixture.git("checkout", "-q", "main")
        try FileManager.default.createDirectory(atPath: fixture.root + "/codes/renamed", withIntermediateDirectories: true)
        try fixture.git("mv", "codes/b.yaml", "codes/renamed/b.yaml")
        try fixture.commit("rename b")
        try fixture.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature",
                        environment: ["GIT_AUTHOR_DATE": "@1767300000 +0000", "GIT_COMMITTER_DATE": "@1767300000 +0000"])
        let comparison = try await Self.compare(fixture.root, ref: "main~1")
        let changes = CatalogDiff.compare(base: comparison.base, head: comparison.head.catalog)
        #expect(changes.map(\.id) == ["A-1"])
        #expect(changes.first?.fields.map(\.field) == ["target", "change-reason"])
        #expect(comparison.findings.isEmpty)
        #expect(comparison.uncommitted.isEmpty)
    }

    @Test func lintBaseAddsTheBaseRulesToTheLint() async throws {
        let fixture = try Self.fixtureRepository()
        let comparison = try await Self.compare(fixture.root, engine: RuleEngine())
        let ids = Set(comparison.diagnostics.map(\.ruleID))
        #expect(ids.isSuperset(of: ["published-code-deleted", "slug-changed", "id-reused"]))
        #expect(comparison.diagnostics == comparison.diagnostics.sorted(by: Diagnostic.reportOrder))
    }

    @Test func aPortfolioInASubFolderComparesRelativeToItsRoot() async throws {
        let fixture = try GitFixture()
        try fixture.write("ops/qr/policies/p.yaml", "version: 1\nowners: {team: {}}\n")
        try fixture.write("ops/qr/codes/a.yaml", "id: A-1\nslug: a\nowner: team\nstatus: active\ntarget: https://www.example.com/a\n")
        try fixture.write("ops/qr/codes/b.yaml", "id: B-1\nslug: b\nowner: team\nstatus: draft\n")
        try fixture.write("codes/unrelated.yaml", "id: Z-1\nslug: z\nowner: team\nstatus: draft\n")
        try fixture.commit("base")
        try fixture.write("ops/qr/codes/a.yaml", "id: A-1\nslug: a2\nowner: team\nstatus: active\ntarget: https://www.example.com/a\n")
        let comparison = try await Self.compare(fixture.root + "/ops/qr")
        #expect(comparison.uncommitted == ["codes/a.yaml"])
        #expect(comparison.reusedFiles == 1)
        #expect(comparison.findings.map { "\($0.ruleID) \($0.location)" } == ["slug-changed codes/a.yaml:2:1"])
        #expect(comparison.findings.first?.notes.first?.location?.description == "main:codes/a.yaml:2:7")
    }

    @Test func gitProblemsAreThrownBeforeAnyWork() async throws {
        let fixture = try Self.fixtureRepository()
        await #expect(throws: GitError.unknownRef(ref: "nope")) { try await Self.compare(fixture.root, ref: "nope") }
    }
}

import Foundation
import Testing
import TestSupport

/// `qrops diff` and `qrops lint --base` on the real binary, in real git repositories.
@Suite("qrops diff and lint --base, end to end")
struct DiffEndToEndTests {
    static let fixtures = QropsProcess.repoRoot + "/Tests/Fixtures/diff"

    /// The diff fixture: its base committed on `main`, its head committed on `pr` (checked out).
    static func fixtureRepository() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.replaceContents(with: fixtures + "/base")
        try fixture.commit("base")
        try fixture.git("checkout", "-q", "-b", "pr")
        try fixture.replaceContents(with: fixtures + "/head")
        try fixture.commit("pull request")
        return fixture
    }

    static func qrops(_ arguments: [String], in directory: String) throws -> QropsProcess.Output {
        try QropsProcess.run(arguments, in: directory, environment: GitFixture.environment)
    }

    @Test(arguments: [("markdown", "diff.md"), ("json", "diff.json"), ("human", "diff.txt")])
    func theFixtureDiffMatchesItsGolden(format: String, golden: String) throws {
        let fixture = try Self.fixtureRepository()
        let output = try Self.qrops(["diff", "--base", "main", "--format", format, "--at", "2026-06-01"], in: fixture.root)
        #expect(output.status == 1, "base-rule errors fail the diff: \(output.stderr)")
        Golden.expectMatch(output.stdout, file: golden)
        if format == "human" {
            Golden.expectMatch(output.stderr, file: "diff-findings.txt")
        } else {
            #expect(output.stderr.isEmpty, "\(output.stderr)")
        }
    }

    @Test func theJSONDiffIsValidJSON() throws {
        let fixture = try Self.fixtureRepository()
        let output = try Self.qrops(["diff", "--base", "main", "--format", "json"], in: fixture.root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((json["changes"] as? [Any])?.count == 16)
        #expect((json["diagnostics"] as? [Any])?.count == 5)
    }

    @Test func noChangesExitZero() throws {
        let fixture = try Self.fixtureRepository()
        let output = try Self.qrops(["diff", "--base", "pr"], in: fixture.root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("no code changes (17 codes compared)\n"))
        #expect(output.stderr.isEmpty)
    }

    @Test func uncommittedChangesArePartOfTheDiffAndSaidSo() throws {
        let fixture = try Self.fixtureRepository()
        try fixture.write("codes/a/labels.yaml", try fixture.read("codes/a/labels.yaml") + "tags: [local]\n")
        let output = try Self.qrops(["diff", "--base", "pr"], in: fixture.root)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("qrops diff against pr (") && output.stdout.contains("with uncommitted changes to 1 file"))
        #expect(output.stdout.contains("tags  — → [local]"))
    }

    @Test func gitProblemsExitTwoWithAHint() throws {
        let fixture = try Self.fixtureRepository()
        let unknown = try Self.qrops(["diff", "--base", "origin/main"], in: fixture.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: `origin/main` does not name a commit in this repository\n"
                + "hint: check the spelling, or fetch it first: `git fetch origin main`; `git branch -a` lists what is there\n")
        #expect(unknown.stdout.isEmpty)

        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-plain-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: plain + "/codes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let notGit = try Self.qrops(["diff", "--base", "main", plain], in: QropsProcess.repoRoot)
        #expect(notGit.status == 2)
        #expect(notGit.stderr.hasPrefix("error: `\(plain)` is not in a git repository\n"))

        let missing = try Self.qrops(["diff"], in: fixture.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument '--base <ref>'"))
    }

    @Test func aShallowCloneWithoutTheBaseExitsTwoAndSaysFetchDepthZero() throws {
        let fixture = try Self.fixtureRepository()
        let clone = URL(fileURLWithPath: fixture.root).deletingLastPathComponent().appendingPathComponent("shallow").path
        try GitFixture.run(["clone", "-q", "--depth", "1", "--branch", "pr", "file://" + fixture.root, clone], in: fixture.root)
        let output = try Self.qrops(["diff", "--base", "origin/main"], in: clone)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: `origin/main` is not in this shallow clone: its history was not fetched\n"))
        #expect(output.stderr.contains("set `fetch-depth: 0`"))
        // After fetching the history, the same command works.
        try GitFixture.run(["fetch", "-q", "--unshallow", "origin", "+refs/heads/main:refs/remotes/origin/main"], in: clone)
        let fetched = try Self.qrops(["diff", "--base", "origin/main", "--format", "json"], in: clone)
        #expect(fetched.status == 1, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("\"changed\": 16"))
    }

    @Test func lintBaseRunsTheBaseRulesToo() throws {
        let fixture = try Self.fixtureRepository()
        let plain = try Self.qrops(["lint", "--format", "json"], in: fixture.root)
        let withBase = try Self.qrops(["lint", "--format", "json", "--base", "main"], in: fixture.root)
        #expect(withBase.status == 1)
        for rule in ["published-code-deleted", "slug-changed", "id-reused", "retired-reactivated", "destination-change-needs-reason"] {
            #expect(!plain.stdout.contains("\"rule\": \"\(rule)\""))
            #expect(withBase.stdout.contains("\"rule\": \"\(rule)\""), "\(rule)")
        }
        #expect(withBase.stdout.contains("\"file\": \"main:codes/a/deleted.yaml\""))
        let sarif = try Self.qrops(["lint", "--format", "sarif", "--base", "main"], in: fixture.root)
        #expect(sarif.stdout.contains("\"ruleId\": \"published-code-deleted\""))
        let github = try Self.qrops(["lint", "--format", "github", "--base", "main"], in: fixture.root)
        #expect(github.stdout.contains("::error file=codes/a/slug.yaml,line=2,col=1,endColumn=5,title=qrops [slug-changed]::"))
        let unknown = try Self.qrops(["lint", "--base", "nope"], in: fixture.root)
        #expect(unknown.status == 2)
    }
}

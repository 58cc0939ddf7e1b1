import Foundation
import Testing
import TestSupport
import YAMLTree

/// `qrops codeowners`, `qrops init` and `qrops history` on the real binary.
@Suite("qrops codeowners, init and history, end to end")
struct RepositoryCommandsEndToEndTests {
    static func temporaryFolder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qrops-\(name)-\(UUID().uuidString)").path
    }

    // MARK: codeowners

    /// The repository enforces its own CODEOWNERS: this fails when the example portfolio's owners
    /// change without `qrops codeowners` being run.
    @Test func theCommittedCODEOWNERSOfTheExamplePortfolioIsUpToDate() throws {
        let output = try QropsProcess.run(["codeowners", "--check"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr == ".github/CODEOWNERS is up to date\n")
    }

    @Test func aStaleCODEOWNERSFailsTheCheckWithALocatedDiagnostic() throws {
        let folder = Self.temporaryFolder("owners")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try QropsProcess.run(["init", folder, "--at", "2026-06-01"]).status == 0)
        let path = folder + "/.github/CODEOWNERS"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "/codes/marketing/welcome.yaml @example-org/marketing", with: "/codes/marketing/welcome.yaml @someone")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let stale = try QropsProcess.run(["codeowners", folder, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix(".github/CODEOWNERS:7:1: error: .github/CODEOWNERS is out of date: line 7 should read "
                                       + "`/codes/marketing/welcome.yaml @example-org/marketing` [codeowners-stale]\n"))
        #expect(stale.stderr.contains("= hint: run `qrops codeowners` and commit .github/CODEOWNERS"))
        let github = try QropsProcess.run(["codeowners", folder, "--check", "--format", "github"])
        #expect(github.stdout.hasPrefix("::error file=.github/CODEOWNERS,line=7,col=1,"))
        let written = try QropsProcess.run(["codeowners", folder])
        #expect(written.status == 0)
        #expect(written.stderr == "wrote .github/CODEOWNERS\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try QropsProcess.run(["codeowners", folder, "--check"]).status == 0)
    }

    @Test func codeownersRefusesAPortfolioThatDoesNotRead() throws {
        let output = try QropsProcess.run(["codeowners", "Tests/Fixtures/broken", "--check"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: CODEOWNERS needs a portfolio that reads without errors"))
    }

    // MARK: init

    static let generated = [
        ".gitignore", "README.md", "codes/_defaults.yaml", "codes/marketing/welcome.yaml", "policies/owners.yaml",
        "policies/domains.yaml", "policies/destinations.yaml", "policies/lifecycle.yaml", "policies/compliance.yaml",
        "policies/naming.yaml", "policies/artwork.yaml", ".github/CODEOWNERS", ".github/actions/setup-qrops/action.yml",
        ".github/workflows/qrops-lint.yml", ".github/workflows/qrops-diff.yml", ".github/workflows/qrops-build.yml",
        ".gitlab-ci.yml",
    ]

    @Test func initWritesAPortfolioThatLintsCleanAndMatchesItsGoldens() throws {
        let folder = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try QropsProcess.run(["init", folder, "--at", "2026-06-01T10:30:00Z"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("created a qrops portfolio in \(folder): 17 files\n"))
        for path in Self.generated {
            let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            // `codes/_defaults.yaml` → `init/codes__defaults.yaml`, `.gitignore` → `init/dot-gitignore`.
            let name = (path.hasPrefix(".") ? "dot-" + path.dropFirst() : Substring(path)).replacingOccurrences(of: "/", with: "__")
            Golden.expectMatch(text, file: "init/" + name)
        }
        let lint = try QropsProcess.run(["lint", folder, "--strict", "--at", "2026-06-01"])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr == "no problems in 9 files\n")
        // On the day it is made, whatever the day.
        let today = Self.temporaryFolder("init-today")
        defer { try? FileManager.default.removeItem(atPath: today) }
        #expect(try QropsProcess.run(["init", today]).status == 0)
        let lintToday = try QropsProcess.run(["lint", today, "--strict"])
        #expect(lintToday.status == 0, "\(lintToday.stderr)")
        #expect(try QropsProcess.run(["codeowners", today, "--check"]).status == 0)
    }

    @Test(arguments: [".github/workflows/qrops-lint.yml", ".github/workflows/qrops-diff.yml", ".github/workflows/qrops-build.yml",
                      ".github/actions/setup-qrops/action.yml", ".gitlab-ci.yml"])
    func generatedWorkflowsAreValidYAMLWithTheExpectedStructure(_ path: String) throws {
        let folder = Self.temporaryFolder("workflows")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try QropsProcess.run(["init", folder]).status == 0)
        let loaded = YAMLLoader.load(try String(contentsOfFile: folder + "/" + path, encoding: .utf8), path: path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let root = try #require(loaded.document?.root)
        let keys = root.entries?.map(\.key.text) ?? []
        func steps(_ job: String) -> [YAMLNode] { root["jobs"]?[job]?["steps"]?.items ?? [] }
        func uses(_ job: String) -> [String] { steps(job).compactMap { $0["uses"]?.scalar?.text } }
        func runs(_ job: String) -> String { steps(job).compactMap { $0["run"]?.scalar?.text }.joined(separator: "\n") }
        switch path {
        case ".github/workflows/qrops-lint.yml":
            #expect(keys == ["name", "on", "permissions", "jobs"])
            #expect(root["on"]?["pull_request"] != nil)
            #expect(root["permissions"]?["security-events"]?.scalar?.text == "write")
            #expect(steps("lint").first?["with"]?["fetch-depth"]?.scalar?.text == "0")
            #expect(uses("lint") == ["actions/checkout@v4", "./.github/actions/setup-qrops", "github/codeql-action/upload-sarif@v3"])
            #expect(runs("lint").contains("qrops lint --format sarif --base \"$BASE\""))
            #expect(runs("lint").contains("qrops lint --format github --base \"$BASE\""))
            #expect(runs("lint").contains("qrops codeowners --check"))
        case ".github/workflows/qrops-diff.yml":
            #expect(root["permissions"]?["pull-requests"]?.scalar?.text == "write")
            #expect(steps("diff").first?["with"]?["fetch-depth"]?.scalar?.text == "0")
            #expect(runs("diff").contains("qrops diff --base \"$BASE\" --format markdown > qrops-diff.md"))
            #expect(runs("diff").contains("<!-- qrops-diff -->"))
            #expect(runs("diff").contains("gh pr comment"))
        case ".github/workflows/qrops-build.yml":
            #expect(root["on"]?["push"]?["branches"]?.items?.compactMap(\.scalar?.text) == ["main"])
            #expect(root["on"]?["schedule"]?.items?.first?["cron"]?.scalar?.text == "17 * * * *")
            #expect(runs("build").contains("next-transition"))
            #expect(runs("build").contains("qrops build"))
            #expect(uses("build").contains("actions/upload-artifact@v4"))
        case ".github/actions/setup-qrops/action.yml":
            #expect(root["runs"]?["using"]?.scalar?.text == "composite")
            #expect(root["inputs"]?["version"]?["default"]?.scalar?.text == "v\(QropsVersionForTests.current)")
        default:
            #expect(keys.contains("stages") && keys.contains("lint") && keys.contains("diff") && keys.contains("build"))
            #expect(root["variables"]?["GIT_DEPTH"]?.scalar?.text == "0")
            #expect(root["variables"]?["QROPS_VERSION"]?.scalar?.text == "v\(QropsVersionForTests.current)")
            #expect(root["build"]?["rules"]?.items?.count == 2)
        }
        // No `${{ ... }}` expression inside a shell script: event data reaches scripts through env only.
        let allSteps = (root["jobs"]?.entries ?? []).flatMap { $0.value["steps"]?.items ?? [] } + (root["runs"]?["steps"]?.items ?? [])
        #expect(path == ".gitlab-ci.yml" || !allSteps.isEmpty)
        for step in allSteps {
            #expect(!(step["run"]?.scalar?.text.contains("${{") ?? false), "\(path): \(step["name"]?.scalar?.text ?? "")")
        }
    }

    @Test func initRefusesANonEmptyFolderButTakesAFreshGitRepository() throws {
        let folder = Self.temporaryFolder("busy")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/policies", withIntermediateDirectories: true)
        try "mine\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        let refused = try QropsProcess.run(["init", folder])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: `\(folder)` is not empty (it holds README.md, policies)\n"
                + "hint: pass an empty or new folder, or --force to add the missing files (existing files are kept)\n")
        let forced = try QropsProcess.run(["init", folder, "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("kept 1 existing files:\n  README.md\n"))
        #expect(try String(contentsOfFile: folder + "/README.md", encoding: .utf8) == "mine\n")

        let fresh = try GitFixture()
        #expect(try QropsProcess.run(["init", fresh.root]).status == 0)
        try fresh.commit("qrops init")
        // The new repository works with the git commands from its first commit.
        let diff = try QropsProcess.run(["diff", "--base", "HEAD", fresh.root], environment: GitFixture.environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        let history = try QropsProcess.run(["history", "WEL-MK-0001", fresh.root], environment: GitFixture.environment)
        #expect(history.status == 0)
        #expect(history.stdout.contains("created in codes/marketing/welcome.yaml"))
    }

    // MARK: history

    @Test func historyInHumanAndJSONAndItsErrors() throws {
        let fixture = try GitFixture()
        try fixture.replaceContents(with: DiffEndToEndTests.fixtures + "/base")
        try fixture.commit("base", author: "Ann", email: "ann@example.com")
        try fixture.replaceContents(with: DiffEndToEndTests.fixtures + "/head")
        try fixture.commit("pull request", author: "Bob", email: "bob@example.com")
        let human = try QropsProcess.run(["history", "FIX-AA-0001", fixture.root], environment: GitFixture.environment)
        #expect(human.status == 0)
        #expect(human.stdout.hasPrefix("FIX-AA-0001: 2 commits changed it, oldest first; now in codes/a/repoint.yaml\n"))
        #expect(human.stdout.contains("  2026-01-01T00:02:00+00:00  Bob <bob@example.com>\n    pull request\n"
                                      + "      target  https://www.example.com/one → https://www.example.com/two\n"))
        let json = try QropsProcess.run(["history", "FIX-AA-0006", fixture.root, "--format", "json"], environment: GitFixture.environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.map { $0["event"] as? String } == ["created", "moved"])
        #expect(entries.last?["previousFile"] as? String == "codes/old/moved.yaml")
        #expect(entries.last?["file"] as? String == "codes/new/moved.yaml")

        let unknown = try QropsProcess.run(["history", "NOPE-1", fixture.root], environment: GitFixture.environment)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: no commit of HEAD has a code with the id `NOPE-1` under codes/\n")
        let folder = Self.temporaryFolder("history-plain")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notGit = try QropsProcess.run(["history", "A-1", folder], environment: GitFixture.environment)
        #expect(notGit.status == 2)
        #expect(notGit.stderr.hasPrefix("error: `\(folder)` is not in a git repository\n"))
    }
}

/// The version the generated CI builds must be the version of this qrops.
enum QropsVersionForTests {
    static var current: String {
        (try? QropsProcess.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }
}

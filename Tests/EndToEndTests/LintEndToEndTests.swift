import Foundation
import Testing

@Suite("qrops lint, end to end, on the real binary")
struct LintEndToEndTests {
    @Test func examplePortfolioLintsClean() throws {
        let output = try QropsProcess.run(["lint", "--strict"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("no problems in"), "\(output.stderr)")
    }

    @Test func brokenFixtureFailsWithTheDocumentedDiagnostics() throws {
        let output = try QropsProcess.run(["lint", "Tests/Fixtures/broken", "--format", "json"])
        #expect(output.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let found = Set(diagnostics.map { "\($0["file"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" })
        let expected = [
            "codes/bad-indentation.yaml:9:3 yaml-syntax",
            "codes/tab-indentation.yaml:8:1 yaml-syntax",
            "codes/duplicate-key.yaml:8:1 yaml-duplicate-key",
            "codes/unknown-key.yaml:6:1 unknown-key",
            "codes/wrong-type.yaml:7:16 wrong-type",
            "codes/missing-slug.yaml:2:1 missing-required",
            "codes/bad-enum.yaml:5:9 invalid-enum",
            "codes/bad-date.yaml:7:9 malformed-date",
            "codes/duplicate-id-b.yaml:2:5 duplicate-id",
            "codes/duplicate-slug-b.yaml:3:7 duplicate-slug",
            "codes/unknown-owner.yaml:4:8 owner-unknown",
            "codes/list-not-mapping.yaml:8:3 wrong-type",
        ]
        for item in expected {
            #expect(found.contains(item), "missing \(item); got \(found.sorted())")
        }
    }

    /// The check cache (docs/lint-cache.md): a second run reads it and says the same; a changed
    /// file is checked again; `--no-cache` neither reads nor writes it.
    @Test func theCheckCacheChangesNothingButTheTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-e2e-checks-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: QropsProcess.repoRoot + "/Tests/Fixtures/broken", toPath: folder)
        // (Other tests lint the fixture in place, which leaves a cache there.)
        try? FileManager.default.removeItem(atPath: folder + "/.qrops-cache")
        let pack = folder + "/.qrops-cache/checks/files"
        let uncached = try QropsProcess.run(["lint", folder, "--format", "json", "--no-cache"])
        #expect(uncached.status == 1)
        #expect(!FileManager.default.fileExists(atPath: pack))
        let first = try QropsProcess.run(["lint", folder, "--format", "json"])
        #expect(FileManager.default.fileExists(atPath: pack))
        let stamp = try FileManager.default.attributesOfItem(atPath: pack)[.modificationDate] as? Date
        let second = try QropsProcess.run(["lint", folder, "--format", "json"])
        for run in [first, second] {
            #expect(run.status == uncached.status)
            #expect(run.stdout == uncached.stdout)
        }
        // Nothing new to keep: the pack is not rewritten.
        #expect(try FileManager.default.attributesOfItem(atPath: pack)[.modificationDate] as? Date == stamp)
        // One file mended: its findings go, the others stay.
        try Data("id: FIXED-1\nslug: fixed\nowner: retail-eu\nstatus: draft\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/codes/bad-date.yaml"))
        let mended = try QropsProcess.run(["lint", folder, "--format", "json"])
        #expect(mended.stdout == (try QropsProcess.run(["lint", folder, "--format", "json", "--no-cache"])).stdout)
        #expect(!mended.stdout.contains("malformed-date"))
        #expect(mended.stdout.contains("duplicate-id"))
    }

    @Test func humanOutputHasFramesAndSummaryOnStderr() throws {
        let output = try QropsProcess.run(["lint", "Tests/Fixtures/broken"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("codes/unknown-owner.yaml:4:8: error: the owner `retail-ue` is not in the owners policy [owner-unknown]"))
        #expect(output.stderr.contains("4 | owner: retail-ue\n  |        ^~~~~~~~~\n  = hint: did you mean `retail-eu`?"))
        #expect(!output.stderr.contains("\u{1B}["), "no colour when NO_COLOR is set and stderr is not a terminal")
    }

    @Test(arguments: ["sarif", "github", "json"])
    func machineFormatsGoToStdout(_ format: String) throws {
        let output = try QropsProcess.run(["lint", "Tests/Fixtures/broken", "--format", format])
        #expect(output.status == 1)
        #expect(!output.stdout.isEmpty)
        #expect(output.stderr.isEmpty, "\(output.stderr)")
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try QropsProcess.run(["lint", "--format", "xml"]).status == 2)
        #expect(try QropsProcess.run(["lint", "/definitely/not/here"]).status == 2)
        #expect(try QropsProcess.run(["lint", "--at", "yesterday"]).status == 2)
        #expect(try QropsProcess.run(["frobnicate"]).status == 2)
    }

    @Test func strictMakesWarningsFail() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-strict-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/codes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/policies", withIntermediateDirectories: true)
        try """
            version: 1
            owners: {team: {}}
            rules: {owner-unknown: warning}

            """.write(toFile: dir + "/policies/p.yaml", atomically: true, encoding: .utf8)
        try "id: A\nslug: a\nowner: nobody\nstatus: draft\n".write(toFile: dir + "/codes/a.yaml", atomically: true, encoding: .utf8)
        let relaxed = try QropsProcess.run(["lint", dir, "--format", "json"])
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        #expect(relaxed.stdout.contains("\"severity\": \"warning\""))
        #expect(try QropsProcess.run(["lint", dir, "--strict"]).status == 1)
    }

    @Test func explainPrintsARuleAndRejectsUnknownOnes() throws {
        let known = try QropsProcess.run(["explain", "owner-unknown"])
        #expect(known.status == 0)
        #expect(known.stdout.hasPrefix("owner-unknown: Owner must be known\n"))
        #expect(known.stdout.contains("owner: ↓retail-ue"))
        let unknown = try QropsProcess.run(["explain", "owner-unknwn"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Did you mean `owner-unknown`?"))
    }

    @Test func ruleReferenceDocIsUpToDate() throws {
        let generated = try QropsProcess.run(["explain", "--markdown"]).stdout
        let committed = try String(contentsOfFile: QropsProcess.repoRoot + "/docs/rules.md", encoding: .utf8)
        #expect(generated == committed, "docs/rules.md is stale: run `swift run qrops explain --markdown > docs/rules.md`")
    }
}

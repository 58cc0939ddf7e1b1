import Catalog
import Diagnostics
import Foundation
import Rules
import Testing
@testable import Workspace

private let policies = """
    version: 1
    default-domain: qr.acme.example
    owners:
      retail-eu: {name: Retail Europe}
      retail-na: {name: Retail North America}
    domains:
      qr.acme.example: {fallback: "https://www.acme.example/qr"}
      go.acme.example: {}

    """

private let now = Instant.parse("2026-11-21") ?? Instant(seconds: 0)

private func lint(_ files: [String: String]) async -> LintPipeline.Result {
    // Only the identity checks and `owner-unknown`: these tests are about the pipeline, not the policy rules.
    await LintPipeline.run(MemoryRepository(files: ["policies/main.yaml": policies].merging(files) { $1 }), now: now,
                           engine: RuleEngine(rules: [OwnerUnknownRule.self]))
}

@Suite("Lint pipeline over a whole repository")
struct LintPipelineTests {
    @Test func nearestFolderDefaultsWinMapsMergeListsReplace() async throws {
        let result = await lint([
            "codes/_defaults.yaml": "owner: retail-na\nstatus: active\nlabels: {company: acme, region: world}\ntags: [root]\n",
            "codes/eu/_defaults.yaml": "owner: retail-eu\nlabels: {region: eu}\ntags: [eu]\n",
            "codes/eu/fr/a.yaml": "id: A\nslug: a\ntarget: https://www.acme.example/a\nlabels: {shop: paris}\n",
            "codes/eu/b.yaml": "id: B\nslug: b\ntarget: https://www.acme.example/b\ntags: [own]\nowner: retail-na\n",
            "codes/c.yaml": "id: C\nslug: c\ntarget: https://www.acme.example/c\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let codes = Dictionary(uniqueKeysWithValues: result.catalog.codes.map { ($0.id.value, $0) })
        let a = try #require(codes["A"])
        #expect(a.owner?.value == "retail-eu")
        #expect(a.owner?.location.file == "codes/eu/_defaults.yaml")
        #expect(a.labels.map { "\($0.key.value)=\($0.value.value)" }.sorted() == ["company=acme", "region=eu", "shop=paris"])
        #expect(a.tags.map(\.value) == ["eu"])
        let b = try #require(codes["B"])
        #expect(b.owner?.value == "retail-na")
        #expect(b.tags.map(\.value) == ["own"])
        let c = try #require(codes["C"])
        #expect(c.owner?.value == "retail-na")
        #expect(c.label("region")?.value == "world")
        #expect(result.catalog.codes.map(\.id.value) == ["C", "B", "A"])
    }

    @Test func problemInDefaultsIsReportedOnceAtTheDefaultsFile() async throws {
        let result = await lint([
            "codes/_defaults.yaml": "owner: retail-eu\nstatus: active\nforward-query: yes\n",
            "codes/a.yaml": "id: A\nslug: a\ntarget: https://www.acme.example/a\n",
            "codes/b.yaml": "id: B\nslug: b\ntarget: https://www.acme.example/b\n",
        ])
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.wrongType)
        #expect(diagnostic.location == SourceLocation(file: "codes/_defaults.yaml", line: 3, column: 16))
    }

    @Test func duplicateIDIsReportedAtTheSecondWithANoteAtTheFirst() async throws {
        let result = await lint([
            "codes/a.yaml": "id: RET-1\nslug: a\nowner: retail-eu\nstatus: active\ntarget: https://www.acme.example/a\n",
            "codes/b.yaml": "id: RET-1\nslug: b\nowner: retail-eu\nstatus: active\ntarget: https://www.acme.example/b\n",
        ])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.ruleID == SchemaRule.duplicateID)
        #expect(diagnostic.location == SourceLocation(file: "codes/b.yaml", line: 1, column: 5))
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "codes/a.yaml", line: 1, column: 5))
    }

    @Test func duplicateSlugIsCaseInsensitivePerDomain() async throws {
        let code = { (id: String, slug: String, domain: String) in
            "id: \(id)\nslug: \(slug)\ndomain: \(domain)\nowner: retail-eu\nstatus: active\ntarget: https://www.acme.example/x\n"
        }
        let result = await lint([
            "codes/a.yaml": code("A", "Summer", "qr.acme.example"),
            "codes/b.yaml": code("B", "summer", "qr.acme.example"),
            "codes/c.yaml": code("C", "summer", "go.acme.example"),
        ])
        #expect(result.diagnostics.map(\.ruleID) == [SchemaRule.duplicateSlug])
        #expect(result.diagnostics.first?.location.file == "codes/b.yaml")
        #expect(result.diagnostics.first?.message.contains("compared without case") == true)
    }

    @Test func ownerIsCheckedAgainstPolicy() async throws {
        let result = await lint([
            "codes/a.yaml": "id: A\nslug: a\nowner: retail-ue\nstatus: active\ntarget: https://www.acme.example/a\n",
        ])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.ruleID == "owner-unknown")
        #expect(diagnostic.location == SourceLocation(file: "codes/a.yaml", line: 3, column: 8))
        #expect(diagnostic.hint == "did you mean `retail-eu`?")
    }

    @Test func missingFoldersAreReported() async {
        let result = await LintPipeline.run(MemoryRepository(files: [:]), now: now)
        #expect(Set(result.diagnostics.map(\.ruleID)) == [SchemaRule.noCodes, SchemaRule.noPolicies])
    }

    @Test func outputOrderDoesNotDependOnParallelism() async {
        var files: [String: String] = [:]
        for index in 0..<60 {
            files["codes/f\(index).yaml"] = "id: X\nslug: s\(index % 7)\nowner: nobody\nstatus: live\ntarget: https://www.acme.example/\(index)\n"
        }
        let first = await lint(files).diagnostics
        let second = await lint(files).diagnostics
        #expect(first == second)
        #expect(first == first.sorted(by: Diagnostic.reportOrder))
    }
}

@Suite("Disk repository: the I/O edge")
struct DiskRepositoryTests {
    private func makeRepo() throws -> String {
        let root = NSTemporaryDirectory() + "qrops-disk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/codes/eu", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/policies", withIntermediateDirectories: true)
        try policies.write(toFile: root + "/policies/main.yaml", atomically: true, encoding: .utf8)
        return root
    }

    @Test func listsAndClassifiesFilesInByteOrder() throws {
        let root = try makeRepo()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["codes/eu/b.yaml", "codes/eu/_defaults.yaml", "codes/a.yml", "codes/notes.txt", "codes/.hidden.yaml", "policies/x.yaml"] {
            try "a: 1\n".write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }
        let listing = DiskRepository(root: root + "/").list()
        #expect(listing.policies == ["policies/main.yaml", "policies/x.yaml"])
        #expect(listing.defaults == ["codes/eu/_defaults.yaml"])
        #expect(listing.codes == ["codes/a.yml", "codes/eu/b.yaml"])
    }

    @Test func unreadableFileIsALocatedDiagnostic() async throws {
        let root = try makeRepo()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A dangling link cannot be read by anyone, root included.
        try FileManager.default.createSymbolicLink(atPath: root + "/codes/eu/gone.yaml", withDestinationPath: root + "/nowhere.yaml")
        let result = await LintPipeline.run(root: root, now: now, engine: RuleEngine(rules: []))
        let diagnostic = try #require(result.diagnostics.first { $0.ruleID == SchemaRule.fileUnreadable })
        #expect(diagnostic.location == .file("codes/eu/gone.yaml"))
        #expect(diagnostic.message == "cannot read codes/eu/gone.yaml: No such file or directory")

        try FileManager.default.createDirectory(atPath: root + "/codes/folder.yaml", withIntermediateDirectories: true)
        guard case .failure(let notAFile) = DiskRepository(root: root).read("codes/folder.yaml") else {
            Issue.record("a folder was read as a file")
            return
        }
        #expect(notAFile.ruleID == SchemaRule.fileUnreadable)
        #expect(notAFile.message.contains("not a regular file"))
    }
}

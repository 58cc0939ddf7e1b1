import Foundation
import GitAccess
import Testing
import TestSupport
import Workspace

@Suite("Git access: repositories, refs, trees, blobs, errors")
struct GitRepositoryTests {
    static let code = "id: A-1\nslug: a\nowner: team\nstatus: active\ntarget: https://www.example.com/x\n"
    static let policies = "version: 1\nowners: {team: {}}\n"

    @Test func notARepositoryIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-nogit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: GitError.notARepository(path: folder)) { try GitRepository.open(folder) }
        let error = GitError.notARepository(path: folder)
        #expect(error.rendered == "error: `\(folder)` is not in a git repository\nhint: run qrops inside a clone of the portfolio repository (or `git init` it first)\n")
    }

    @Test func aBareRepositoryHasNoWorkTree() throws {
        let fixture = try GitFixture()
        try fixture.git("init", "-q", "--bare", "bare.git")
        #expect(throws: GitError.notAWorkTree(path: fixture.root + "/bare.git")) { try GitRepository.open(fixture.root + "/bare.git") }
    }

    @Test func refsResolveToCommitsOrSayWhyNot() throws {
        let fixture = try GitFixture()
        let empty = try GitRepository.open(fixture.root)
        #expect(throws: GitError.noCommits(path: empty.topLevel)) { try empty.resolveCommit("HEAD") }
        try fixture.write("codes/a.yaml", Self.code)
        try fixture.write("policies/p.yaml", Self.policies)
        let first = try fixture.commit("first")
        try fixture.git("tag", "v1")
        let repository = try GitRepository.open(fixture.root)
        #expect(try repository.resolveCommit("main") == first)
        #expect(try repository.resolveCommit("v1") == first)
        #expect(try repository.resolveCommit(String(first.prefix(8))) == first)
        #expect(throws: GitError.unknownRef(ref: "mian")) { try repository.resolveCommit("mian") }
        #expect(throws: GitError.unknownRef(ref: "--output=/tmp/x")) { try repository.resolveCommit("--output=/tmp/x") }
        #expect(GitError.unknownRef(ref: "origin/dev").hint?.contains("git fetch origin dev") == true)
        #expect(!repository.isShallow)
        #expect(repository.prefix == "")
    }

    @Test func aShallowCloneWithoutTheBaseSaysToFetchTheHistory() throws {
        let origin = try GitFixture("origin")
        try origin.write("codes/a.yaml", Self.code)
        try origin.write("policies/p.yaml", Self.policies)
        try origin.commit("base")
        try origin.git("checkout", "-q", "-b", "feature")
        try origin.write("codes/b.yaml", Self.code.replacingOccurrences(of: "A-1", with: "B-1").replacingOccurrences(of: "slug: a", with: "slug: b"))
        try origin.commit("feature")
        let clone = URL(fileURLWithPath: origin.root).deletingLastPathComponent().appendingPathComponent("clone").path
        try GitFixture.run(["clone", "-q", "--depth", "1", "--branch", "feature", "file://" + origin.root, clone], in: origin.root)
        let repository = try GitRepository.open(clone)
        #expect(repository.isShallow)
        #expect(throws: GitError.refMissingInShallowClone(ref: "origin/main")) { try repository.resolveCommit("origin/main") }
        let hint = GitError.refMissingInShallowClone(ref: "origin/main").hint ?? ""
        #expect(hint.contains("fetch-depth: 0"))
        #expect(hint.contains("git fetch --unshallow"))
        // What the clone has still resolves.
        #expect(try repository.resolveCommit("HEAD").count == 40)
    }

    @Test func aPortfolioInASubFolderListsAndReadsRelativeToItsRoot() throws {
        let fixture = try GitFixture()
        try fixture.write("deploy/qr/codes/x/a.yaml", Self.code)
        try fixture.write("deploy/qr/policies/p.yaml", Self.policies)
        try fixture.write("deploy/qr/codes/README.md", "not yaml\n")
        try fixture.write("other/codes/z.yaml", Self.code)
        let commit = try fixture.commit("sub-folder portfolio")
        let repository = try GitRepository.open(fixture.root + "/deploy/qr")
        #expect(repository.prefix == "deploy/qr/")
        let source = try GitTreeSource(repository: repository, commit: commit, ref: "main")
        let listing = source.list()
        #expect(listing.codes == ["codes/x/a.yaml"])
        #expect(listing.policies == ["policies/p.yaml"])
        #expect(try source.read("codes/x/a.yaml").get() == Array(Self.code.utf8))
        guard case .failure(let missing) = source.read("codes/nope.yaml") else {
            Issue.record("a missing file must not read")
            return
        }
        #expect(missing.message == "cannot read codes/nope.yaml at main: there is no such file")
    }

    @Test func uncommittedChangesAreListed() throws {
        let fixture = try GitFixture()
        try fixture.write("codes/a.yaml", Self.code)
        try fixture.write("codes/b.yaml", Self.code)
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("README.md", "x\n")
        try fixture.commit("base")
        let repository = try GitRepository.open(fixture.root)
        #expect(try repository.uncommittedChanges(folders: ["codes", "policies"]).isEmpty)
        try fixture.write("codes/a.yaml", Self.code + "tags: [x]\n")
        try fixture.write("codes/new folder/c.yaml", Self.code)
        try fixture.git("mv", "codes/b.yaml", "codes/renamed.yaml")
        try fixture.write("README.md", "changed, but not part of the portfolio\n")
        #expect(try repository.uncommittedChanges(folders: ["codes", "policies"]) == ["codes/a.yaml", "codes/new folder/c.yaml", "codes/renamed.yaml"])
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000])
    func blobIDsMatchGit(size: Int) throws {
        var generator = SplitMix64(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let fixture = try GitFixture()
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.root + "/blob"))
        let sha1 = try fixture.git("hash-object", "--no-filters", "blob").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(GitObjectID.blob(bytes, format: .sha1) == sha1)
        let sha256Repo = try GitFixture("sha256", objectFormat: "sha256")
        try Data(bytes).write(to: URL(fileURLWithPath: sha256Repo.root + "/blob"))
        let sha256 = try sha256Repo.git("hash-object", "--no-filters", "blob").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(GitObjectID.blob(bytes, format: .sha256) == sha256)
    }

    @Test func catFileBatchReadsManyObjectsAndReportsMissingOnes() throws {
        let fixture = try GitFixture()
        try fixture.write("codes/a.yaml", "first\n")
        try fixture.write("codes/b.yaml", String(repeating: "x", count: 200_000))
        let commit = try fixture.commit("two files")
        let repository = try GitRepository.open(fixture.root)
        let objects = try repository.readObjects([
            repository.objectName(commit: commit, path: "codes/b.yaml"),
            repository.objectName(commit: commit, path: "codes/missing.yaml"),
            repository.objectName(commit: commit, path: "codes/a.yaml"),
            commit,  // a commit, not a blob
        ])
        #expect(objects.count == 4)
        #expect(objects[0]?.count == 200_000)
        #expect(objects[1] == nil)
        #expect(objects[2] == Array("first\n".utf8))
        #expect(objects[3] == nil)
    }
}

import Foundation
import Testing
@testable import Workspace

@Suite("Which output folders a build may replace")
struct BuildTargetTests {
    private func refusal(_ out: String?, repository: String) -> String? {
        do {
            _ = try BuildTarget.resolve(out: out, repository: repository)
            return nil
        } catch let BuildError.refusedOutput(_, reason) {
            return reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func acceptsAMissingEmptyReadmeOnlyOrPreviousBuildFolder() throws {
        let repo = try TemporaryFolder("repo")
        defer { repo.remove() }
        #expect(refusal(nil, repository: repo.path) == nil, "missing build/")
        try FileManager.default.createDirectory(atPath: repo.path + "/empty", withIntermediateDirectories: true)
        #expect(refusal(repo.path + "/empty", repository: repo.path) == nil)
        try repo.write("Output of `qrops build`.\n", to: "build/README.md")
        #expect(refusal(nil, repository: repo.path) == nil, "only README.md")
        try repo.write("{\n  \"artwork\": {},\n  \"format\": \"qrops-build-manifest\"\n}\n", to: "previous/manifest.json")
        try repo.write("<svg/>", to: "previous/artwork/A.svg")
        #expect(refusal(repo.path + "/previous/", repository: repo.path) == nil)
    }

    @Test func refusesTheRepositoryItsParentsAndItsSources() throws {
        let repo = try TemporaryFolder("repo")
        defer { repo.remove() }
        try repo.write("id: A\n", to: "codes/a.yaml")
        try repo.write("version: 1\n", to: "policies/p.yaml")
        #expect(refusal(repo.path, repository: repo.path)?.contains("holds the repository") == true)
        #expect(refusal(repo.path + "/codes/..", repository: repo.path)?.contains("holds the repository") == true)
        #expect(refusal(URL(fileURLWithPath: repo.path).deletingLastPathComponent().path, repository: repo.path)?
            .contains("holds the repository") == true)
        #expect(refusal(repo.path + "/codes", repository: repo.path)?.contains("`codes`") == true)
        #expect(refusal(repo.path + "/policies/out", repository: repo.path)?.contains("`policies`") == true)
        #expect(refusal(repo.path + "/.qrops-cache", repository: repo.path)?.contains("`.qrops-cache`") == true)
    }

    @Test func refusesFoldersThatAreNotBuildsLinksAndFiles() throws {
        let repo = try TemporaryFolder("repo")
        defer { repo.remove() }
        try repo.write("my thesis\n", to: "documents/thesis.txt")
        #expect(refusal(repo.path + "/documents", repository: repo.path)?.contains("holds no qrops build") == true)
        try repo.write("{\"format\": \"something-else\"}\n", to: "other/manifest.json")
        #expect(refusal(repo.path + "/other", repository: repo.path)?.contains("holds no qrops build") == true)
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: repo.path + "/documents")
        #expect(refusal(repo.path + "/link", repository: repo.path)?.contains("symbolic link") == true)
        #expect(refusal(repo.path + "/link/", repository: repo.path)?.contains("symbolic link") == true)
        #expect(refusal(repo.path + "/documents/thesis.txt", repository: repo.path)?.contains("not a folder") == true)
    }

    @Test func readmeIsCarriedOverOrTheDefault() throws {
        let repo = try TemporaryFolder("repo")
        defer { repo.remove() }
        let fresh = try BuildTarget.resolve(out: nil, repository: repo.path)
        #expect(fresh.readme() == Array(BuildTarget.defaultReadme.utf8))
        try repo.write("Our own words.\n", to: "build/README.md")
        #expect(fresh.readme() == Array("Our own words.\n".utf8))
    }
}

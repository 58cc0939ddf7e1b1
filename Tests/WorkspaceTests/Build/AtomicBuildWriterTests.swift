import Foundation
import Testing
@testable import Workspace

private struct Interrupted: Error {}

@Suite("Atomic build writer")
struct AtomicBuildWriterTests {
    /// Writes `count` files named f0...f<count-1> holding `label`, in `artwork/`, plus a manifest.
    private static func fill(_ staging: StagingFolder, label: String, count: Int = 3) throws {
        try staging.removeAll(in: "", except: [])
        for index in 0..<count { try staging.write(Array("\(label) \(index)\n".utf8), to: "artwork/f\(index).txt") }
        try staging.write(Array("{\"label\": \"\(label)\"}\n".utf8), to: "manifest.json")
    }

    @Test func firstBuildAppearsCompleteAndLeavesNothingBeside() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let swap = try await AtomicBuildWriter(target: folder.path + "/build").replace { try Self.fill($0, label: "one") }
        #expect(swap == .created)
        #expect(folder.names() == ["build"])
        #expect(folder.snapshot("build") == [
            "artwork/f0.txt": Array("one 0\n".utf8), "artwork/f1.txt": Array("one 1\n".utf8),
            "artwork/f2.txt": Array("one 2\n".utf8), "manifest.json": Array("{\"label\": \"one\"}\n".utf8),
        ])
    }

    @Test(arguments: [true, false])
    func newBuildReplacesTheOldOneWhole(_ atomicRename: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var writer = AtomicBuildWriter(target: folder.path + "/build")
        writer.useAtomicRename = atomicRename
        try await writer.replace { try Self.fill($0, label: "old", count: 5) }
        let swap = try await writer.replace { try Self.fill($0, label: "new", count: 2) }
        #expect(swap == (atomicRename ? .exchanged : .renamedAside))
        #expect(folder.names() == ["build", "build.staging"])
        #expect(folder.snapshot("build") == [
            "artwork/f0.txt": Array("new 0\n".utf8), "artwork/f1.txt": Array("new 1\n".utf8),
            "manifest.json": Array("{\"label\": \"new\"}\n".utf8),
        ])
        #expect(folder.snapshot("build.staging").count == 6, "the old build waits in the staging folder for the next one")
        try await writer.replace { try Self.fill($0, label: "third", count: 1) }
        #expect(folder.snapshot("build") == [
            "artwork/f0.txt": Array("third 0\n".utf8), "manifest.json": Array("{\"label\": \"third\"}\n".utf8),
        ])
    }

    @Test func oldBuildStaysIntactWhenStagingThrowsHalfway() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = AtomicBuildWriter(target: folder.path + "/build")
        try await writer.replace { try Self.fill($0, label: "old") }
        let before = folder.snapshot("build")
        await #expect(throws: Interrupted.self) {
            try await writer.replace { staging in
                try staging.write(Array("half\n".utf8), to: "artwork/f0.txt")
                try staging.write(Array("half\n".utf8), to: "artwork/extra.txt")
                throw Interrupted()
            }
        }
        #expect(folder.snapshot("build") == before)
        // The next build starts from whatever the interrupted one left in the staging folder.
        try await writer.replace { try Self.fill($0, label: "next", count: 1) }
        #expect(folder.snapshot("build") == [
            "artwork/f0.txt": Array("next 0\n".utf8), "manifest.json": Array("{\"label\": \"next\"}\n".utf8),
        ])
    }

    @Test func aFailedWriteLeavesTheOldBuild() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = AtomicBuildWriter(target: folder.path + "/build")
        try await writer.replace { try Self.fill($0, label: "old") }
        let before = folder.snapshot("build")
        await #expect(throws: BuildError.self) {
            try await writer.replace { staging in
                try staging.write(Array("a".utf8), to: "artwork/f0.txt")
                try staging.write(Array("b".utf8), to: String(repeating: "x", count: 300))  // ENAMETOOLONG
            }
        }
        #expect(folder.snapshot("build") == before)
    }

    @Test func leftoversOfKilledRunsAreRemovedOrReused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("complete old build\n", to: "build/manifest.json")
        try folder.write("left by a killed run\n", to: "build.staging/artwork/x.svg")
        try folder.write("left by a killed fallback swap\n", to: "build.old-0123456789abcdef/manifest.json")
        try folder.write("left by an older version\n", to: "build.staging-fedcba9876543210/manifest.json")
        try folder.write("keep\n", to: "build.stagingX/keep.txt")
        try folder.write("keep\n", to: "other.staging/keep.txt")
        try folder.write("keep\n", to: "notes.txt")
        try await AtomicBuildWriter(target: folder.path + "/build").replace { try Self.fill($0, label: "new") }
        #expect(folder.names() == ["build", "build.staging", "build.stagingX", "notes.txt", "other.staging"])
        #expect(folder.snapshot("build")["artwork/x.svg"] == nil)
        #expect(folder.snapshot("build.staging") == ["manifest.json": Array("complete old build\n".utf8)])
    }

    /// A staging folder that is a link is never written through: the link is replaced.
    @Test func aStagingLinkIsReplacedNotFollowed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("precious\n", to: "elsewhere/manifest.json")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/build.staging", withDestinationPath: folder.path + "/elsewhere")
        try await AtomicBuildWriter(target: folder.path + "/build").replace { try Self.fill($0, label: "new") }
        #expect(folder.snapshot("elsewhere") == ["manifest.json": Array("precious\n".utf8)])
        #expect(folder.snapshot("build")["manifest.json"] == Array("{\"label\": \"new\"}\n".utf8))
    }

    /// A fallback swap killed between its two renames leaves no `build/` but the old build aside;
    /// the next run puts it back before anything else.
    @Test func aHalfDoneFallbackSwapIsRepaired() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("previous\n", to: "build.old-00000000000000aa/manifest.json")
        try folder.write("complete new build, never swapped in\n", to: "build.staging/manifest.json")
        let writer = AtomicBuildWriter(target: folder.path + "/build")
        let parent = try FileOps.openFolder(folder.path)
        defer { close(parent) }
        try writer.recoverAndClean(parent)
        #expect(folder.names() == ["build", "build.staging"])
        #expect(folder.snapshot("build") == ["manifest.json": Array("previous\n".utf8)])
    }

    /// Above `fsyncLimit` new files the writer syncs the file system once; below it, file by file.
    @Test(arguments: [0, 1_000])
    func bothDurabilityPathsWriteEverything(_ fsyncLimit: Int) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var writer = AtomicBuildWriter(target: folder.path + "/out/build")
        writer.fsyncLimit = fsyncLimit
        try await writer.replace { try Self.fill($0, label: "n", count: 100) }
        #expect(folder.snapshot("out/build").count == 101)
    }
}

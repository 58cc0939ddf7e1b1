import Catalog
import Foundation
import Testing
@testable import Workspace

/// The index of a sealed plan is read back exactly, or not at all: a patched build trusts it
/// to say which files the staging folder holds.
@Suite("Artwork plan index")
struct ArtworkPlanIndexTests {
    static let engine = ArtworkEngine(toolVersion: "test")

    static func index() -> ArtworkPlanIndex {
        let codes = [
            ArtworkPlanIndex.Code(id: "C-1", digest: SHA256.hash("one"), formats: [.svg, .png]),
            ArtworkPlanIndex.Code(id: "Ü-2", digest: SHA256.hash("two"), formats: []),
            ArtworkPlanIndex.Code(id: "c-3", digest: SHA256.hash("three"), formats: [.eps, .pdf, .txt]),
        ]
        var hashes: [UInt8] = []
        for code in codes { withUnsafeBytes(of: ArtworkPlanIndex.foldedHash(ArtworkFileName.folded(code.id)).littleEndian) { hashes += $0 } }
        let file = ArtworkPlanIndex.File(path: "codes/a.yaml", digest: SHA256.hash("a"), foldedHashes: hashes[...],
                                         block: ArtworkPlanIndex.block(codes)[...])
        let empty = ArtworkPlanIndex.File(path: "codes/b.yaml", digest: SHA256.hash("b"), foldedHashes: [], block: ArtworkPlanIndex.block([])[...])
        return ArtworkPlanIndex(planDigest: SHA256.hash("plan"), engineDigest: ArtworkPlanIndex.engineDigest(engine), files: [file, empty])
    }

    @Test func readsBackAsWritten() throws {
        let written = Self.index()
        let read = try #require(ArtworkPlanIndex(parsing: written.bytes()))
        #expect(read.planDigest == written.planDigest && read.engineDigest == written.engineDigest)
        #expect(read.files.map(\.path) == ["codes/a.yaml", "codes/b.yaml"])
        #expect(read.files.map(\.digest) == written.files.map(\.digest))
        #expect(read.files[0].codes() == written.files[0].codes())
        #expect(read.files[0].codes()?.map(\.names) == [["C-1.svg", "C-1.png"], [], ["c-3.eps", "c-3.pdf", "c-3.txt"]])
        #expect(read.files[1].codes() == [])
        #expect(read.files[0].foldedHash(at: 0) == ArtworkPlanIndex.foldedHash("c-1"))
        #expect(read.bytes() == written.bytes())
    }

    @Test func everyTruncationAndEveryFlippedBitIsRefused() {
        let bytes = Self.index().bytes()
        for length in 0..<bytes.count { #expect(ArtworkPlanIndex(parsing: Array(bytes[..<length])) == nil) }
        for position in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[position] ^= 1 << bit
                #expect(ArtworkPlanIndex(parsing: damaged) == nil, "byte \(position) bit \(bit)")
            }
        }
    }

    @Test func savedIndexesArePrunedToThoseStillNamed() throws {
        let folder = try TemporaryFolder("plans")
        defer { folder.remove() }
        var other = Self.index()
        other.planDigest = SHA256.hash("other plan")
        Self.index().save(at: folder.path)
        other.save(at: folder.path)
        #expect(ArtworkPlanIndex.read(Self.index().planDigest, at: folder.path)?.bytes() == Self.index().bytes())
        #expect(ArtworkPlanIndex.read(SHA256.hash("never saved"), at: folder.path) == nil)
        ArtworkPlanIndex.prune(at: folder.path, keeping: [other.planDigest])
        #expect(!ArtworkPlanIndex.exists(Self.index().planDigest, at: folder.path))
        #expect(ArtworkPlanIndex.read(other.planDigest, at: folder.path) != nil)
        #expect(folder.names(ArtworkPlanIndex.folder) == [other.planDigest.hex])
    }

    /// An index saved under another plan's name is not that plan's.
    @Test func anIndexUnderAnotherPlansNameIsRefused() throws {
        let folder = try TemporaryFolder("plans")
        defer { folder.remove() }
        Self.index().save(at: folder.path)
        let wrong = SHA256.hash("wrong")
        try FileManager.default.moveItem(atPath: folder.path + "/plans/" + Self.index().planDigest.hex, toPath: folder.path + "/plans/" + wrong.hex)
        #expect(ArtworkPlanIndex.read(wrong, at: folder.path) == nil)
    }
}

import Foundation
import Testing
@testable import Workspace

@Suite("Staging seals: what each committed folder holds")
struct StagingSealsTests {
    static let seal = StagingRecord.Seal(
        folder: FileOps.Stamp(device: 65024, inode: 12, size: 4096, seconds: 1_795_323_529, nanoseconds: 807_701_104),
        manifest: FileOps.Stamp(device: 65024, inode: 13, size: 30_685_555, seconds: 1_795_325_465, nanoseconds: 1))
    static let artwork = StagingSeals.Artwork(planDigest: SHA256.hash("plan"), codes: 95_001, files: 190_002, entries: 215..<30_684_848)

    @Test(arguments: [nil, artwork])
    func aLineReadsBackAsWritten(_ artwork: StagingSeals.Artwork?) throws {
        let parsed = try #require(StagingSeals.parse(StagingSeals.line(Self.seal, artwork)))
        #expect(parsed.0 == Self.seal && parsed.1 == artwork)
    }

    /// A damaged line is skipped, or keeps its seal without the artwork part: never a wrong plan.
    @Test(arguments: [
        ("1 2 3 4 5 6 7 8 9", false, false),
        ("1 2 3 4 5 6 7 8 9 x", false, false),
        ("1 2 3 4 5 6 7 8 9 -10", false, false),
        ("1 2 3 4 5 6 7 8 9 10 11", false, false),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "a", count: 64)) 1 2 3 4", true, true),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "A", count: 64)) 1 2 3 4", true, false),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "a", count: 63)) 1 2 3 4", true, false),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "a", count: 64)) 1 2 5 4", true, false),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "a", count: 64)) 1 2 3 101", true, false),
        ("1 2 3 4 5 6 7 100 9 10 \(String(repeating: "a", count: 64)) 1 -2 3 4", true, false),
    ])
    func damagedLines(_ line: String, keepsSeal: Bool, keepsArtwork: Bool) {
        let parsed = StagingSeals.parse(Array(line.utf8))
        #expect((parsed != nil) == keepsSeal)
        #expect((parsed?.1 != nil) == keepsArtwork)
    }

    /// The file keeps the last `kept` seals; recording a seal again replaces its line (with
    /// what is known of its artwork now); `alone` forgets the others; `forget` removes them all.
    @Test func recordKeepsTheLastSealsAndReplacesARecordedOne() throws {
        let folder = try TemporaryFolder("seals")
        defer { folder.remove() }
        let cache = folder.path + "/cache"
        func seal(_ inode: Int) -> StagingRecord.Seal {
            StagingRecord.Seal(folder: FileOps.Stamp(device: 1, inode: inode, size: 1, seconds: 1, nanoseconds: 1),
                               manifest: FileOps.Stamp(device: 1, inode: inode + 100, size: 1_000, seconds: 1, nanoseconds: 1))
        }
        for inode in 1...6 { StagingSeals.record(seal(inode), artwork: nil, at: cache) }
        #expect(Set(StagingSeals.read(at: cache).keys) == Set((3...6).map(seal)))
        let known = StagingSeals.Artwork(planDigest: SHA256.hash("p"), codes: 1, files: 2, entries: 10..<20)
        StagingSeals.record(seal(4), artwork: known, at: cache)
        let read = StagingSeals.read(at: cache)
        #expect(read.count == 4 && read[seal(4)] == .some(known) && read[seal(5)] == .some(nil))
        StagingSeals.record(seal(9), artwork: nil, at: cache, alone: true)
        #expect(Set(StagingSeals.read(at: cache).keys) == [seal(9)])
        StagingSeals.forget(at: cache)
        #expect(StagingSeals.read(at: cache).isEmpty)
    }
}

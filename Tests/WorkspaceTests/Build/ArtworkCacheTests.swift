import Foundation
import Testing
@testable import Workspace

private func entry(_ seed: String, size: Int = 10) -> ArtworkCacheIndex.Entry {
    ArtworkCacheIndex.Entry(fileExtension: "svg", digest: SHA256.hash(seed),
                            stamp: FileOps.Stamp(device: 2049, inode: 1234, size: size, seconds: 1_790_000_000, nanoseconds: 123_456_789))
}

@Suite("Artwork cache: index and files")
struct ArtworkCacheTests {
    @Test func indexRoundTripsAndLaterLinesWin() {
        let a = SHA256.hash("a"), b = SHA256.hash("b")
        var bytes = ArtworkCacheIndex.file([a: entry("1"), b: entry("2")])
        bytes += ArtworkCacheIndex.line(a, entry("3", size: 99))
        let index = ArtworkCacheIndex(parsing: bytes)
        #expect(index.entries == [a: entry("3", size: 99), b: entry("2")])
        #expect(index.lineCount == 3)
        #expect(index.isAppendable)
    }

    @Test func damagedIndexesLoseOnlyWhatIsDamaged() {
        let a = SHA256.hash("a"), b = SHA256.hash("b")
        let whole = ArtworkCacheIndex.file([a: entry("1")]) + ArtworkCacheIndex.line(b, entry("2", size: 11))
        // A crash cut the last line short: it is skipped, and the log must be rewritten.
        let cut = ArtworkCacheIndex(parsing: Array(whole.dropLast(5)))
        #expect(cut.entries == [a: entry("1")])
        #expect(!cut.isAppendable)
        // A line with a bad field is skipped; the others stay.
        let text = String(decoding: whole, as: UTF8.self).replacingOccurrences(of: " 10 ", with: " 1x0 ")
        #expect(ArtworkCacheIndex(parsing: Array(text.utf8)).entries == [b: entry("2", size: 11)])
        // Another version's index is ignored.
        #expect(ArtworkCacheIndex(parsing: Array("qrops-artwork-cache 2\n".utf8) + whole.dropFirst(22)).entries.isEmpty)
        #expect(ArtworkCacheIndex(parsing: []).entries.isEmpty)
    }

    /// A build appends what it created; once the log holds more than twice what a build used
    /// (plus the slack), it is rewritten with only that, and the other files are removed.
    @Test func indexIsAppendedThenCompacted() throws {
        let folder = try TemporaryFolder("cache")
        defer { folder.remove() }
        let cachePath = folder.path + "/cache"
        let source = try FileOps.openFolder(folder.path)
        defer { close(source) }
        func cached(_ name: String, under key: SHA256.Digest, in cache: ArtworkCache) throws -> ArtworkCacheIndex.Entry {
            let stamp = try FileOps.write(Array(name.utf8), named: name, in: source, folderPath: folder.path)
            let cached = try #require(cache.store(key, fileExtension: "svg", from: source, name: name, bytes: Array(name.utf8), stamp: stamp))
            #expect(cached == stamp, "hard-linked: the same inode")
            return ArtworkCacheIndex.Entry(fileExtension: "svg", digest: SHA256.hash(name), stamp: cached)
        }
        let (a, b, c) = (SHA256.hash("key a"), SHA256.hash("key b"), SHA256.hash("key c"))

        let first = try #require(ArtworkCache.open(at: cachePath, index: ArtworkCache.readIndex(at: cachePath), compactionSlack: 0))
        let entryA = try cached("a.svg", under: a, in: first)
        first.save(used: [a: entryA], added: [(a, entryA)])
        #expect(ArtworkCache.readIndex(at: cachePath).entries == [a: entryA])

        let second = try #require(ArtworkCache.open(at: cachePath, index: ArtworkCache.readIndex(at: cachePath), compactionSlack: 0))
        #expect(second.intactEntry(a) == entryA)
        let entryB = try cached("b.svg", under: b, in: second)
        let before = try Data(contentsOf: URL(fileURLWithPath: cachePath + "/index"))
        second.save(used: [a: entryA, b: entryB], added: [(b, entryB)])
        let after = try Data(contentsOf: URL(fileURLWithPath: cachePath + "/index"))
        #expect(after.prefix(before.count) == before, "appended, not rewritten")
        #expect(ArtworkCache.readIndex(at: cachePath).entries == [a: entryA, b: entryB])

        let third = try #require(ArtworkCache.open(at: cachePath, index: ArtworkCache.readIndex(at: cachePath), compactionSlack: 0))
        let entryC = try cached("c.svg", under: c, in: third)
        third.save(used: [c: entryC], added: [(c, entryC)])
        let index = ArtworkCache.readIndex(at: cachePath)
        #expect(index.entries == [c: entryC] && index.lineCount == 1, "compacted to what the build used")
        let files = TemporaryFolder.snapshot(cachePath).keys.filter { $0 != "index" }
        #expect(files == [ArtworkCache.relativePath(c, fileExtension: "svg")])
    }

    /// A cached file changed in place (it is hard-linked into build/) no longer counts as cached.
    @Test func aCachedFileChangedInPlaceIsNoLongerIntact() throws {
        let folder = try TemporaryFolder("cache")
        defer { folder.remove() }
        let cachePath = folder.path + "/cache"
        let cache = try #require(ArtworkCache.open(at: cachePath, index: ArtworkCacheIndex()))
        let source = try FileOps.openFolder(folder.path)
        defer { close(source) }
        let key = SHA256.hash("key")
        let stamp = try FileOps.write(Array("<svg/>".utf8), named: "A.svg", in: source, folderPath: folder.path)
        _ = cache.store(key, fileExtension: "svg", from: source, name: "A.svg", bytes: Array("<svg/>".utf8), stamp: stamp)
        let entry = ArtworkCacheIndex.Entry(fileExtension: "svg", digest: SHA256.hash("<svg/>"), stamp: stamp)
        cache.save(used: [key: entry], added: [(key, entry)])
        let reopened = try #require(ArtworkCache.open(at: cachePath, index: ArtworkCache.readIndex(at: cachePath)))
        #expect(reopened.intactEntry(key) == entry)
        let handle = try #require(FileHandle(forWritingAtPath: folder.path + "/A.svg"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        #expect(reopened.intactEntry(key) == nil)
    }
}

@Suite("Bytewise string order")
struct ByteOrderTests {
    @Test func agreesWithUTF8Order() {
        let words = ["", "a", "A", "a-1", "a.svg", "a-1.svg", "ab", "b", "é", "e\u{301}", "z", "ä", "Ω", "😀", "a\u{0}b", "aa"]
        for left in words {
            for right in words {
                #expect(ByteOrder.precedes(left, right) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
            }
        }
        let bridged = String(describing: NSString(string: "résumé"))
        #expect(ByteOrder.precedes(bridged, "rz") == bridged.utf8.lexicographicallyPrecedes("rz".utf8))
    }
}

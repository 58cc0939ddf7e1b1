import Foundation
import Testing
import TestSupport
@testable import Workspace

/// A patched build looks old entries up in the sealed manifest by name (a binary search over
/// its bytes) and writes the new list as old byte ranges around new entries. The reference is
/// `BuildManifest` laying out the patched set of files from scratch: the bytes must be the same.
@Suite("Listed artwork entries: lookup and patch of a sealed manifest")
struct ListedArtworkEntriesTests {
    static func file(_ name: String, _ generator: inout SplitMix64) -> BuildManifest.File {
        BuildManifest.File(path: "artwork/" + name, digest: SHA256.hash(name + String(generator.next())),
                           size: Int(generator.next() % 100_000))
    }

    static func name(_ generator: inout SplitMix64) -> String {
        let alphabet = Array("abcXYZ-_.019 ()!~")
        let length = 1 + Int(generator.next() % 24)
        return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) + ".svg"
    }

    /// `files` laid out as a manifest (with two files around the artwork), written to a file, and
    /// its artwork region.
    static func manifest(_ files: [BuildManifest.File], in folder: TemporaryFolder) throws -> (ListedArtworkEntries, [UInt8]) {
        let others = [BuildManifest.File(path: "README.txt", digest: SHA256.hash("r"), size: 3),
                      BuildManifest.File(path: "redirects.qrt", digest: SHA256.hash("q"), size: 9)]
        let layout = BuildManifest(toolVersion: "test", at: nil, inputDigest: SHA256.hash("in"), inputFiles: 1, codesByStatus: [:],
                                   artworkCodes: files.count, files: files + others).layout()
        let name = "manifest-\(UUID().uuidString).json"
        #expect(FileManager.default.createFile(atPath: folder.path + "/" + name, contents: Data(layout.bytes)))
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        let file = try #require(OpenFile(name, in: fd, size: layout.bytes.count))
        return (ListedArtworkEntries(manifest: file, region: try #require(layout.artworkEntries)), layout.bytes)
    }

    @Test(arguments: [1, 2, 3, 50, 400])
    func everyEntryIsFoundByNameAndEveryOtherNameIsNot(_ count: Int) throws {
        let folder = try TemporaryFolder("listed")
        defer { folder.remove() }
        var generator = SplitMix64(seed: UInt64(count))
        var byName: [String: BuildManifest.File] = [:]
        while byName.count < count {
            let name = Self.name(&generator)
            byName[name] = Self.file(name, &generator)
        }
        let (listing, bytes) = try Self.manifest(Array(byName.values), in: folder)
        for (name, file) in byName {
            let entry = try listing.entry(named: name)
            #expect(entry.name == Array(name.utf8))
            #expect(entry.listed == StagingRecord.Listed(digest: file.digest, size: file.size))
            #expect(bytes[entry.range].starts(with: FileLayout.open) && bytes[..<entry.range.upperBound].reversed().starts(with: FileLayout.close.reversed()))
        }
        for _ in 0..<50 {
            let name = Self.name(&generator)
            if byName[name] == nil { #expect(throws: ListedArtworkEntries.Malformed.self) { try listing.entry(named: name) } }
        }
        #expect(throws: ListedArtworkEntries.Malformed.self) { try listing.entry(named: "quote\".svg") }
    }

    /// Random removals and insertions (a replaced file is both), against the manifest of the
    /// resulting files laid out from scratch.
    @Test(arguments: 0..<40)
    func aPatchedListIsTheListOfThePatchedFiles(_ seed: Int) throws {
        let folder = try TemporaryFolder("listed")
        defer { folder.remove() }
        var generator = SplitMix64(seed: UInt64(seed) &* 7919)
        var old: [String: BuildManifest.File] = [:]
        let count = 1 + Int(generator.next() % 60)
        while old.count < count {
            let name = Self.name(&generator)
            old[name] = Self.file(name, &generator)
        }
        let (listing, _) = try Self.manifest(Array(old.values), in: folder)
        var patched = old
        var removed: [ListedArtworkEntries.Entry] = []
        for name in old.keys.sorted(by: ByteOrder.precedes) where generator.next() % 3 == 0 {
            removed.append(try listing.entry(named: name))
            patched[name] = nil
            // Half of them replaced by a file of the same name with other content.
            if generator.next() % 2 == 0 { patched[name] = Self.file(name, &generator) }
        }
        for _ in 0..<Int(generator.next() % 8) {
            let name = Self.name(&generator)
            if old[name] == nil { patched[name] = Self.file(name, &generator) }
        }
        let removedNames = Set(removed.map { String(decoding: $0.name, as: UTF8.self) })
        let made = patched.filter { old[$0.key] == nil || removedNames.contains($0.key) }
        var inserted: [(name: String, at: Int, bytes: [UInt8])] = []
        for (name, file) in made {
            inserted.append((name, try listing.insertionPoint(of: name), ListedArtworkEntries.newEntry(name: name, size: file.size, digest: file.digest)))
        }
        inserted.sort { ByteOrder.precedes($0.name, $1.name) }
        let pieces = listing.pieces(removing: removed, inserting: inserted.map { ($0.at, $0.bytes) })
        var written: [UInt8] = []
        try listing.write(pieces, path: "manifest") { written += $0 }
        #expect(written.count == ListedArtworkEntries.length(of: pieces))

        let folderB = try TemporaryFolder("listed")
        defer { folderB.remove() }
        if patched.isEmpty {
            #expect(pieces.isEmpty)
        } else {
            let (expected, bytes) = try Self.manifest(Array(patched.values), in: folderB)
            #expect(written == Array(bytes[expected.region]), "seed \(seed)")
        }
    }

    /// A region that does not hold entries where the seal says is refused, never trusted.
    @Test func aShiftedRegionIsRefused() throws {
        let folder = try TemporaryFolder("listed")
        defer { folder.remove() }
        var generator = SplitMix64(seed: 5)
        let files = (0..<20).map { Self.file("code-\($0).svg", &generator) }
        let (listing, _) = try Self.manifest(files, in: folder)
        let shifted = ListedArtworkEntries(manifest: listing.manifest, region: listing.region.lowerBound + 7..<listing.region.upperBound)
        #expect(throws: ListedArtworkEntries.Malformed.self) { try shifted.entry(named: "code-0.svg") }
    }
}

import Catalog
import Foundation
import Testing
@testable import Workspace

/// A manifest listing `paths`, each with a digest and size of its own.
private func manifest(_ paths: [String]) -> BuildManifest {
    let files = paths.enumerated().map { index, path in
        BuildManifest.File(path: path, digest: SHA256.hash(path), size: 1000 + index)
    }
    return BuildManifest(toolVersion: "test", at: nil, inputDigest: SHA256.hash("inputs"), inputFiles: 3,
                         codesByStatus: [.active: 2], artworkCodes: 2, files: files)
}

@Suite("Staging record: the sealed manifest's artwork list")
struct StagingRecordTests {
    static let listings: [[String]] = [
        [],
        ["redirects.json", "redirects.qrt"],
        ["artwork/A-1.svg", "artwork/A-1.png", "artwork/B-10.pdf", "nginx/codes.map", "redirects.qrt"],
        ["apache/qrops.conf", "artwork/Z.eps"],
    ]

    /// What `BuildManifest` writes, the record reads back: the `artwork/` files, by name.
    @Test(arguments: listings)
    func readsBackTheArtworkTheManifestLists(_ paths: [String]) throws {
        let written = manifest(paths)
        let listing = try #require(StagingRecord.artworkListing(inManifest: written.bytes()))
        var expected: [String: StagingRecord.Listed] = [:]
        for file in written.files where file.path.hasPrefix("artwork/") {
            expected[String(file.path.dropFirst(8))] = StagingRecord.Listed(digest: file.digest, size: file.size)
        }
        #expect(listing == expected)
    }

    /// A cut manifest is never taken for a whole one.
    @Test(arguments: listings.filter { !$0.isEmpty })
    func everyTruncationIsRefused(_ paths: [String]) {
        let bytes = manifest(paths).bytes()
        for length in 0..<bytes.count {
            #expect(StagingRecord.artworkListing(inManifest: Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
    }

    /// A control byte anywhere in the file list (in a number, a path, a digest or the layout
    /// around them) makes the whole manifest untrusted.
    @Test func anAlteredByteInTheFileListIsRefused() throws {
        let bytes = manifest(Self.listings[2]).bytes()
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.utf8.firstRange(of: FileLayout.arrayOpen)).lowerBound
        let end = try #require(text.utf8.firstRange(of: Array("\"format\"".utf8))).lowerBound
        let first = text.utf8.distance(from: text.utf8.startIndex, to: start)
        let last = text.utf8.distance(from: text.utf8.startIndex, to: end) - 4
        for position in first..<last {
            var altered = bytes
            altered[position] = 0x01
            #expect(StagingRecord.artworkListing(inManifest: altered) == nil, "byte \(position)")
        }
    }

    /// Paths the manifest has to escape, and a name listed twice, are not trusted either.
    @Test(arguments: ["artwork/Quote\".svg", "artwork/Back\\slash.svg", "artwork/Café.svg", "artwork/sub/A.svg",
                      "artwork/.", "artwork/.."])
    func unusualPathsAreRefused(_ path: String) {
        #expect(StagingRecord.artworkListing(inManifest: manifest(["artwork/A.svg", path]).bytes()) == nil)
    }

    /// An empty list is read only from a manifest of this format and version.
    @Test func anEmptyListNeedsThisFormatVersion() throws {
        let bytes = manifest([]).bytes()
        #expect(StagingRecord.artworkListing(inManifest: bytes) == [:])
        let text = String(decoding: bytes, as: UTF8.self)
        let other = text.replacingOccurrences(of: "\"format-version\": \(BuildManifest.formatVersion)", with: "\"format-version\": 99")
        #expect(other != text)
        #expect(StagingRecord.artworkListing(inManifest: Array(other.utf8)) == nil)
    }

    /// A seal is recorded only once the file system's clock has left the tick of both of its
    /// change times: a seal of the current tick could hide a change made within it.
    @Test func aSealOfTheCurrentClockTickIsNotSettled() throws {
        let folder = try TemporaryFolder("seal")
        defer { folder.remove() }
        let fd = try FileOps.openFolder(folder.path)
        defer { close(fd) }
        let now = try #require(FileOps.changeStamp(ofOpen: fd))
        func seal(_ seconds: Int) -> StagingRecord.Seal {
            var stamp = now
            stamp.seconds += seconds
            return StagingRecord.Seal(folder: stamp, manifest: now)
        }
        #expect(StagingRecord.isSettled(seal(0), parentFD: fd), "the probe's clock is a tick later")
        #expect(!StagingRecord.isSettled(seal(3_600), parentFD: fd), "a seal from the future")
        #expect(try FileOps.names(in: fd, path: folder.path).isEmpty, "the probe file is gone")
    }

    @Test func aNameListedTwiceIsRefused() {
        #expect(StagingRecord.artworkListing(inManifest: manifest(["artwork/A.svg", "artwork/A.svg"]).bytes()) == nil)
    }
}

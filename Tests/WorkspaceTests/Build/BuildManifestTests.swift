import Catalog
import Diagnostics
import Testing
@testable import Workspace

@Suite("Build manifest")
struct BuildManifestTests {
    private static let files = [
        BuildManifest.File(path: "artwork/B.svg", digest: SHA256.hash("b"), size: 20),
        BuildManifest.File(path: "artwork/A-1.svg", digest: SHA256.hash("a1"), size: 10),
        BuildManifest.File(path: "artwork/A.svg", digest: SHA256.hash("a"), size: 30),
        BuildManifest.File(path: "artwork/Ünïcode \"quoted\".pdf", digest: SHA256.hash("u"), size: 5),
    ]

    /// The manifest is written straight into bytes for speed; `JSONWriter` over the same values,
    /// keys sorted at every level, is the reference.
    @Test(arguments: [nil, Instant.parse("2027-01-01T10:00:00Z")])
    func bytesEqualJSONWriterOutput(_ at: Instant?) {
        let manifest = BuildManifest(
            toolVersion: "1.2.3", at: at, inputDigest: SHA256.hash("inputs"), inputFiles: 53,
            codesByStatus: [.active: 3, .retired: 1], artworkCodes: 3, files: Self.files)
        let sorted = Self.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var root: [(String, JSONValue)] = [
            ("artwork", .object([("codes", .int(3)), ("files", .int(4))])),
            ("codes", .object([("active", .int(3)), ("archived", .int(0)), ("draft", .int(0)), ("paused", .int(0)),
                               ("retired", .int(1)), ("total", .int(4))])),
            ("files", .array(sorted.map {
                .object([("bytes", .int($0.size)), ("path", .string($0.path)), ("sha256", .string($0.digest.hex))])
            })),
            ("format", .string("qrops-build-manifest")),
            ("format-version", .int(1)),
            ("inputs", .object([("digest", .string(SHA256.hash("inputs").hex)), ("files", .int(53))])),
            ("next-transition", .null),
            ("qrops-version", .string("1.2.3")),
            ("redirect-table", .null),
            ("server-maps", .null),
        ]
        if let at { root.append(("at", .string(at.description))) }
        #expect(manifest.json() == JSONWriter.write(.object(root.sorted { $0.0 < $1.0 })))
    }

    @Test func emptyBuildHasAnEmptyFileList() {
        let manifest = BuildManifest(toolVersion: "1", at: nil, inputDigest: SHA256.hash(""), inputFiles: 0,
                                     codesByStatus: [:], artworkCodes: 0, files: [])
        #expect(manifest.json().contains("\"files\": [],\n"))
        #expect(manifest.json().hasSuffix("}\n"))
    }

    /// A build whose artwork is unchanged copies the artwork entries of the staging folder's
    /// manifest as one byte range: the result must be the manifest written from the whole list,
    /// wherever the artwork entries fall among the other files (server maps like `apache/`
    /// come before them).
    @Test(arguments: [
        ["artwork/A.svg", "artwork/B.png", "redirects.json", "redirects.qrt"],
        ["apache/codes.map", "artwork/A.svg", "artwork/B.png", "nginx/codes.map", "redirects.qrt"],
        ["apache/codes.map", "artwork/A.svg"],
        ["artwork/A.svg"],
        ["artwork.txt", "artwork/A.svg", "artworks/x"],
    ])
    func artworkEntriesCopiedAsOneRangeGiveTheSameManifest(_ paths: [String]) throws {
        let files = paths.enumerated().map { BuildManifest.File(path: $1, digest: SHA256.hash($1), size: 7 * $0 + 1) }
        let whole = BuildManifest(toolVersion: "1", at: nil, inputDigest: SHA256.hash("in"), inputFiles: 2,
                                  codesByStatus: [.active: 2], artworkCodes: 2, files: files.reversed())
        let layout = whole.layout()
        #expect(layout.listedAt == nil)
        let range = try #require(layout.artworkEntries)
        let entries = Array(layout.bytes[range])
        #expect(entries.starts(with: FileLayout.open) && entries.reversed().starts(with: FileLayout.close.reversed()))
        var spliced = whole
        spliced.files = files.filter { !$0.path.hasPrefix("artwork/") }
        let artworkCount = files.count - spliced.files.count
        spliced.listedArtwork = BuildManifest.ListedArtwork(count: artworkCount, length: entries.count)
        let again = spliced.layout()
        let at = try #require(again.listedAt)
        #expect(Array(again.bytes[..<at]) + entries + Array(again.bytes[at...]) == layout.bytes)
        #expect(again.artworkEntries == range)
    }

    @Test func aManifestWithoutArtworkHasNoArtworkRange() {
        let manifest = BuildManifest(toolVersion: "1", at: nil, inputDigest: SHA256.hash(""), inputFiles: 0, codesByStatus: [:],
                                     artworkCodes: 0, files: [BuildManifest.File(path: "redirects.qrt", digest: SHA256.hash(""), size: 1)])
        #expect(manifest.layout().artworkEntries == nil)
        var listedNothing = manifest
        listedNothing.listedArtwork = BuildManifest.ListedArtwork(count: 0, length: 0)
        #expect(listedNothing.layout().bytes == manifest.layout().bytes && listedNothing.layout().listedAt == nil)
    }
}

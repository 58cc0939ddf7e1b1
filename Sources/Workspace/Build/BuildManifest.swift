import Catalog
import Diagnostics

/// `build/manifest.json`: what a build holds and what it was built from, deterministic (keys
/// sorted at every level, files sorted by path bytewise, no time unless `--at` gave one), so
/// the same inputs give the same bytes. Schema in docs/build.md.
public struct BuildManifest: Sendable {
    public static let format = "qrops-build-manifest"
    public static let formatVersion = 1

    public struct File: Sendable, Equatable {
        /// Relative to the build folder, `/`-separated.
        public var path: String
        public var digest: SHA256.Digest
        public var size: Int

        public init(path: String, digest: SHA256.Digest, size: Int) {
            self.path = path
            self.digest = digest
            self.size = size
        }
    }

    public var toolVersion: String
    /// The `--at` instant, when one was given.
    public var at: Instant?
    public var inputDigest: SHA256.Digest
    public var inputFiles: Int
    public var codesByStatus: [CodeStatus: Int]
    /// Printed codes whose artwork is in the build.
    public var artworkCodes: Int
    /// Every file of the build except `manifest.json` itself and the carried-over `README.md`.
    public var files: [File]
    /// The earliest instant after the build's time at which some code's answer changes (a
    /// launch, a retirement, a route window's edge): when static server maps need a rebuild.
    public var nextTransition: Instant?
    /// The server and edge targets emitted (`nginx`, `caddy`...), in the order configured; nil
    /// writes `null`.
    public var serverMaps: [String]?
    /// What `redirects.qrt` / `redirects.json` hold; nil writes `null`.
    public var redirectTable: RedirectTableInfo?
    /// Artwork entries to be copied from an earlier manifest (a sealed staging folder whose
    /// artwork is this build's, `StagingSeals.Artwork`): `layout()` leaves room for them, and
    /// `files` then holds no `artwork/` path.
    var listedArtwork: ListedArtwork?

    /// `count` artwork entries, `length` bytes as an earlier manifest wrote them: `FileLayout`
    /// entries separated by commas, every path under `artwork/`, in path order.
    struct ListedArtwork: Sendable {
        var count: Int
        var length: Int
    }

    public struct RedirectTableInfo: Sendable, Equatable {
        public var codes: Int
        public var domains: Int

        public init(codes: Int, domains: Int) {
            self.codes = codes
            self.domains = domains
        }
    }

    public init(toolVersion: String, at: Instant?, inputDigest: SHA256.Digest, inputFiles: Int,
                codesByStatus: [CodeStatus: Int], artworkCodes: Int, files: [File]) {
        self.toolVersion = toolVersion
        self.at = at
        self.inputDigest = inputDigest
        self.inputFiles = inputFiles
        self.codesByStatus = codesByStatus
        self.artworkCodes = artworkCodes
        self.files = files
    }

    /// The manifest's text, laid out as `JSONWriter` lays out JSON (two-space indent), but
    /// written straight into bytes: a portfolio's manifest lists hundreds of thousands of files.
    public func json() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    public func bytes() -> [UInt8] { layout().bytes }

    /// The bytes, and where in the manifest the artwork entries are (from the first one's
    /// `FileLayout.open` to the last one's `FileLayout.close`; nil when there are none). With
    /// `listedArtwork`, `bytes` lacks those entries: the manifest is `bytes`, with the
    /// `listedArtwork.length` copied bytes inserted at `listedAt`.
    func layout() -> (bytes: [UInt8], artworkEntries: Range<Int>?, listedAt: Int?) {
        let sorted = files.sorted { ByteOrder.precedes($0.path, $1.path) }
        var text = ManifestText()
        text.reserve(files.count * 130 + 1024)
        text.open("{")
        text.key("artwork", first: true)
        text.open("{")
        text.key("codes", first: true)
        text.number(artworkCodes)
        text.key("files")
        let artworkPrefix = (ArtworkStage.folder + "/").utf8
        text.number(files.reduce(0) { $0 + ($1.path.utf8.starts(with: artworkPrefix) ? 1 : 0) } + (listedArtwork?.count ?? 0))
        text.close("}")
        if let at {
            text.key("at")
            text.string(at.description)
        }
        text.key("codes")
        text.open("{")
        var counts = CodeStatus.allCases.map { ($0.rawValue, codesByStatus[$0] ?? 0) }
        counts.append(("total", codesByStatus.values.reduce(0, +)))
        for (index, (status, count)) in counts.sorted(by: { $0.0 < $1.0 }).enumerated() {
            text.key(status, first: index == 0)
            text.number(count)
        }
        text.close("}")
        text.key("files")
        var artworkEntries: Range<Int>?
        var insertedAt: Int?
        if sorted.isEmpty && listedArtwork == nil {
            text.raw("[]")
        } else {
            // What `text` would write at this depth, from fixed pieces (`FileLayout`, which
            // `StagingRecord` reads back): a manifest lists hundreds of thousands of files.
            text.raw("[")
            let artworkFolder = ArtworkStage.folder + "/"
            let listedAt = listedArtwork.map { _ in sorted.firstIndex { !ByteOrder.precedes($0.path, artworkFolder) } ?? sorted.count }
            var first = true
            func separate() {
                if !first { text.raw(",") }
                first = false
            }
            func listed() {
                guard let listedArtwork, listedArtwork.count > 0 else { return }
                separate()
                insertedAt = text.bytes.count
                artworkEntries = text.bytes.count..<text.bytes.count + listedArtwork.length
            }
            for (index, file) in sorted.enumerated() {
                if index == listedAt { listed() }
                separate()
                let start = text.bytes.count
                text.bytes(FileLayout.open)
                text.number(file.size)
                text.bytes(FileLayout.path)
                text.stringContent(file.path)
                text.bytes(FileLayout.digest)
                text.hex(file.digest)
                text.bytes(FileLayout.close)
                if file.path.utf8.starts(with: artworkPrefix) {
                    artworkEntries = (artworkEntries?.lowerBound ?? start)..<text.bytes.count
                }
            }
            if listedAt == sorted.count { listed() }
            if first {
                text.raw("]")
            } else {
                text.raw("\n  ]")
            }
        }
        text.key("format")
        text.string(Self.format)
        text.key("format-version")
        text.number(Self.formatVersion)
        text.key("inputs")
        text.open("{")
        text.key("digest", first: true)
        text.digest(inputDigest)
        text.key("files")
        text.number(inputFiles)
        text.close("}")
        // Produced by later versions of qrops; null until then (see docs/build.md).
        text.key("next-transition")
        if let nextTransition { text.string(nextTransition.description) } else { text.raw("null") }
        text.key("qrops-version")
        text.string(toolVersion)
        text.key("redirect-table")
        if let redirectTable {
            text.open("{")
            text.key("codes", first: true)
            text.number(redirectTable.codes)
            text.key("domains")
            text.number(redirectTable.domains)
            text.key("json")
            text.string(BuildTarget.tableJSONName)
            text.key("path")
            text.string(BuildTarget.tableName)
            text.close("}")
        } else {
            text.raw("null")
        }
        text.key("server-maps")
        if let serverMaps {
            if serverMaps.isEmpty {
                text.raw("[]")
            } else {
                text.open("[")
                for (index, target) in serverMaps.enumerated() {
                    text.element(first: index == 0)
                    text.string(target)
                }
                text.close("]")
            }
        } else {
            text.raw("null")
        }
        text.close("}")
        text.raw("\n")
        return (text.bytes, artworkEntries, insertedAt)
    }
}

/// The fixed pieces of one entry of the manifest's `"files"` array, in the order written:
/// `open` size `path` path `digest` hex-digest `close`; entries are separated by `,` and the
/// array opens with `\n  "files": [` and closes with `\n  ]`.
enum FileLayout {
    static let arrayOpen = Array("\n  \"files\": [".utf8)
    static let open = Array("\n    {\n      \"bytes\": ".utf8)
    static let path = Array(",\n      \"path\": \"".utf8)
    static let digest = Array("\",\n      \"sha256\": \"".utf8)
    static let close = Array("\"\n    }".utf8)
    static let arrayClose = Array("\n  ]".utf8)
}

/// Pretty-printed JSON, appended as bytes: `{`/`[` open a level, `key` and `element` start a
/// member on a new line at the current depth.
private struct ManifestText {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func open(_ bracket: String) {
        raw(bracket)
        depth += 1
    }

    mutating func close(_ bracket: String) {
        depth -= 1
        newline()
        raw(bracket)
    }

    mutating func key(_ name: String, first: Bool = false) {
        element(first: first)
        string(name)
        raw(": ")
    }

    mutating func element(first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline()
    }

    mutating func number(_ value: Int) { raw(String(value)) }

    mutating func bytes(_ piece: [UInt8]) { bytes += piece }

    mutating func digest(_ digest: SHA256.Digest) {
        bytes.append(UInt8(ascii: "\""))
        hex(digest)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The 64 hex digits, unquoted.
    mutating func hex(_ digest: SHA256.Digest) { digest.appendHex(to: &bytes) }

    /// A JSON string: plain printable ASCII as is, anything else through `JSONWriter.quoted`.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        stringContent(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string without its quotes.
    mutating func stringContent(_ value: String) {
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            bytes += value.utf8
        } else {
            raw(String(JSONWriter.quoted(value).dropFirst().dropLast()))
        }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
}

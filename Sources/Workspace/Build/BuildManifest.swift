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

    public func bytes() -> [UInt8] {
        let sorted = files.sorted { ByteOrder.precedes($0.path, $1.path) }
        var text = ManifestText()
        text.reserve(files.count * 130 + 1024)
        text.open("{")
        text.key("artwork", first: true)
        text.open("{")
        text.key("codes", first: true)
        text.number(artworkCodes)
        text.key("files")
        text.number(files.filter { $0.path.hasPrefix(ArtworkStage.folder + "/") }.count)
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
        if sorted.isEmpty {
            text.raw("[]")
        } else {
            text.open("[")
            for (index, file) in sorted.enumerated() {
                text.element(first: index == 0)
                text.open("{")
                text.key("bytes", first: true)
                text.number(file.size)
                text.key("path")
                text.string(file.path)
                text.key("sha256")
                text.digest(file.digest)
                text.close("}")
            }
            text.close("]")
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
        return text.bytes
    }
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

    mutating func digest(_ digest: SHA256.Digest) {
        bytes.append(UInt8(ascii: "\""))
        digest.appendHex(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string: plain printable ASCII as is, anything else through `JSONWriter.quoted`.
    mutating func string(_ value: String) {
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            bytes += value.utf8
            bytes.append(UInt8(ascii: "\""))
        } else {
            raw(JSONWriter.quoted(value))
        }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes += [0x20, 0x20] }
    }
}

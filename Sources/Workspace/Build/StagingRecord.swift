#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the staging folder's `artwork/` holds, known without looking at each file.
///
/// The staging folder is the build before last: it was committed with a manifest listing every
/// artwork file with its SHA-256 and size. When a build commits, it records a seal of that
/// folder in the artwork cache: the inode and change time (`ctime`, which the kernel moves on
/// every change and no `utimes` call can set) of `artwork/` and of `manifest.json`, once the
/// file system's clock has moved past both (`isSettled`). Adding, removing, renaming or
/// replacing a file in `artwork/` changes the folder's ctime; so does a killed build's work
/// there, and rewriting the manifest changes the manifest's. When a later build finds the
/// staging folder still under a recorded seal, it takes the manifest's list as what `artwork/`
/// holds, and keeps a planned file whose listed digest is the cache entry's without a `stat`:
/// at 190,000 artwork files those `stat`s and the folder listing took 0.4 s.
///
/// What a seal cannot see is a file rewritten in place (same inode, `artwork/` untouched, as
/// `cp new.svg build/artwork/X.svg` does), or a change made by another process in the very
/// clock tick of the commit: such a file stays until `qrops build --verify-artwork`, which
/// checks every file as builds without a seal do (docs/build.md).
struct StagingRecord: Sendable, Equatable {
    /// One listed artwork file's content.
    struct Listed: Sendable, Equatable {
        var digest: SHA256.Digest
        var size: Int
    }

    /// File names inside `artwork/`, with their content.
    var artwork: [String: Listed]

    /// The identity and change time of `artwork/` and `manifest.json` in a staging folder.
    struct Seal: Sendable, Hashable {
        var folder: FileOps.Stamp
        var manifest: FileOps.Stamp
    }

    /// The seal of the folder open as `staging` (nil when it has no `artwork/` or no manifest).
    static func seal(of staging: Int32) -> Seal? {
        guard let folder = FileOps.changeStamp(of: ArtworkStage.folder, in: staging, kind: S_IFDIR),
              let manifest = FileOps.changeStamp(of: BuildTarget.manifestName, in: staging, kind: S_IFREG)
        else { return nil }
        return Seal(folder: folder, manifest: manifest)
    }

    /// Whether `seal`, taken before a commit, can be recorded: both its change times must be
    /// strictly older than the file system's clock after the commit (as git treats "racily
    /// clean" index entries). A change in the same clock tick as the seal would leave the
    /// ctime as it was, so a seal of that tick could hide it. `parentFD` is the output folder's
    /// parent, just changed by the swap; when its ctime is still in the seal's tick, the clock
    /// is read again after a few milliseconds, from a probe file created and removed there.
    static func isSettled(_ seal: Seal, parentFD: Int32) -> Bool {
        func after(_ stamp: FileOps.Stamp?) -> Bool {
            guard let stamp else { return false }
            return [seal.folder, seal.manifest].allSatisfy { ($0.seconds, $0.nanoseconds) < (stamp.seconds, stamp.nanoseconds) }
        }
        if after(FileOps.changeStamp(ofOpen: parentFD)) { return true }
        usleep(5_000)  // longer than a tick of the kernel's coarse clock (1–4 ms)
        let probe = ".qrops-clock-probe-" + AtomicBuildWriter.randomSuffix()
        let fd = openat(parentFD, probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        let now = FileOps.changeStamp(ofOpen: fd)
        close(fd)
        unlinkat(parentFD, probe, 0)
        return after(now)
    }

    /// The record of the staging folder open as `staging` when its seal is one of `seals`:
    /// its manifest's artwork list. Nil otherwise, or when the manifest is not one qrops wrote.
    static func read(_ staging: Int32, trusting seals: Set<Seal>) -> StagingRecord? {
        guard !seals.isEmpty, let seal = seal(of: staging), seals.contains(seal),
              let bytes = FileOps.read(BuildTarget.manifestName, in: staging, limit: 1 << 31),
              bytes.count == seal.manifest.size,
              let artwork = artworkListing(inManifest: bytes)
        else { return nil }
        return StagingRecord(artwork: artwork)
    }

    /// The `artwork/` entries of a manifest as `BuildManifest.bytes()` lays it out, read
    /// strictly: anything else (another layout, an escaped or duplicate path, a cut file) is nil,
    /// and the build then checks every file.
    static func artworkListing(inManifest bytes: [UInt8]) -> [String: Listed]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = LayoutReader(buffer)
            return reader.artwork()
        }
    }
}

/// Reads the `"files"` array of a manifest written by `BuildManifest.bytes()`, byte by byte (the
/// whole list, `artwork()`, or one entry, `entry()`, as `ListedArtworkEntries` looks them up).
struct LayoutReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static let filesKey = FileLayout.arrayOpen
    static let entryOpen = FileLayout.open
    static let pathKey = FileLayout.path
    static let digestKey = FileLayout.digest
    static let entryClose = FileLayout.close
    /// What follows the file list: the format and its version.
    static let formatLines = Array(
        ",\n  \"format\": \"\(BuildManifest.format)\",\n  \"format-version\": \(BuildManifest.formatVersion),".utf8)
    static let artworkPrefix = Array((ArtworkStage.folder + "/").utf8)

    mutating func artwork() -> [String: StagingRecord.Listed]? {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "{"), bytes[bytes.count - 2] == UInt8(ascii: "}"),
              bytes[bytes.count - 1] == 0x0A, let start = find(Self.filesKey)
        else { return nil }
        position = start + Self.filesKey.count
        var listing: [String: StagingRecord.Listed] = [:]
        listing.reserveCapacity(bytes.count / 128)
        let artworkPrefix = Self.artworkPrefix
        if expect(Array("]".utf8)) {
            // `"files": []`
            return expect(Self.formatLines) ? listing : nil
        }
        var first = true
        while true {
            if !first {
                guard expect([UInt8(ascii: ",")]) else { break }
            }
            first = false
            guard let (size, path, digest) = entry() else { return nil }
            let name = bytes[path]
            guard name.starts(with: artworkPrefix) else { continue }
            let file = String(decoding: name.dropFirst(artworkPrefix.count), as: UTF8.self)
            guard !file.isEmpty, file != ".", file != "..", !file.utf8.contains(UInt8(ascii: "/")),
                  listing.updateValue(StagingRecord.Listed(digest: digest, size: size), forKey: file) == nil
            else { return nil }
        }
        return expect(FileLayout.arrayClose) && expect(Self.formatLines) ? listing : nil
    }

    /// One entry (`FileLayout.open` to `FileLayout.close`) from `position`: its size, the range
    /// of its path's bytes, and its digest; nil when the bytes there are anything else.
    mutating func entry() -> (size: Int, path: Range<Int>, digest: SHA256.Digest)? {
        guard expect(Self.entryOpen), let size = number(), expect(Self.pathKey),
              let path = plainString(), expect(Self.digestKey), let digest = hexDigest(), expect(Self.entryClose)
        else { return nil }
        return (size, path, digest)
    }

    /// The offset of the first occurrence of `needle`.
    func find(_ needle: [UInt8]) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    private mutating func expect(_ literal: [UInt8]) -> Bool {
        guard bytes.count - position >= literal.count, let base = bytes.baseAddress,
              memcmp(base + position, literal, literal.count) == 0 else { return false }
        position += literal.count
        return true
    }

    /// A non-negative decimal without leading zeros (as `String(Int)` writes it).
    private mutating func number() -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, (0x30...0x39).contains(bytes[position]), position - start < 18 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits == 1 || bytes[start] != 0x30 else { return nil }
        return value
    }

    /// The range of a string's bytes up to its closing quote, when it holds only what
    /// `BuildManifest` writes unescaped (printable ASCII but `"` and `\`).
    private mutating func plainString() -> Range<Int>? {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return start..<position }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        return nil
    }

    /// 64 lower-case hex digits.
    private mutating func hexDigest() -> SHA256.Digest? {
        guard bytes.count - position >= 64, let base = bytes.baseAddress,
              let digest = SHA256.Digest(lowercaseHex: base + position) else { return nil }
        position += 64
        return digest
    }
}

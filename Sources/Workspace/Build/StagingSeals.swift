#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seals of the output folders the last builds committed (`StagingRecord`), kept beside the
/// artwork cache as `<cache>/staging-seals`, one line per folder:
///
/// ```
/// <device> <inode> <size> <ctime-seconds> <ctime-nanoseconds>      (artwork/, then manifest.json: 10 numbers)
///   [<plan-digest> <artwork-codes> <artwork-files> <entries-start> <entries-end>]
/// ```
///
/// The optional last five fields (`Artwork`) say which artwork plan the folder holds in full:
/// a build whose plan has that digest finds its artwork already in place, and copies the
/// manifest's artwork entries as one byte range. Lines that do not parse are skipped: a lost
/// seal only costs the next build its checks.
enum StagingSeals {
    static let name = "staging-seals"
    /// How many seals are kept: the last builds' (one per output folder a repository builds to).
    static let kept = 4

    /// What a committed folder's artwork is, when the build that made it placed every file of
    /// its plan without a finding.
    struct Artwork: Sendable, Hashable {
        /// `ArtworkPlanDigest` of the plan.
        var planDigest: SHA256.Digest
        /// The manifest's `artwork.codes` and `artwork.files`.
        var codes: Int
        var files: Int
        /// The manifest's bytes from the first artwork entry's opening to the last one's close
        /// (`FileLayout.open` ... `FileLayout.close`, separated by commas).
        var entries: Range<Int>
    }

    /// The recorded seals, each with what its folder's artwork is when known.
    static func read(at cachePath: String) -> [StagingRecord.Seal: Artwork?] {
        guard let fd = try? FileOps.openFolder(cachePath) else { return [:] }
        defer { close(fd) }
        guard let bytes = FileOps.read(name, in: fd, limit: 1 << 16) else { return [:] }
        var seals: [StagingRecord.Seal: Artwork?] = [:]
        for line in bytes.split(separator: 0x0A) {
            if let (seal, artwork) = parse(Array(line)) { seals[seal] = artwork }
        }
        return seals
    }

    /// What the folder at `path` holds when it is under one of `seals` with its artwork known
    /// (a guess when taken outside the build lock: the folder may change before it is used).
    static func artwork(ofFolderAt path: String, seals: [StagingRecord.Seal: Artwork?]) -> Artwork? {
        guard !seals.isEmpty, let fd = try? FileOps.openFolder(path) else { return nil }
        defer { close(fd) }
        return StagingRecord.seal(of: fd).flatMap { seals[$0] ?? nil }
    }

    /// One line, without its newline.
    static func parse(_ line: [UInt8]) -> (StagingRecord.Seal, Artwork?)? {
        let fields = line.split(separator: 0x20, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 10 || fields.count == 15 else { return nil }
        let numbers = fields.prefix(10).compactMap { Int($0) }
        guard numbers.count == 10, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        func stamp(_ at: Int) -> FileOps.Stamp {
            FileOps.Stamp(device: numbers[at], inode: numbers[at + 1], size: numbers[at + 2], seconds: numbers[at + 3],
                          nanoseconds: numbers[at + 4])
        }
        let seal = StagingRecord.Seal(folder: stamp(0), manifest: stamp(5))
        guard fields.count == 15 else { return (seal, nil) }
        let counts = fields[11...].compactMap { Int($0) }
        let hex = Array(fields[10].utf8)
        guard hex.count == 64, counts.count == 4, counts.allSatisfy({ $0 >= 0 }), counts[2] <= counts[3],
              counts[3] <= seal.manifest.size,
              let digest = hex.withUnsafeBufferPointer({ $0.baseAddress.flatMap { SHA256.Digest(lowercaseHex: $0) } })
        else { return (seal, nil) }
        return (seal, Artwork(planDigest: digest, codes: counts[0], files: counts[1], entries: counts[2]..<counts[3]))
    }

    static func line(_ seal: StagingRecord.Seal, _ artwork: Artwork?) -> [UInt8] {
        var numbers = [seal.folder, seal.manifest].flatMap { [$0.device, $0.inode, $0.size, $0.seconds, $0.nanoseconds] }.map(String.init)
        if let artwork {
            numbers += [artwork.planDigest.hex] + [artwork.codes, artwork.files, artwork.entries.lowerBound, artwork.entries.upperBound].map(String.init)
        }
        return Array(numbers.joined(separator: " ").utf8)
    }

    /// Forgets every seal (`--verify-artwork`, as it starts, so that even a build that fails
    /// forgets them: the folders behind them are suspect). A seal recorded meanwhile by a
    /// concurrent build goes when this build records its own `alone`.
    static func forget(at cachePath: String) {
        _ = unlink(cachePath + "/" + name)
    }

    /// Adds the seal of a folder just committed, keeping the last `kept`; `alone` forgets the
    /// others (after `--verify-artwork`, which found the files behind them suspect). Best
    /// effort: a seal that is not recorded only costs the next builds their checks.
    static func record(_ seal: StagingRecord.Seal, artwork: Artwork?, at cachePath: String, alone: Bool = false) {
        guard (try? FileOps.makeFolders(cachePath)) != nil, let fd = try? FileOps.openFolder(cachePath) else { return }
        defer { close(fd) }
        var lines: [[UInt8]] = alone ? [] : (FileOps.read(name, in: fd, limit: 1 << 16) ?? []).split(separator: 0x0A).map { Array($0) }
        lines.removeAll { parse($0)?.0 == seal }
        lines.append(line(seal, artwork))
        var text: [UInt8] = []
        for kept in lines.suffix(Self.kept) { text += kept + [0x0A] }
        guard FileOps.replace(name, with: text, in: fd, folderPath: cachePath) else { return }
        // The plans' indexes (`ArtworkPlanIndex`) are kept while a seal names their plan.
        let plans = lines.suffix(Self.kept).compactMap { parse($0)?.1?.planDigest }
        ArtworkPlanIndex.prune(at: cachePath, keeping: Set(plans))
    }
}

import Artwork
import Diagnostics
import QREncoder

/// Brings the staging folder's `artwork/` to the planned files, in parallel across cores. The
/// folder usually holds the build before last already, so for each planned file, by its cache
/// key:
///
/// - the file there has the cached content: keep it. When the staging folder is sealed
///   (`StagingRecord`), its manifest says what each file holds and nothing is looked at;
///   otherwise the file must be the cached one (the same hard-linked inode, size and mtime as
///   the cache entry), one `stat` each;
/// - else the cache has it intact: hard-link it from the cache;
/// - else render it (one encode per code, one render per missing format), write it, and add it
///   to the cache.
///
/// Files the new build does not have are removed. The cost of a build is therefore the work for
/// the changed files, plus one `stat` per unchanged file when the folder is not sealed.
enum ArtworkStage {
    static let folder = "artwork"

    /// One file of `build/artwork/`.
    struct File: Sendable {
        var path: String
        var digest: SHA256.Digest
        var size: Int
        /// Rendered and written by this build (not kept or linked from the cache).
        var rendered: Bool
    }

    struct Result: Sendable {
        /// In plan order (by id).
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        var rendered = 0
        /// Kept in place or linked from the cache.
        var reused = 0
        /// Codes with at least one artwork file.
        var codes = 0
        /// Cache entries this build used, and those it created.
        var used: [SHA256.Digest: ArtworkCacheIndex.Entry] = [:]
        var added: [(SHA256.Digest, ArtworkCacheIndex.Entry)] = []
    }

    /// What a chunk of codes contributed.
    private struct ChunkOutcome: Sendable {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        var reused = 0
        var codes = 0
        var used: [(SHA256.Digest, ArtworkCacheIndex.Entry)] = []
        var added: [(SHA256.Digest, ArtworkCacheIndex.Entry)] = []
        var failure: BuildError?
        /// Planned files that were in the folder before (kept or replaced).
        var foundPresent = 0
    }

    /// Where the files go, and what is there already.
    private struct Target: Sendable {
        var fd: Int32
        var path: String
        var present: Present

        /// Whether a file `name` may be there (then it is removed before one is put there).
        func mayHold(_ name: String) -> Bool {
            switch present {
            case .listed: true
            case .names(let names): names.contains(name)
            }
        }
    }

    /// What `artwork/` holds before the build.
    private enum Present: Sendable {
        /// The sealed staging folder's manifest list: trusted, not looked at.
        case listed([String: StagingRecord.Listed])
        /// The names read from the folder: each file is checked by its stamp.
        case names(Set<String>)

        var count: Int {
            switch self {
            case .listed(let listing): listing.count
            case .names(let names): names.count
            }
        }

        var names: [String] {
            switch self {
            case .listed(let listing): Array(listing.keys)
            case .names(let names): Array(names)
            }
        }
    }

    /// `record` is what the staging folder holds when it is sealed (nil: look at each file).
    static func run(_ plans: [ArtworkPlan], into staging: StagingFolder, record: StagingRecord?, cache: ArtworkCache?,
                    engine: ArtworkEngine) async throws -> Result
    {
        let present: Present = if let record { .listed(record.artwork) } else { .names(Set(try staging.names(in: folder))) }
        let target = Target(fd: try staging.folder(folder), path: staging.absolute(folder), present: present)
        let chunk = 64
        let outcomes = await ParallelMap.map(count: (plans.count + chunk - 1) / chunk, chunk: 1) { first in
            var outcome = ChunkOutcome()
            for index in first * chunk..<min(plans.count, (first + 1) * chunk) where outcome.failure == nil {
                let before = outcome.files.count
                stage(plans[index], into: target, cache: cache, engine: engine, outcome: &outcome)
                if outcome.files.count > before { outcome.codes += 1 }
            }
            return outcome
        }
        var result = Result()
        result.used.reserveCapacity(plans.count)
        for outcome in outcomes {
            if let failure = outcome.failure { throw failure }
            result.files += outcome.files
            result.diagnostics += outcome.diagnostics
            result.reused += outcome.reused
            result.codes += outcome.codes
            for (key, entry) in outcome.used { result.used[key] = entry }
            result.added += outcome.added
        }
        let rendered = result.files.filter(\.rendered).map(\.path)
        result.rendered = rendered.count
        staging.noteWritten(rendered)

        // Planned names are distinct: when as many of them were there as the folder held, it
        // held nothing else.
        if present.count > outcomes.reduce(0, { $0 + $1.foundPresent }) {
            let planned = Set(result.files.map { String($0.path.dropFirst(folder.count + 1)) })
            for name in present.names where !planned.contains(name) {
                try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name)
            }
        }
        return result
    }

    private static func stage(_ plan: ArtworkPlan, into target: Target, cache: ArtworkCache?, engine: ArtworkEngine,
                              outcome: inout ChunkOutcome) {
        var missing: [(format: Artwork.ArtworkFormat, key: SHA256.Digest)] = []
        let material = plan.cacheMaterial
        do throws(BuildError) {
            for format in plan.formats {
                let key = engine.key(material: material, format: format)
                let name = plan.codeID.value + "." + format.fileExtension
                guard let cache, let entry = cache.entry(key) else {
                    missing.append((format, key))
                    continue
                }
                let keep: Bool
                switch target.present {
                case .listed(let listing):
                    let listed = listing[name]
                    if listed != nil { outcome.foundPresent += 1 }
                    keep = listed == StagingRecord.Listed(digest: entry.digest, size: entry.stamp.size)
                case .names(let names):
                    let present = names.contains(name)
                    if present { outcome.foundPresent += 1 }
                    keep = present && FileOps.stamp(of: name, in: target.fd) == entry.stamp
                }
                if keep {
                    // The build before last has this file: keep it.
                } else if cache.intactEntry(key) != nil {
                    if target.mayHold(name) { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
                    guard cache.place(key, entry, into: target.fd, folderPath: target.path, name: name) else {
                        missing.append((format, key))
                        continue
                    }
                } else {
                    missing.append((format, key))
                    continue
                }
                outcome.files.append(File(path: folder + "/" + name, digest: entry.digest, size: entry.stamp.size, rendered: false))
                outcome.used.append((key, entry))
                outcome.reused += 1
            }
            if !missing.isEmpty { try render(plan, missing, into: target, cache: cache, outcome: &outcome) }
        } catch {
            outcome.failure = error
        }
    }

    private static func render(
        _ plan: ArtworkPlan, _ missing: [(format: Artwork.ArtworkFormat, key: SHA256.Digest)], into target: Target,
        cache: ArtworkCache?, outcome: inout ChunkOutcome
    ) throws(BuildError) {
        let grid: ModuleGrid
        do {
            grid = ModuleGrid(try QREncoder.encode(text: plan.payload, options: plan.options).code)
        } catch {
            outcome.diagnostics.append(BuildRule.payloadTooLong(plan, error.description))
            return
        }
        for (format, key) in missing {
            let name = plan.codeID.value + "." + format.fileExtension
            let bytes: [UInt8]
            do {
                bytes = try format.render(grid, style: plan.style)
            } catch {
                outcome.diagnostics.append(BuildRule.artworkInvalid(plan, error.description, at: plan.location(of: error)))
                continue
            }
            if target.mayHold(name) { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
            let stamp = try FileOps.write(bytes, named: name, in: target.fd, folderPath: target.path)
            let digest = SHA256.hash(bytes)
            outcome.files.append(File(path: folder + "/" + name, digest: digest, size: bytes.count, rendered: true))
            if let cache, let cached = cache.store(key, fileExtension: format.fileExtension, from: target.fd, name: name,
                                                   bytes: bytes, stamp: stamp) {
                let entry = ArtworkCacheIndex.Entry(fileExtension: format.fileExtension, digest: digest, stamp: cached)
                outcome.used.append((key, entry))
                outcome.added.append((key, entry))
            }
        }
    }
}

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
    }

    /// Where the files go, and what is there already.
    private struct Target: Sendable {
        var fd: Int32
        var path: String
        var present: Present
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

        /// What is known of `name` before the build.
        func lookUp(_ name: String) -> PlannedFile {
            switch self {
            case .listed(let listing):
                let listed = listing[name]
                return PlannedFile(name: name, present: listed != nil, listed: listed)
            case .names(let names):
                return PlannedFile(name: name, present: names.contains(name), listed: nil)
            }
        }
    }

    /// A planned file's name and what the folder held under it (in a sealed folder, exactly the
    /// listed files: anything added would have broken the seal).
    private struct PlannedFile: Sendable {
        var name: String
        var present: Bool
        /// Its content, when the folder is sealed.
        var listed: StagingRecord.Listed?
    }

    /// `record` is what the staging folder holds when it is sealed (nil: look at each file).
    static func run(_ plans: [ArtworkPlan], into staging: StagingFolder, record: StagingRecord?, cache: ArtworkCache?,
                    engine: ArtworkEngine) async throws -> Result
    {
        let present: Present = if let record { .listed(record.artwork) } else { .names(Set(try staging.names(in: folder))) }
        let target = Target(fd: try staging.folder(folder), path: staging.absolute(folder), present: present)
        let chunk = 64
        let chunks = (plans.count + chunk - 1) / chunk
        let count = plans.count
        @Sendable func range(_ chunkIndex: Int) -> Range<Int> { chunkIndex * chunk..<min(count, (chunkIndex + 1) * chunk) }

        // The planned names first, and the files the build does not have removed before anything
        // is placed: on a case-insensitive file system a stale `c-1.svg` is the file a planned
        // `C-1.svg` would be. Planned names are distinct, so when as many of them are there as
        // the folder holds, it holds nothing else.
        let named = await ParallelMap.map(count: chunks, chunk: 1) { chunkIndex -> (files: [[PlannedFile]], found: Int) in
            var files: [[PlannedFile]] = []
            var found = 0
            for index in range(chunkIndex) {
                let plan = plans[index]
                let planFiles = plan.formats.map { present.lookUp(plan.codeID.value + "." + $0.fileExtension) }
                for file in planFiles where file.present { found += 1 }
                files.append(planFiles)
            }
            return (files, found)
        }
        if present.count > named.reduce(0, { $0 + $1.found }) {
            let planned = Set(named.flatMap { $0.files.joined().map(\.name) })
            for name in present.names where !planned.contains(name) {
                try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name)
            }
        }

        let outcomes = await ParallelMap.map(count: chunks, chunk: 1) { chunkIndex in
            var outcome = ChunkOutcome()
            for (offset, index) in range(chunkIndex).enumerated() where outcome.failure == nil {
                let before = outcome.files.count
                stage(plans[index], files: named[chunkIndex].files[offset], into: target, cache: cache, engine: engine,
                      outcome: &outcome)
                if outcome.files.count > before { outcome.codes += 1 }
            }
            return outcome
        }
        var result = Result()
        result.used.reserveCapacity(outcomes.reduce(0) { $0 + $1.used.count })
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
        return result
    }

    /// `files` are the plan's files, one per format in order.
    private static func stage(_ plan: ArtworkPlan, files: [PlannedFile], into target: Target, cache: ArtworkCache?,
                              engine: ArtworkEngine, outcome: inout ChunkOutcome) {
        var missing: [(format: Artwork.ArtworkFormat, key: SHA256.Digest, file: PlannedFile)] = []
        let material = plan.cacheMaterial
        do throws(BuildError) {
            for (format, file) in zip(plan.formats, files) {
                let name = file.name
                let key = engine.key(material: material, format: format)
                guard let cache, let entry = cache.entry(key) else {
                    missing.append((format, key, file))
                    continue
                }
                let keep = switch target.present {
                case .listed: file.listed == StagingRecord.Listed(digest: entry.digest, size: entry.stamp.size)
                case .names: file.present && FileOps.stamp(of: name, in: target.fd) == entry.stamp
                }
                if keep {
                    // The build before last has this file: keep it.
                } else if cache.intactEntry(key) != nil {
                    if file.present { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
                    guard cache.place(key, entry, into: target.fd, folderPath: target.path, name: name) else {
                        missing.append((format, key, file))
                        continue
                    }
                } else {
                    missing.append((format, key, file))
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
        _ plan: ArtworkPlan, _ missing: [(format: Artwork.ArtworkFormat, key: SHA256.Digest, file: PlannedFile)], into target: Target,
        cache: ArtworkCache?, outcome: inout ChunkOutcome
    ) throws(BuildError) {
        let grid: ModuleGrid
        do {
            grid = ModuleGrid(try QREncoder.encode(text: plan.payload, options: plan.options).code)
        } catch {
            outcome.diagnostics.append(BuildRule.payloadTooLong(plan, error.description))
            return
        }
        for (format, key, file) in missing {
            let name = file.name
            let bytes: [UInt8]
            do {
                bytes = try format.render(grid, style: plan.style)
            } catch {
                outcome.diagnostics.append(BuildRule.artworkInvalid(plan, error.description, at: plan.location(of: error)))
                continue
            }
            if file.present { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
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

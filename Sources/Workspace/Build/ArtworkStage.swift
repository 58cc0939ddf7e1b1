import Artwork
import Diagnostics
import QREncoder

/// Brings the staging folder's `artwork/` to the planned files, in parallel across cores. The
/// folder usually holds the previous build already, so for each planned file, by its cache key:
///
/// - the file there is the cached one (same size and mtime as the cache entry, i.e. the same
///   hard-linked inode): keep it, no I/O beyond one `stat`;
/// - else the cache has it intact: hard-link it from the cache;
/// - else render it (one encode per code, one render per missing format), write it, and add it
///   to the cache.
///
/// Files the new build does not have are removed. The cost of a build is therefore one `stat`
/// per unchanged file plus the work for the changed ones.
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
        var existing: Set<String>
    }

    static func run(_ plans: [ArtworkPlan], into staging: StagingFolder, cache: ArtworkCache?, engine: ArtworkEngine)
        async throws -> Result
    {
        let target = Target(fd: try staging.folder(folder), path: staging.absolute(folder),
                            existing: Set(try staging.names(in: folder)))
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

        let planned = Set(result.files.map { String($0.path.dropFirst(folder.count + 1)) })
        for name in target.existing where !planned.contains(name) {
            try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name)
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
                let present = target.existing.contains(name)
                if present, FileOps.stamp(of: name, in: target.fd) == entry.stamp {
                    // The previous build's file is the cached one: keep it.
                } else if cache.intactEntry(key) != nil {
                    if present { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
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
            if target.existing.contains(name) { try FileOps.removeFile(name, in: target.fd, path: target.path + "/" + name) }
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

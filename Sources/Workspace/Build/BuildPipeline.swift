import Catalog
import Diagnostics
import Routing
import Rules
import Synchronization
import TableFormat

/// `qrops build`: lint (the same pipeline and findings as `qrops lint`), plan, render the
/// artwork (reusing the cache), write the manifest, and swap the result in atomically. With
/// errors nothing is written and the previous build stays as it was.
public enum BuildPipeline {
    public struct Request: Sendable {
        public var repository: String
        /// The output folder; nil for `REPO/build`.
        public var out: String?
        /// The instant lint evaluates time-dependent rules at.
        public var now: Instant
        /// Recorded in the manifest when given (`--at`); nil keeps the manifest time-free.
        public var at: Instant?
        public var artwork = true
        /// Check every artwork file already in the staging folder (one `stat` each) instead of
        /// trusting the sealed manifest's list (`StagingRecord`), and forget the other folders'
        /// seals: repairs a file edited in place (from the next build on, in both folders).
        public var verifyArtwork = false
        public var strict = false
        public var toolVersion: String
        /// The artwork cache folder; nil for `REPO/.qrops-cache/artwork`.
        public var cache: String?
        public var engine = RuleEngine()
        /// Per-file findings reused from here when they hold (`FileCheckCache`), and saved back;
        /// nil checks every file.
        public var checkCache: FileCheckCache?
        /// Per-file table entries and plans reused from here (`BuildProductCache`), and saved
        /// back. A file found in both caches is not parsed; nil (or no `checkCache`) parses
        /// every file.
        public var productCache: BuildProductCache?

        public init(repository: String, out: String? = nil, now: Instant, at: Instant? = nil, toolVersion: String) {
            self.repository = repository
            self.out = out
            self.now = now
            self.at = at
            self.toolVersion = toolVersion
        }

        /// The same request with its build cache emptied (`BuildProductCache.cleared`): every
        /// file's products are made anew.
        func withoutProductCacheRecords() -> Request {
            var again = self
            again.productCache = productCache?.cleared()
            return again
        }
    }

    /// What a successful build wrote.
    public struct Summary: Sendable {
        public var out: String
        public var swap: AtomicBuildWriter.Swap
        public var codes: Int
        public var printedCodes: Int
        public var artworkFiles: Int
        public var rendered: Int
        public var reused: Int
        /// Whether the staging folder's artwork was known from its sealed manifest
        /// (`StagingRecord`) rather than checked file by file.
        public var stagingSealed: Bool
        /// Whether the sealed staging folder held this build's whole artwork plan already
        /// (`StagingSeals.Artwork`): the artwork stage did not run, and the manifest's artwork
        /// entries were copied from the staging folder's.
        public var artworkUnchanged: Bool
        /// Whether the sealed staging folder held another plan that differed in a few code files,
        /// and was patched (`ArtworkPatch`): only those files' codes were staged, and the
        /// manifest's other artwork entries were copied from the staging folder's.
        public var artworkPatched = false
        /// Codes whose strings the `.qrt` writer took from the last build's memo
        /// (`TableWriterMemoFile`) rather than gathering them again.
        public var tableCodesFromMemo = 0
        /// Files in the build, `manifest.json` and `README.md` included.
        public var files: Int
        /// How long each phase took, in order: lint, redirect-table, server-maps, artwork,
        /// manifest, commit, cache. `lint` includes compiling the redirect table, writing the
        /// `.qrt` bytes (but in a large portfolio) and planning the artwork, which run beside
        /// lint's whole-catalog checks. The table's files, the
        /// server maps and the artwork are made concurrently: `redirect-table` ends when the
        /// table's files are written, `server-maps` counts what the maps took beyond that, and
        /// `artwork` what the artwork took beyond both.
        public var timings: [(phase: String, seconds: Double)]
    }

    public struct Result: Sendable {
        /// Lint's findings and the build's own, in report order.
        public var diagnostics: [Diagnostic]
        public var filesChecked: Int
        /// Nil when the build failed and nothing was written.
        public var summary: Summary?
        /// What the build was made from (the linted catalog, and the plan and redirect table
        /// when it got that far), handed back so that a caller about to exit can keep it
        /// rather than free it object by object (`qrops build` does).
        public var workingSet: (any Sendable)?
    }

    /// The table's transitions around the build's instants: the latest at or before now (static
    /// maps without `--at` are compiled as of it) and the first after `--at` or now (the
    /// manifest's `next-transition`).
    struct Transitions: Sendable {
        var previous: Int64?
        var next: Int64?

        init(_ table: RedirectTable, now: Instant, asOf: Instant) {
            previous = table.previousTransition(atOrBefore: now.seconds)
            next = table.nextTransition(after: asOf.seconds)
        }
    }

    /// Throws `BuildError` for a refused output folder or a failed file operation (the previous
    /// build is untouched either way).
    public static func run(_ request: Request) async throws -> Result {
        var clock = PhaseClock()
        let target = try BuildTarget.resolve(out: request.out, repository: request.repository)
        let source = DigestingSource(DiskRepository(root: request.repository))
        let cachePath = request.cache ?? request.repository + "/.qrops-cache/artwork"
        if request.artwork, request.verifyArtwork { StagingSeals.forget(at: cachePath) }
        // Each file's table entries are compiled in lint's parallel pass; they are merged into
        // the redirect table, and the build plan is made, while lint's whole-catalog checks run
        // (all thrown away if lint fails).
        let keepArtwork = request.artwork
        // With the build cache, each file's codes are also written as their JSON objects, kept
        // there and spliced into `redirects.json` (`CodeJSON`); not in a large portfolio
        // (`TableStage.largePortfolioFiles`), where they would cost the memory floor (half a
        // gigabyte at a million codes), nor does the `.qrt` start beside lint's checks there.
        let large = source.list().codes.count > TableStage.largePortfolioFiles
        let makesJSON = request.productCache != nil && request.checkCache != nil && !large
        // The engine's identity renders probe symbols: on another thread, while lint runs.
        let toolVersion = request.toolVersion
        let engineLoad = Background { ArtworkEngine(toolVersion: toolVersion) }
        let trustsSeals = request.artwork && !request.verifyArtwork
        let writer = AtomicBuildWriter(target: target.path)
        let codePaths = source.list().codes
        // The `.qrt` writer's memo of the last build, kept beside the build cache: codes of
        // unchanged files are not gathered again (read while lint runs).
        let memoFolder = large || request.checkCache == nil ? nil : request.productCache?.folder
        let memoLoad = memoFolder.map { folder in Background { TableWriterMemoFile.read(in: folder) } }
        let (linted, made) = await LintPipeline.run(
            source, now: request.now, engine: request.engine, retention: .routing, cache: request.checkCache, cacheHit: .findings,
            workCache: request.productCache?.work(keepArtwork: keepArtwork),
            perFile: { codes, policies in BuildProducts.make(codes, policies: policies, keepArtwork: keepArtwork, json: makesJSON) },
            alongside: { catalog, products, keys in
                // The plan's digest, from the files' digests. When a sealed folder holds that plan,
                // the plan itself is not made (`PlanStatus.deferred`); when none does, the artwork
                // stage will run and needs the cache's index, which is read from here on.
                async let planned = { () async -> (PlanStatus, SHA256.Digest?, Background<ArtworkCacheIndex>?) in
                    let files = products.map(\.plan)
                    guard keepArtwork else { return (await joined(files), nil, nil) }
                    let engine = engineLoad.value
                    let digest = ArtworkPlanDigest.of(files: files.map(\.summary.digest), engine: engine)
                    // Only a guess of whether the artwork stage will run, and how: the seals are
                    // read again, under the build lock, where it is decided (and the plan made
                    // then if it is needed after all).
                    let sealed = trustsSeals ? StagingSeals.artwork(ofFolderAt: writer.stagingPath, seals: StagingSeals.read(at: cachePath)) : nil
                    if let sealed, !files.contains(where: \.summary.hasFindings) {
                        if sealed.planDigest == digest { return (.deferred, digest, nil) }
                        // Another plan: patched when only a few files' plans differ.
                        if let base = ArtworkPlanIndex.read(sealed.planDigest, at: cachePath),
                           let patch = ArtworkPatch.make(from: base, to: digest, paths: codePaths, files: files, engine: engine) {
                            return (.patched(patch), digest, nil)
                        }
                    }
                    // Read (190,000 lines at 100,000 codes) while the plan is joined, not after.
                    let index = Background { ArtworkCache.readIndex(at: cachePath) }
                    // With the plan's index, unless it is kept already (a code digest per code).
                    let indexing = ArtworkPlanIndex.exists(digest, at: cachePath) ? nil : (codePaths, engine, digest)
                    return (await joined(files, indexing: indexing), digest, index)
                }()
                let (table, sources) = TableCompiler.mergeTracing(products.map(\.entries), policies: catalog.policies)
                // The `.qrt` bytes too: the longest single piece of work in a build from the
                // cache, started here rather than after lint.
                // Each file's codes are known by its check key: those the memo has are copied from it.
                let parts = memoLoad.map { _ in WriterMemo.Parts(keys: keys.map { $0.map { WriterMemo.PartKey($0.bytes) } }, sources: sources) }
                async let compact = large ? nil : TableStage.compact(table, parts: parts, memo: memoLoad?.value)
                // And the JSON (from the files' objects when they were made, else code by code), in
                // the CPU time the `.qrt` writer's serial steps leave idle (at the lowest priority,
                // so it never slows the writer down); the table's files wait for it. Not in a large
                // portfolio, where it is streamed to disk after lint rather than held (over 500 MB
                // at a million codes).
                let json = makesJSON ? TableStage.SplicedJSON(codeJSON: products.map { $0.json ?? CodeJSON() }, sources: sources) : nil
                let madeJSON = large ? nil : Background({ TableStage.makeJSON(table, spliced: json) }, yielding: true)
                // So are the instants around now that the maps and the manifest need (a walk over
                // every code's times).
                let transitions = Background({ Transitions(table, now: request.now, asOf: request.at ?? request.now) }, yielding: true)
                let (plan, digest, index) = await planned
                return (table: table, compact: await compact, json: json, madeJSON: madeJSON, plan: plan, planDigest: digest,
                        index: index, products: products, transitions: transitions)
            })
        // The caches are saved beside the rest of the build (a changed file rewrites the build
        // cache's pack, 80 MB at 100,000 codes); every way out of this function waits for it.
        let (checkCache, productCache) = (request.checkCache, request.productCache)
        let tableWrite = made.compact
        let saving = Task {
            checkCache?.save()
            productCache?.save()
            if let memoFolder, let memo = tableWrite?.memo { TableWriterMemoFile.save(memo, in: memoFolder) }
        }
        clock.end("lint")
        var lint = consume linted
        // The products are kept with the working set: freeing them object by object, as the
        // build goes on, took a tenth of a second at 100,000 codes.
        let (table, compact, splicedJSON, madeJSON, planStatus, digest, earlyIndex, madeProducts, transitions) = made
        var products = madeProducts
        var diagnostics = lint.diagnostics
        func failed() async -> Result {
            await saving.value
            return Result(diagnostics: diagnostics, filesChecked: lint.filesChecked, summary: nil, workingSet: (lint, products))
        }
        guard !diagnostics.fails(strict: request.strict) else { return await failed() }
        var plan: BuildPlanner.Plan
        // The files' plans, kept (encoded, when they came from the cache) while the plan may
        // still be needed.
        var deferredFiles: [PlannedFile] = []
        // The index of this build's plan, kept beside the artwork cache once it is sealed.
        var planIndex: ArtworkPlanIndex?
        var pendingPatch: ArtworkPatch?
        switch planStatus {
        case .joined(let joined, let index):
            plan = joined
            planIndex = index
        case .deferred:
            plan = BuildPlanner.summarized(products.map(\.plan.summary))
            deferredFiles = products.map(\.plan)
        case .patched(let patch):
            plan = BuildPlanner.summarized(products.map(\.plan.summary))
            deferredFiles = products.map(\.plan)
            pendingPatch = patch
            planIndex = patch.index
        case .unreadable:
            await saving.value
            return try await run(request.withoutProductCacheRecords())
        }
        diagnostics = (diagnostics + plan.diagnostics).sorted(by: Diagnostic.reportOrder)
        guard !diagnostics.fails(strict: request.strict) else { return await failed() }

        // From here on the table and the plan say everything the outputs need. When server maps
        // are made, the codes are released (on another thread, beside the table's files): at a
        // million codes they take over a gigabyte, which the emitters need more. What is kept
        // is the count and each `id:` as written, where a target's finding about a code is
        // located. Without maps they are kept: freeing them would only cost time.
        let codeCount = lint.codeCount
        let policies = lint.catalog.policies
        let makesMaps = !ServerMapStage.targets(policies).emitters.isEmpty
        // With server maps, memory counts more than the time freeing takes.
        if makesMaps { products = [] }
        let codeIDs = makesMaps ? lint.codes().map(\.id) : []
        let released = CodesToRelease()
        if makesMaps { released.codes.withLock { Swift.swap(&$0, &lint.catalog.codes) } }

        var cache: ArtworkCache?
        let readme = target.readme()
        var staged = ArtworkStage.Result()
        var stageDiagnostics: [Diagnostic] = []
        var outputs: [BuildManifest.File] = []
        var serverMaps: [String] = []
        var seal: StagingRecord.Seal?
        var sealedArtwork: StagingSeals.Artwork?
        var unchanged: StagingSeals.Artwork?
        var patched: PatchInPlace?
        var sealed = false
        let swap: AtomicBuildWriter.Swap
        // The plan's index is saved while the staging folder is brought up to date (before the
        // seal that names it is recorded), unless it is kept already.
        var indexSaving: Task<Void, Never>?
        do {
            swap = try await writer.replace { staging in
                // The staging folder holds the build before last (or a killed run's work): keep
                // only what this build updates. Its artwork is known from its manifest when it is
                // sealed as that build committed it.
                let seals = trustsSeals ? StagingSeals.read(at: cachePath) : [:]
                let listed = Self.unchangedArtwork(in: staging, seals: seals, planDigest: digest)
                unchanged = listed?.artwork
                if unchanged == nil, let pendingPatch { patched = PatchInPlace(pendingPatch, in: staging, seals: seals) }
                let record = unchanged != nil || patched != nil || seals.isEmpty ? nil : StagingRecord.read(staging.fd, trusting: Set(seals.keys))
                sealed = record != nil || unchanged != nil || patched != nil
                if unchanged == nil, patched == nil, !deferredFiles.isEmpty {
                    // The guess was wrong (the staging folder holds another plan than the one
                    // sealed with this digest or patched, or the seals changed meanwhile): the
                    // plan is needed.
                    let indexing = digest.flatMap { ArtworkPlanIndex.exists($0, at: cachePath) ? nil : (codePaths, engineLoad.value, $0) }
                    switch await Self.joined(deferredFiles, indexing: indexing) {
                    case .joined(let joined, let index):
                        plan = joined
                        planIndex = index
                    case .deferred, .patched, .unreadable: throw PlanUnreadable()
                    }
                    deferredFiles = []
                    stageDiagnostics += plan.diagnostics
                    guard !plan.diagnostics.fails(strict: request.strict) else { throw StageFailed() }
                }
                if request.artwork, unchanged == nil, let planIndex, let digest, !ArtworkPlanIndex.exists(digest, at: cachePath) {
                    indexSaving = Task { planIndex.save(at: cachePath) }
                }
                let artworkPlans = plan.artwork
                var keep: Set<String> = [BuildTarget.readmeName, BuildTarget.manifestName]
                if request.artwork { keep.insert(ArtworkStage.folder) }
                try staging.removeAll(in: "", except: keep)

                // The artwork, the table's files (streamed into the staging folder) and the
                // server maps (each written and hashed as its emitter finishes) are independent:
                // they run concurrently. Whatever fails, every task is waited for before the
                // staging folder is given up.
                // The artwork cache's index is read only when the artwork stage runs (from lint
                // on, when no sealed folder held the plan).
                let patching = patched
                let artworkTask: Task<(ArtworkStage.Result, ArtworkCache?), any Error>? = request.artwork && unchanged == nil
                    ? Task {
                        if let patched = patching {
                            // Only the codes whose files are made: rendered, not looked up (the
                            // cache's index is not read), and added to the cache.
                            let cache = ArtworkCache.open(at: cachePath, index: ArtworkCacheIndex())
                            return (try await ArtworkStage.run(patched.patch.plans, into: staging, record: patched.record, cache: cache,
                                                               engine: engineLoad.value), cache)
                        }
                        let cache = ArtworkCache.open(at: cachePath, index: earlyIndex?.value ?? ArtworkCache.readIndex(at: cachePath))
                        return (try await ArtworkStage.run(artworkPlans, into: staging, record: record, cache: cache, engine: engineLoad.value), cache)
                    }
                    : nil
                func artworkSettled() async { _ = try? await artworkTask?.value }
                // Static maps are compiled as of `--at`; without it, as of the start of the
                // current window (nothing changes between transitions), so that builds stay
                // byte-identical until `next-transition`.
                let mapsAsOf = request.at ?? Instant(seconds: transitions.value.previous ?? 0)
                let tableFiles = Task { await TableStage.run(table, compact: compact?.bytes, json: splicedJSON, madeJSON: madeJSON, into: staging) }
                let emitted = Task {
                    released.release()
                    // In a large portfolio the `.qrt` is written here, after lint, and its writer
                    // holds some 500 MB at a million codes: the emitters wait for it, or its peak
                    // meets theirs (peak RSS 3.6 or 4.1 GB from run to run, over the 4 GB floor).
                    if large { _ = await tableFiles.value }
                    return await ServerMapStage.run(table, policies: policies, codeIDs: codeIDs, at: mapsAsOf, into: staging)
                }
                switch await tableFiles.value {
                case .success(let files):
                    outputs += files
                case .failure(let failure):
                    _ = await emitted.value
                    await artworkSettled()
                    switch failure {
                    case .table(let error): stageDiagnostics.append(BuildRule.tableUnwritable(String(describing: error)))
                    case .file(let error): throw error
                    }
                    throw StageFailed()
                }
                clock.end("redirect-table")
                let maps = await emitted.value
                stageDiagnostics += maps.diagnostics
                if maps.writeError != nil || maps.diagnostics.fails(strict: request.strict) { await artworkSettled() }
                if let error = maps.writeError { throw error }
                if maps.diagnostics.fails(strict: request.strict) { throw StageFailed() }
                outputs += maps.files
                serverMaps = maps.targets
                clock.end("server-maps")
                if let artworkTask {
                    (staged, cache) = try await artworkTask.value
                    stageDiagnostics += staged.diagnostics
                    if staged.diagnostics.fails(strict: request.strict) { throw StageFailed() }
                }
                clock.end("artwork")
                // A patched folder's entries: its old ones, around those removed, and the new ones.
                let patchedEntries = patched.map { $0.entries(adding: staged.files) }
                var manifest = BuildManifest(
                    toolVersion: request.toolVersion, at: request.at, inputDigest: source.inputDigest,
                    inputFiles: source.fileDigests.count, codesByStatus: plan.codesByStatus,
                    artworkCodes: unchanged?.codes ?? patched.map { $0.base.codes - $0.patch.removedCodes + staged.codes } ?? staged.codes,
                    files: outputs + (patched == nil ? staged.files.map { BuildManifest.File(path: $0.path, digest: $0.digest, size: $0.size) } : []))
                manifest.listedArtwork = listed.map { BuildManifest.ListedArtwork(count: $0.artwork.files, length: $0.artwork.entries.count) }
                    ?? patchedEntries.map { BuildManifest.ListedArtwork(count: $0.count, length: ListedArtworkEntries.length(of: $0.pieces)) }
                manifest.serverMaps = serverMaps
                manifest.redirectTable = BuildManifest.RedirectTableInfo(codes: table.codes.count, domains: table.domains.count)
                manifest.nextTransition = transitions.value.next.map(Instant.init(seconds:))
                try staging.write(readme, to: BuildTarget.readmeName)
                let layout = manifest.layout()
                let manifestPath = staging.absolute(BuildTarget.manifestName)
                if let at = layout.listedAt, listed != nil || patchedEntries != nil {
                    // The staging folder's own entries, copied from its manifest (open before
                    // this one replaces it) into the new one; patched, when the plan was.
                    try staging.stream(to: BuildTarget.manifestName) { sink in
                        try layout.bytes.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[..<at])) }
                        if let listed {
                            try FileOps.copy(listed.artwork.entries, of: listed.manifest, path: manifestPath, to: sink)
                        } else if let patched, let patchedEntries {
                            try patched.listing.write(patchedEntries.pieces, path: manifestPath, to: sink)
                        }
                        try layout.bytes.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[at...])) }
                    }
                } else {
                    try staging.write(layout.bytes, to: BuildTarget.manifestName)
                }
                if request.artwork {
                    seal = StagingRecord.seal(of: staging.fd)
                    // The plan is known to be in full in `artwork/` when it was already, or when
                    // every file of it was placed without a finding.
                    let complete = unchanged.map { ($0.codes, $0.files) }
                        ?? (staged.diagnostics.isEmpty ? (manifest.artworkCodes, patchedEntries?.count ?? staged.files.count) : nil)
                    if let digest, let complete {
                        sealedArtwork = StagingSeals.Artwork(planDigest: digest, codes: complete.0, files: complete.1,
                                                             entries: layout.artworkEntries ?? 0..<0)
                    }
                }
                await indexSaving?.value
                clock.end("manifest")
            } committed: { parentFD in
                // Under the build lock, so that concurrent builds do not lose each other's seals.
                if let seal, StagingRecord.isSettled(seal, parentFD: parentFD) {
                    StagingSeals.record(seal, artwork: sealedArtwork, at: cachePath, alone: request.verifyArtwork)
                }
            }
            clock.end("commit")
        } catch is PlanUnreadable {
            await saving.value
            return try await run(request.withoutProductCacheRecords())
        } catch is StageFailed {
            // Nothing was swapped in; the staging folder is left for the next build. Artwork
            // cache entries are only recorded once their files are durable, in a committed build.
            diagnostics = (diagnostics + stageDiagnostics).sorted(by: Diagnostic.reportOrder)
            return await failed()
        } catch {
            await saving.value
            throw error
        }
        diagnostics = (diagnostics + stageDiagnostics).sorted(by: Diagnostic.reportOrder)
        // A patch used only the files it made: the rest of the cache is as it was.
        if patched != nil { cache?.append(staged.added) } else { cache?.save(used: staged.used, added: staged.added) }
        await saving.value
        clock.end("cache")
        let keptByPatch = patched.map { $0.base.files - $0.removed.count } ?? 0
        let artworkFiles = unchanged?.files ?? keptByPatch + staged.files.count
        var summary = Summary(
            out: target.path, swap: swap, codes: codeCount, printedCodes: plan.printedCodes,
            artworkFiles: artworkFiles, rendered: staged.rendered, reused: unchanged?.files ?? keptByPatch + staged.reused, stagingSealed: sealed,
            artworkUnchanged: unchanged != nil, files: outputs.count + artworkFiles + 2, timings: clock.phases)
        summary.artworkPatched = patched != nil
        summary.tableCodesFromMemo = compact?.reusedCodes ?? 0
        return Result(diagnostics: diagnostics, filesChecked: lint.filesChecked, summary: summary, workingSet: (lint, plan, table, products))
    }

    /// What became of the joined plan in lint's `alongside`.
    enum PlanStatus: Sendable {
        /// With the plan's index when it was asked for and every file's plan is clean.
        case joined(BuildPlanner.Plan, index: ArtworkPlanIndex?)
        /// Not made: a sealed staging folder holds a plan with this one's digest, and no file's
        /// plan has a finding (`BuildPlanner.summarized` stands in for it).
        case deferred
        /// Not made: the sealed staging folder holds a plan that this one differs from in a few
        /// files, and no file's plan has a finding (`BuildPlanner.summarized` stands in for it).
        case patched(ArtworkPatch)
        /// A file's plan, from the build cache, did not read.
        case unreadable
    }

    /// The files' plans decoded (in parallel) and joined; with `indexing` (the files' paths,
    /// the engine and the plan's digest), also the plan's index.
    static func joined(_ files: [PlannedFile], indexing: (paths: [String], engine: ArtworkEngine, digest: SHA256.Digest)? = nil)
        async -> PlanStatus
    {
        let indexing = indexing.flatMap { $0.paths.count == files.count ? $0 : nil }
        let plans = await ParallelMap.map(count: files.count, chunk: 16) { position -> (BuildPlanner.FilePlan, ArtworkPlanIndex.File?)? in
            guard let plan = files[position].plan() else { return nil }
            let file = indexing.flatMap {
                ArtworkPlanIndex.file(path: $0.paths[position], digest: files[position].summary.digest, plan: plan, engine: $0.engine)?.file
            }
            return (plan, file)
        }
        var decoded: [BuildPlanner.FilePlan] = []
        var indexFiles: [ArtworkPlanIndex.File]? = indexing == nil ? nil : []
        decoded.reserveCapacity(plans.count)
        indexFiles?.reserveCapacity(plans.count)
        for plan in plans {
            guard let (plan, file) = plan else { return .unreadable }
            decoded.append(plan)
            if let file { indexFiles?.append(file) } else { indexFiles = nil }
        }
        var index: ArtworkPlanIndex?
        if let indexing, let indexFiles {
            index = ArtworkPlanIndex(planDigest: indexing.digest, engineDigest: ArtworkPlanIndex.engineDigest(indexing.engine), files: indexFiles)
        }
        return .joined(BuildPlanner.plan(decoded), index: index)
    }

    /// `sealedArtwork`, when the plan the folder holds is the one with `planDigest`.
    static func unchangedArtwork(in staging: StagingFolder, seals: [StagingRecord.Seal: StagingSeals.Artwork?], planDigest: SHA256.Digest?)
        -> (artwork: StagingSeals.Artwork, manifest: OpenFile)?
    {
        guard let planDigest, let sealed = sealedArtwork(in: staging, seals: seals), sealed.artwork.planDigest == planDigest else { return nil }
        return sealed
    }

    /// The staging folder's artwork when it is sealed (`seals`) as holding a plan in full: what
    /// its seal says, and its manifest, open (its artwork entries, `artwork.entries`, start and
    /// end as entries do).
    static func sealedArtwork(in staging: StagingFolder, seals: [StagingRecord.Seal: StagingSeals.Artwork?])
        -> (artwork: StagingSeals.Artwork, manifest: OpenFile)?
    {
        guard !seals.isEmpty, let seal = StagingRecord.seal(of: staging.fd), let known = seals[seal] ?? nil,
              let manifest = OpenFile(BuildTarget.manifestName, in: staging.fd, size: seal.manifest.size)
        else { return nil }
        guard known.files > 0 else { return (known, manifest) }
        let (open, close) = (FileLayout.open, FileLayout.close)
        guard known.entries.count >= open.count + close.count,
              manifest.read(known.entries.lowerBound..<known.entries.lowerBound + open.count) == open,
              manifest.read(known.entries.upperBound - close.count..<known.entries.upperBound) == close
        else { return nil }
        return (known, manifest)
    }

    /// The codes, held until the server maps' task releases them (beside the table's files,
    /// before the emitters start) and hands the freed pages back to the system.
    private final class CodesToRelease: Sendable {
        let codes = Mutex<[Code]>([])

        func release() {
            let held = codes.withLock { codes in
                defer { codes = [] }
                return !codes.isEmpty
            }
            if held { SystemCalls.returnFreeMemory() }
        }
    }

    /// Times consecutive phases.
    struct PhaseClock {
        private var last = ContinuousClock.now
        private(set) var phases: [(phase: String, seconds: Double)] = []

        mutating func end(_ phase: String) {
            let now = ContinuousClock.now
            let elapsed = last.duration(to: now).components
            phases.append((phase, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
            last = now
        }
    }

    /// The plan, the table, a server or edge target, or rendering reported errors: stop
    /// before the swap (the staging folder is left for the next build).
    private struct StageFailed: Error {}

    /// A file's plan from the build cache did not read: nothing was swapped in, and the build
    /// runs again with that cache emptied.
    private struct PlanUnreadable: Error {}
}

import Catalog
import Diagnostics
import Rules
import YAMLTree

/// `qrops lint` from files to diagnostics: list and read the repository (the I/O edge), then
/// parse, decode and check (pure), code files in parallel across cores.
public enum LintPipeline {
    public struct Result: Sendable {
        /// Deduplicated, in report order.
        public var diagnostics: [Diagnostic]
        public var filesChecked: Int
        /// With a cache, `catalog.codes` is empty when the whole-catalog findings came from it
        /// (`FileCheckCache.catalogKey`); `codes()` decodes them then.
        public var catalog: Catalog
        /// How many codes the code files hold.
        public var codeCount: Int
        /// Each code file's identities, in file order, when `catalog.codes` does not hold them
        /// (empty otherwise: a build with server maps lets go of the codes it holds, a gigabyte
        /// at a million codes, and nothing else may keep them).
        var files: [FileIdentities] = []

        /// The catalog's codes: `catalog.codes`, or when the whole-catalog checks did not need
        /// them, the files' identities decoded (what does not read is left out).
        public func codes() -> [Code] {
            guard catalog.codes.count != codeCount else { return catalog.codes }
            return files.flatMap { $0.codes() ?? [] }
        }
    }

    /// What a check cache hit stands in for.
    public enum CacheHit: Sendable {
        /// The file is neither parsed nor checked: its codes are identities (`Code.identity`),
        /// good for the whole-catalog checks only (`qrops lint`).
        case identities
        /// The file is parsed and decoded (its codes are whole) but not checked: its findings
        /// come from the cache (`qrops build`, whose table and artwork plan need every field).
        case findings
    }

    /// What the catalog keeps of each code once its file's code-scoped rules have run.
    public enum Retention: Sendable {
        /// Every field (`qrops diff`, `resolve` and `codeowners` read them).
        case everything
        /// What the whole-catalog checks, the redirect table and the artwork plan read
        /// (`Code.forgetDescriptiveFields`): `qrops lint` and `qrops build`, whose findings are
        /// the same either way, hold a million codes in well under 4 GB this way.
        case routing
    }

    /// With a `cache`, code files whose check is in it are neither parsed nor checked: their
    /// findings come from the cache and their codes are identities only (`Code.identity`), so
    /// `Result.catalog` is then good for the whole-catalog checks and nothing else.
    public static func run(root: String, now: Instant, engine: RuleEngine = RuleEngine(), retention: Retention = .everything,
                           cache: FileCheckCache? = nil) async -> Result {
        await run(DiskRepository(root: root), now: now, engine: engine, retention: retention, cache: cache)
    }

    /// `reusing` maps code files to codes already decoded from identical inputs (the same bytes
    /// under the same `_defaults.yaml` chain, as `qrops diff` knows from git blob ids): those
    /// files are neither read nor parsed, and their codes are not checked again.
    public static func run(_ source: some RepositorySource, now: Instant, engine: RuleEngine = RuleEngine(),
                           reusing: [String: [Code]] = [:], retention: Retention = .everything, cache: FileCheckCache? = nil) async -> Result {
        await run(source, now: now, engine: engine, reusing: reusing, retention: retention, cache: cache,
                  perFile: { _, _ in }, alongside: { _, _, _ in }).result
    }

    /// The same, with the caller's own work: `perFile` on each code file's codes, in the
    /// parallel pass right after their checks, and `alongside` on the catalog and those results
    /// (in file order) while the whole-catalog checks run. `qrops build` compiles its redirect
    /// table this way (entries per file, then merged) and plans its artwork, to be used only if
    /// lint finds no errors. With a `workCache` beside the check `cache`, a file whose check and
    /// `perFile` work are both found there is not parsed at all (its codes are identities), and
    /// every `perFile` on whole codes is kept there.
    public static func run<FileWork: Sendable, Extra: Sendable>(
        _ source: some RepositorySource, now: Instant, engine: RuleEngine = RuleEngine(),
        reusing: [String: [Code]] = [:], retention: Retention = .everything, cache: FileCheckCache? = nil,
        cacheHit: CacheHit = .identities, workCache: FileWorkCache<FileWork>? = nil,
        perFile: @escaping @Sendable (ArraySlice<Code>, Policies) -> FileWork,
        alongside: @escaping @Sendable (Catalog, [FileWork], [SHA256.Digest?]) async -> Extra
    ) async -> (result: Result, extra: Extra) {
        let listing = source.list()
        var files = FileTable()
        var diagnostics = listing.diagnostics
        let policyIDs = listing.policies.map { files.add($0) }
        let defaultsIDs = listing.defaults.map { files.add($0) }
        let codeIDs = listing.codes.map { files.add($0) }
        let table = files

        // Policies and folder defaults first: every code file needs them.
        let headPaths = listing.policies + listing.defaults
        let headIDs = policyIDs + defaultsIDs
        let head = await ParallelMap.map(count: headPaths.count, chunk: 1) { index in
            load(source, path: headPaths[index], fileID: headIDs[index], digest: cache != nil)
        }
        var policyDocuments: [YAMLDocument] = []
        var defaultsByFolder: [String: YAMLNode] = [:]
        for (index, (loaded, _)) in head.enumerated() {
            diagnostics += loaded.diagnostics
            guard let document = loaded.document else { continue }
            if index < listing.policies.count {
                policyDocuments.append(document)
            } else {
                diagnostics += CodeFileDecoder.checkDefaults(document, files: table)
                if let root = document.root, root.entries != nil { defaultsByFolder[folder(of: document.path)] = root }
            }
        }
        let (policies, policyDiagnostics) = PolicyDecoder.decode(policyDocuments, files: table)
        diagnostics += policyDiagnostics
        let context = RuleContext(policies: policies, now: now)

        // Each folder's inherited defaults: nearest folder wins.
        var chains: [String: YAMLNode] = [:]
        func chain(_ folder: String) -> YAMLNode? {
            if let cached = chains[folder] { return cached }
            let parent = folder.contains("/") ? chain(self.folder(of: folder)) : nil
            let merged = CodeFileDecoder.merged(defaultsByFolder[folder], over: parent)
            if let merged { chains[folder] = merged }
            return merged
        }
        var inheritedByFile: [YAMLNode?] = []
        inheritedByFile.reserveCapacity(listing.codes.count)
        for path in listing.codes { inheritedByFile.append(chain(folder(of: path))) }
        let inherited = inheritedByFile
        let codePaths = listing.codes
        let cacheKeys = cache.map { keyContexts($0, codes: codePaths, policies: listing.policies, defaults: listing.defaults, head: head.map(\.digest)) }

        // Code files: read, parse, decode and check per file, in parallel. With the cache, each
        // file's identities come with their digest (and, from the cache, stay encoded).
        let checked = await ParallelMap.map(count: codePaths.count, chunk: 4) { index -> (FileIdentities, [Diagnostic], FileWork, SHA256.Digest?) in
            let path = codePaths[index]
            if let codes = reusing[path] { return (FileIdentities(codes: codes), [], perFile(codes[...], policies), nil) }
            let bytes: [UInt8]
            var key: SHA256.Digest?
            if let context = cacheKeys?[index] {
                switch source.readDigested(path) {
                case .failure(let diagnostic): return (FileIdentities(codes: []), [diagnostic], perFile([], policies), nil)
                case .success(let read):
                    bytes = read.bytes
                    key = FileCheckCache.key(context: context, path: path, digest: read.digest)
                }
            } else {
                switch source.read(path) {
                case .failure(let diagnostic): return (FileIdentities(codes: []), [diagnostic], perFile([], policies), nil)
                case .success(let read): bytes = read
                }
            }
            var cachedFindings: [Diagnostic]?
            var cachedDigest: SHA256.Digest?
            if let cache, let key, let record = cache.record(for: key, at: now) {
                // Check and work both known: the file is not even parsed.
                if let workCache, let work = workCache.lookUp(key) { return (record.identities, record.diagnostics, work, key) }
                if cacheHit == .identities, workCache == nil {
                    // `qrops lint`, whose `perFile` does nothing: the identities stay encoded.
                    if let nothing = () as? FileWork { return (record.identities, record.diagnostics, nothing, key) }
                    if let codes = record.identities.codes() {
                        return (FileIdentities(codes: codes, digest: record.identities.digest), record.diagnostics, perFile(codes[...], policies), key)
                    }
                } else {
                    cachedFindings = record.diagnostics
                    cachedDigest = record.identities.digest
                }
            }
            /// `perFile` on whole codes, kept for the next run.
            func work(_ codes: [Code]) -> FileWork {
                let work = perFile(codes[...], policies)
                if let workCache, let key { workCache.store(work, key) }
                return work
            }
            let loaded = YAMLLoader.load(bytes, path: path, fileID: codeIDs[index])
            guard let document = loaded.document else {
                let identities = key == nil ? FileIdentities(codes: []) : FileIdentities(digesting: [])
                if cachedFindings == nil, let cache, let key {
                    cache.store(FileCheckRecord(window: .always, diagnostics: loaded.diagnostics, identities: identities), for: key)
                }
                return (identities, loaded.diagnostics, perFile([], policies), key)
            }
            let (codes, decodeDiagnostics) = CodeFileDecoder.decode(document, inherited: inherited[index], files: table)
            if let cachedFindings {
                if retention == .routing { for code in codes { code.forgetDescriptiveFields() } }
                return (FileIdentities(codes: codes, digest: cachedDigest), cachedFindings, work(codes), key)
            }
            let dependence = key == nil ? nil : NowDependence()
            let findings = engine.checkCodes(codes[...], context: dependence.map { context.recordingNow(into: $0) } ?? context)
            let diagnostics = loaded.diagnostics + decodeDiagnostics + findings
            let identities = key == nil ? FileIdentities(codes: codes) : FileIdentities(digesting: codes)
            if let cache, let key, let dependence {
                cache.store(FileCheckRecord(window: dependence.current, diagnostics: diagnostics, identities: identities), for: key)
            }
            if retention == .routing { for code in codes { code.forgetDescriptiveFields() } }
            // Without the encoding, now in the record: at a million codes it would be 100+ MB.
            return (FileIdentities(codes: codes, digest: identities.digest), diagnostics, work(codes), key)
        }
        var fileCodes: [FileIdentities] = []
        var work: [FileWork] = []
        var workKeys: [SHA256.Digest?] = []
        fileCodes.reserveCapacity(checked.count)
        work.reserveCapacity(checked.count)
        workKeys.reserveCapacity(checked.count)
        for (fileIdentities, fileDiagnostics, fileWork, key) in checked {
            fileCodes.append(fileIdentities)
            diagnostics += fileDiagnostics
            work.append(fileWork)
            workKeys.append(key)
        }
        let codeCount = fileCodes.reduce(0) { $0 + $1.count }
        // The whole-catalog checks' findings, from the cache when every file's identities are
        // those of a run that kept them (`FileCheckCache.catalogKey`): then no identity is decoded.
        let catalogKey = cache.flatMap { cache -> SHA256.Digest? in
            guard reusing.isEmpty, head.count >= policyIDs.count else { return nil }
            var policyFiles: [(path: String, digest: SHA256.Digest)] = []
            for (path, loaded) in zip(listing.policies, head) {
                guard let digest = loaded.digest else { return nil }
                policyFiles.append((path, digest))
            }
            var keyed: [(path: String, identities: SHA256.Digest)] = []
            keyed.reserveCapacity(fileCodes.count)
            for (path, file) in zip(codePaths, fileCodes) {
                guard let digest = file.digest else { return nil }
                keyed.append((path, digest))
            }
            return FileCheckCache.catalogKey(context: cache.context(policyFiles), files: keyed)
        }
        let known = catalogKey.flatMap { key in cache?.record(for: key, at: now, countingMiss: false) }
        var codes: [Code] = []
        if known == nil {
            codes.reserveCapacity(codeCount)
            let decoded = await ParallelMap.map(count: fileCodes.count, chunk: 16) { [fileCodes] in fileCodes[$0].codes() }
            for codesOfFile in decoded {
                // A cached record whose identities do not read (only a faulty run could write
                // one): the same run without the cache.
                guard let codesOfFile else {
                    return await run(source, now: now, engine: engine, reusing: reusing, retention: retention, cache: nil, cacheHit: cacheHit,
                                     workCache: nil, perFile: perFile, alongside: alongside)
                }
                codes += codesOfFile
            }
        }
        let catalog = Catalog(codes: codes, policies: policies, files: table)
        // The two whole-catalog passes, and the caller's work, are independent. The caller's
        // is started first: in `qrops build` it is the longest (the whole-catalog checks take
        // the other cores meanwhile).
        let fileWork = work, fileKeys = workKeys
        async let extra = alongside(catalog, fileWork, fileKeys)
        if let known {
            diagnostics += known.diagnostics
        } else {
            let dependence = NowDependence()
            async let identity = IdentityChecks.check(codes, policies: policies)
            async let catalogFindings = engine.checkCatalog(catalog, context: context.recordingNow(into: dependence))
            let found = await identity + catalogFindings
            diagnostics += found
            if let cache, let catalogKey {
                cache.store(FileCheckRecord(window: dependence.current, diagnostics: found, identities: FileIdentities(digesting: [])),
                            for: catalogKey)
            }
        }

        return (Result(diagnostics: deduplicated(diagnostics), filesChecked: table.paths.count, catalog: catalog, codeCount: codeCount,
                       files: known == nil ? [] : fileCodes), await extra)
    }

    /// A policy or defaults file, loaded, with the digest of its bytes when asked for (the
    /// check cache's keys need it; an unreadable file has none).
    static func load(_ source: some RepositorySource, path: String, fileID: Int32, digest: Bool) -> (result: YAMLLoader.Result, digest: SHA256.Digest?) {
        guard digest else {
            switch source.read(path) {
            case .failure(let diagnostic): return (YAMLLoader.Result(document: nil, diagnostics: [diagnostic]), nil)
            case .success(let bytes): return (YAMLLoader.load(bytes, path: path, fileID: fileID), nil)
            }
        }
        switch source.readDigested(path) {
        case .failure(let diagnostic): return (YAMLLoader.Result(document: nil, diagnostics: [diagnostic]), nil)
        case .success(let read): return (YAMLLoader.load(read.bytes, path: path, fileID: fileID), read.digest)
        }
    }

    /// For each code file, the check cache's key context: the policy files, then the
    /// `_defaults.yaml` files of its folder and the folders above it (nil, no caching, when one of
    /// those could not be read). `head` holds the digests of `policies` then `defaults`.
    static func keyContexts(_ cache: FileCheckCache, codes: [String], policies: [String], defaults: [String],
                            head: [SHA256.Digest?]) -> [SHA256?] {
        let heads = policies + defaults
        var byFolder: [String: SHA256?] = [:]
        return codes.map { path in
            let folder = folder(of: path)
            if let known = byFolder[folder] { return known }
            var files: [(path: String, digest: SHA256.Digest)] = []
            var readable = true
            for (index, headPath) in heads.enumerated() {
                if index >= policies.count {
                    let owner = self.folder(of: headPath)
                    guard folder == owner || folder.hasPrefix(owner + "/") else { continue }
                }
                guard index < head.count, let digest = head[index] else {
                    readable = false
                    break
                }
                files.append((headPath, digest))
            }
            let context = readable ? cache.context(files) : nil
            byFolder[folder] = context
            return context
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Defaults shared by many codes report the same problem once per code: keep one.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        for diagnostic in diagnostics where seen.insert(diagnostic).inserted { result.append(diagnostic) }
        return result.sorted(by: Diagnostic.reportOrder)
    }
}

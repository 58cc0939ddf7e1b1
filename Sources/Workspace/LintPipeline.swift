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
        public var catalog: Catalog
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
                  perFile: { _, _ in }, alongside: { _, _ in }).result
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
        alongside: @escaping @Sendable (Catalog, [FileWork]) async -> Extra
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

        // Code files: read, parse, decode and check per file, in parallel.
        let checked = await ParallelMap.map(count: codePaths.count, chunk: 4) { index -> ([Code], [Diagnostic], FileWork) in
            let path = codePaths[index]
            if let codes = reusing[path] { return (codes, [], perFile(codes[...], policies)) }
            let bytes: [UInt8]
            var key: SHA256.Digest?
            if let context = cacheKeys?[index] {
                switch source.readDigested(path) {
                case .failure(let diagnostic): return ([], [diagnostic], perFile([], policies))
                case .success(let read):
                    bytes = read.bytes
                    key = FileCheckCache.key(context: context, path: path, digest: read.digest)
                }
            } else {
                switch source.read(path) {
                case .failure(let diagnostic): return ([], [diagnostic], perFile([], policies))
                case .success(let read): bytes = read
                }
            }
            var cachedFindings: [Diagnostic]?
            if let cache, let key, let record = cache.record(for: key, at: now) {
                // Check and work both known: the file is not even parsed.
                if let workCache, let work = workCache.lookUp(key) { return (record.codes, record.diagnostics, work) }
                guard cacheHit == .findings || workCache != nil else {
                    return (record.codes, record.diagnostics, perFile(record.codes[...], policies))
                }
                cachedFindings = record.diagnostics
            }
            /// `perFile` on whole codes, kept for the next run.
            func work(_ codes: [Code]) -> FileWork {
                let work = perFile(codes[...], policies)
                if let workCache, let key { workCache.store(work, key) }
                return work
            }
            let loaded = YAMLLoader.load(bytes, path: path, fileID: codeIDs[index])
            guard let document = loaded.document else {
                if cachedFindings == nil, let cache, let key {
                    cache.store(FileCheckRecord(window: .always, diagnostics: loaded.diagnostics, codes: []), for: key)
                }
                return ([], loaded.diagnostics, perFile([], policies))
            }
            let (codes, decodeDiagnostics) = CodeFileDecoder.decode(document, inherited: inherited[index], files: table)
            if let cachedFindings {
                if retention == .routing { for code in codes { code.forgetDescriptiveFields() } }
                return (codes, cachedFindings, work(codes))
            }
            let dependence = key == nil ? nil : NowDependence()
            let findings = engine.checkCodes(codes[...], context: dependence.map { context.recordingNow(into: $0) } ?? context)
            let diagnostics = loaded.diagnostics + decodeDiagnostics + findings
            if let cache, let key, let dependence {
                cache.store(FileCheckRecord(window: dependence.current, diagnostics: diagnostics, codes: codes), for: key)
            }
            if retention == .routing { for code in codes { code.forgetDescriptiveFields() } }
            return (codes, diagnostics, work(codes))
        }
        var codes: [Code] = []
        var work: [FileWork] = []
        work.reserveCapacity(checked.count)
        for (fileCodes, fileDiagnostics, fileWork) in checked {
            codes += fileCodes
            diagnostics += fileDiagnostics
            work.append(fileWork)
        }
        let catalog = Catalog(codes: codes, policies: policies, files: table)
        // The two whole-catalog passes, and the caller's work, are independent.
        async let identity = IdentityChecks.check(codes, policies: policies)
        async let catalogFindings = engine.checkCatalog(catalog, context: context)
        let fileWork = work
        async let extra = alongside(catalog, fileWork)
        diagnostics += await identity
        diagnostics += await catalogFindings

        return (Result(diagnostics: deduplicated(diagnostics), filesChecked: table.paths.count, catalog: catalog), await extra)
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

import Catalog
import Diagnostics
import Rules
import Workspace

/// The pull request's portfolio (the working tree) next to its base (a commit), both compiled,
/// with the findings of the rules that compare them. What `qrops lint --base` and `qrops diff`
/// work from.
public struct BaseComparison: Sendable {
    /// The ref as the user gave it (`origin/main`) and the commit it names.
    public var ref: String
    public var commit: String
    /// The working tree, linted with the engine the caller chose.
    public var head: LintPipeline.Result
    /// The base's catalog (its own reading problems are in `baseProblems`).
    public var base: Catalog
    public var context: BaseContext
    /// Findings of the base rules, configured by the pull request's policies, in report order.
    public var findings: [Diagnostic]
    /// Problems reading the base itself, located at `REF:path`. Not the pull request's fault.
    public var baseProblems: [Diagnostic]
    /// Files under `codes/` and `policies/` with uncommitted changes (they are part of the head).
    public var uncommitted: [String]
    /// Code files of the base taken from the working tree's decoding (identical blob, identical
    /// `_defaults.yaml` chain) and code files read from git and parsed.
    public var reusedFiles: Int
    public var parsedFiles: Int
    /// The base's text of the files that were read from git, for code frames of notes.
    public var baseTexts: [String: [UInt8]]

    /// The head's diagnostics plus the base rules' findings, deduplicated, in report order.
    public var diagnostics: [Diagnostic] {
        Array(Set(head.diagnostics + findings)).sorted(by: Diagnostic.reportOrder)
    }
}

/// Builds a `BaseComparison`: resolve the base, lint the working tree while recording each
/// file's git blob id, then compile the base from git objects, reusing every code file whose
/// blob and `_defaults.yaml` chain are unchanged, and reading the rest with one
/// `git cat-file --batch`.
public enum BaseComparisonPipeline {
    public static let folders = ["codes", "policies"]

    /// `headEngine` lints the working tree (`RuleEngine()` for `lint --base`; no policy rules for
    /// `diff`, which reports only reading errors and the base rules).
    public static func run(root: String, ref: String, now: Instant, headEngine: RuleEngine) async throws(GitError) -> BaseComparison {
        let repository = try GitRepository.open(root)
        let commit = try repository.resolveCommit(ref)
        let baseEntries = try repository.listTree(commit: commit, folders: folders)
        let uncommitted = try repository.uncommittedChanges(folders: folders)

        let recorder = BlobIDRecordingSource(DiskRepository(root: root), format: repository.objectFormat)
        let head = await LintPipeline.run(recorder, now: now, engine: headEngine)
        let headIDs = recorder.blobIDs

        var baseIDs: [String: String] = [:]
        for entry in baseEntries where entry.kind == .file { baseIDs[entry.path] = entry.object }
        let listing = RepositoryListing(paths: baseEntries.map(\.path), hasPolicies: true, hasCodes: true)
        var headCodes: [String: [Code]] = [:]
        for code in head.catalog.codes { headCodes[code.file, default: []].append(code) }
        var chains: [String: Bool] = [:]
        var reuse: [String: [Code]] = [:]
        for path in listing.codes {
            guard let id = baseIDs[path], headIDs[path] == id,
                  sameDefaults(folder(of: path), base: baseIDs, head: headIDs, cache: &chains) else { continue }
            reuse[path] = headCodes[path] ?? []
        }
        let needed = Set(listing.policies + listing.defaults + listing.codes.filter { reuse[$0] == nil })
        let source = try GitTreeSource(repository: repository, commit: commit, ref: ref, entries: baseEntries) { needed.contains($0.path) }
        let base = await LintPipeline.run(source, now: now, engine: RuleEngine(rules: []), reusing: reuse)

        let context = BaseContext(base: base.catalog, head: head.catalog, ref: ref, incompleteHeadFiles: incompleteFiles(head.diagnostics))
        let engine = RuleEngine(rules: RuleRegistry.baseRules)
        let findings = engine.checkAgainstBase(context, head: head.catalog, context: RuleContext(policies: head.catalog.policies, now: now))
        var texts: [String: [UInt8]] = [:]
        for path in needed { if case .success(let bytes) = source.read(path) { texts[path] = bytes } }
        return BaseComparison(
            ref: ref, commit: commit, head: head, base: base.catalog, context: context,
            findings: findings.sorted(by: Diagnostic.reportOrder),
            baseProblems: base.diagnostics.filter { $0.severity == .error }.map { relocated($0, ref: ref) },
            uncommitted: uncommitted, reusedFiles: reuse.count, parsedFiles: listing.codes.count - reuse.count,
            baseTexts: texts)
    }

    /// Whether every `_defaults.yaml` (or `.yml`) from `folder` up to `codes/` is the same blob on
    /// both sides (or absent on both).
    static func sameDefaults(_ folder: String, base: [String: String], head: [String: String], cache: inout [String: Bool]) -> Bool {
        if let known = cache[folder] { return known }
        var same = true
        for name in ["/_defaults.yaml", "/_defaults.yml"] where base[folder + name] != head[folder + name] { same = false }
        if same, folder.contains("/") { same = sameDefaults(Self.folder(of: folder), base: base, head: head, cache: &cache) }
        cache[folder] = same
        return same
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Files whose codes may be missing or partial because reading or decoding failed there.
    static func incompleteFiles(_ diagnostics: [Diagnostic]) -> Set<String> {
        let identity: Set<String> = [SchemaRule.duplicateID, SchemaRule.duplicateSlug]
        let builtin = Set(BuiltinChecks.descriptors.map(\.id)).subtracting(identity)
        return Set(diagnostics.filter { $0.severity == .error && builtin.contains($0.ruleID) }.map(\.location.file))
    }

    static func relocated(_ diagnostic: Diagnostic, ref: String) -> Diagnostic {
        var copy = diagnostic
        let prefix = ref + ":"
        guard !copy.location.file.hasPrefix(prefix) else { return copy }
        copy.location.file = prefix + copy.location.file
        copy.notes = copy.notes.map { note in
            var note = note
            if var location = note.location {
                location.file = ref + ":" + location.file
                note.location = location
            }
            return note
        }
        return copy
    }
}

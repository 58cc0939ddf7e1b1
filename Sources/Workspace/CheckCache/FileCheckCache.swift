import Catalog
import Rules

/// The check cache (`.qrops-cache/checks/files`, docs/lint-cache.md): for each code file
/// checked, what checking it gave (`FileCheckRecord`), under a key made from its content and
/// everything its findings depend on: its path and bytes, the bytes of every policy file and of
/// the `_defaults.yaml` files above it, the rules, and the checker itself (`tool`, a digest of
/// the running executable). A file whose key is known, checked at an instant inside the
/// record's window, is neither parsed nor checked again.
///
/// The file is one `KeyedPack`: a log of records, each checked against its digest when it is
/// looked up; a save appends what the run made and rewrites the log with what it used once the
/// log has grown (so files that are gone drop out); damage is a miss, never a wrong record.
public final class FileCheckCache: Sendable {
    public static let fileName = "files"
    /// Where `qrops lint` keeps it, relative to the repository.
    public static let folderInRepository = ".qrops-cache/checks"
    static let magic = Array("QRCHECK3".utf8)

    public var folder: String { pack.folder }
    /// The digest every key starts from: the format, the checker and the rules (worked out on
    /// another thread: hashing the executable takes a few tens of milliseconds, which the run
    /// spends listing and reading the policies meanwhile).
    private let base: Background<SHA256>
    private let pack: KeyedPack

    /// Opens the cache in `folder` (created when it is saved). `tool` identifies the checker
    /// (`ToolIdentity`): when it changes, every key does.
    /// `compactionSlack`: see `KeyedPack` (tests make it small).
    public convenience init(folder: String, tool: String, rules: [String], compactionSlack: Int = defaultCompactionSlack) {
        self.init(folder: folder, base: Background { Self.base(tool: tool, rules: rules) }, compactionSlack: compactionSlack)
    }

    private init(folder: String, base: Background<SHA256>, compactionSlack: Int) {
        self.base = base
        pack = KeyedPack(folder: folder, fileName: Self.fileName, magic: Self.magic, compactionSlack: compactionSlack)
    }

    static func base(tool: String, rules: [String]) -> SHA256 {
        var base = SHA256()
        base.update("qrops check cache \(FileCheckRecord.version)\u{0}\(tool)\u{0}")
        for rule in rules { base.update(rule + "\u{0}") }
        return base
    }

    /// The cache `qrops lint` and `qrops build` share in `REPO/.qrops-cache/checks`, for the
    /// running executable and `engine`'s rules; nil when the executable cannot be opened. (Should
    /// it fail while being read, the keys start from a random identity: nothing is found, and
    /// what is saved is never found either, until it is compacted away.)
    public static func forRepository(_ root: String, engine: RuleEngine) -> FileCheckCache? {
        guard ToolIdentity.canReadRunningExecutable() else { return nil }
        let rules = engine.rules.map { type(of: $0).description.id }
        return FileCheckCache(
            folder: root + "/" + folderInRepository,
            base: Background { base(tool: ToolIdentity.ofRunningExecutable() ?? "unread \(UInt64.random(in: 0...UInt64.max))", rules: rules) },
            compactionSlack: defaultCompactionSlack)
    }

    /// `KeyedPack`'s slack for this cache outside tests.
    public static let defaultCompactionSlack = 1 << 20

    /// The records of a pack file that are intact, by key.
    static func intactRecords(_ bytes: [UInt8]) -> [SHA256.Digest: ArraySlice<UInt8>] {
        KeyedPack.intactRecords(bytes, magic: magic)
    }

    /// The hasher every key of one folder's files starts from: `base`, then the policy files'
    /// and the inherited defaults files' paths and digests (`context`, in a fixed order).
    public func context(_ files: [(path: String, digest: SHA256.Digest)]) -> SHA256 {
        var hasher = base.value
        for file in files {
            hasher.update(file.path + "\u{0}")
            hasher.update(file.digest.bytes)
        }
        return hasher
    }

    /// The key of a code file's check, from the SHA-256 of its bytes.
    public static func key(context: SHA256, path: String, digest: SHA256.Digest) -> SHA256.Digest {
        var hasher = context
        hasher.update("\u{1}" + path + "\u{0}")
        hasher.update(digest.bytes)
        return hasher.finalize()
    }

    /// The key of the whole-catalog checks' findings, kept as a record without identities:
    /// `context` (the checker, the rules and the policy files), then every code file's path and
    /// identities' digest (`FileIdentities`), in order. The whole-catalog checks read nothing
    /// else (they see identities only whenever a file's check comes from this cache), so a run
    /// with the same key, at an instant inside the record's window, has the same findings.
    public static func catalogKey(context: SHA256, files: [(path: String, identities: SHA256.Digest)]) -> SHA256.Digest {
        var hasher = context
        hasher.update("\u{2}whole-catalog checks \(files.count)\u{0}")
        for file in files {
            hasher.update(file.path + "\u{0}")
            hasher.update(file.identities.bytes)
        }
        return hasher.finalize()
    }

    /// The record for `key` if there is one that holds at `now`. `missCount` counts files'
    /// records only: a whole-catalog record (`countingMiss` false) is not a file.
    func record(for key: SHA256.Digest, at now: Instant, countingMiss: Bool = true) -> FileCheckRecord? {
        pack.record(for: key, countingMiss: countingMiss) { bytes in
            guard let record = try? FileCheckRecord(bytes: bytes), record.window.contains(now) else { return nil }
            return record
        }
    }

    func store(_ record: FileCheckRecord, for key: SHA256.Digest) {
        pack.store(record.bytes(), for: key)
    }

    /// Files whose check was not found (or no longer held) and was made anew.
    public var missCount: Int { pack.missCount }

    /// Writes what this run used, unless it is exactly what the pack holds. Failures are
    /// ignored: the cache only saves time.
    public func save() { pack.save() }
}

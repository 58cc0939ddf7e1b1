#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Rules
import Synchronization

/// The check cache (`.qrops-cache/checks/files`, docs/lint-cache.md): for each code file
/// checked, what checking it gave (`FileCheckRecord`), under a key made from its content and
/// everything its findings depend on: its path and bytes, the bytes of every policy file and of
/// the `_defaults.yaml` files above it, the rules, and the checker itself (`tool`, a digest of
/// the running executable). A file whose key is known, checked at an instant inside the
/// record's window, is neither parsed nor checked again.
///
/// The file is one pack, read whole and written whole (to a temporary name, then renamed), with
/// a SHA-256 of its bytes at the end: a damaged, cut-short or foreign file is an empty cache,
/// never an error. Each save keeps the entries this run used, so files that are gone drop out.
public final class FileCheckCache: Sendable {
    public static let fileName = "files"
    /// Where `qrops lint` keeps it, relative to the repository.
    public static let folderInRepository = ".qrops-cache/checks"
    static let magic = Array("QRCHECK1".utf8)

    public let folder: String
    /// The digest every key starts from: the format, the checker and the rules.
    private let base: SHA256
    private let pack: [UInt8]
    private let entries: [SHA256.Digest: Range<Int>]
    /// What this run used or made, by key: an entry of `pack` (nil bytes) or new bytes.
    private let kept = Mutex<[SHA256.Digest: [UInt8]?]>([:])
    private let misses = Atomic<Int>(0)
    private let lookups = Atomic<Int>(0)

    /// Opens the cache in `folder` (created when it is saved). `tool` identifies the checker
    /// (`ToolIdentity`): when it changes, every key does.
    public init(folder: String, tool: String, rules: [String]) {
        self.folder = folder
        var base = SHA256()
        base.update("qrops check cache \(FileCheckRecord.version)\u{0}\(tool)\u{0}")
        for rule in rules { base.update(rule + "\u{0}") }
        self.base = base
        var bytes: [UInt8] = []
        if let fd = try? FileOps.openFolder(folder) {
            bytes = FileOps.read(Self.fileName, in: fd, limit: Int(Int32.max)) ?? []
            close(fd)
        }
        (pack, entries) = Self.parse(bytes)
    }

    /// The cache `qrops lint` and `qrops build` share in `REPO/.qrops-cache/checks`, for the
    /// running executable and `engine`'s rules; nil when the executable cannot be read.
    public static func forRepository(_ root: String, engine: RuleEngine) -> FileCheckCache? {
        ToolIdentity.ofRunningExecutable().map {
            FileCheckCache(folder: root + "/" + folderInRepository, tool: $0, rules: engine.rules.map { type(of: $0).description.id })
        }
    }

    /// The entries of a pack file, or none when it is not a whole, intact pack.
    static func parse(_ bytes: [UInt8]) -> (pack: [UInt8], entries: [SHA256.Digest: Range<Int>]) {
        let digestSize = SHA256.digestByteCount
        guard bytes.count >= magic.count + 4 + digestSize, bytes.starts(with: magic) else { return ([], [:]) }
        let body = bytes.count - digestSize
        let stored = SHA256.Digest(bytes: Array(bytes[body...]))
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        guard hasher.finalize() == stored else { return ([], [:]) }
        var position = magic.count
        func u32() -> Int? {
            guard body - position >= 4 else { return nil }
            defer { position += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[position + $1]) << (8 * $1) }
        }
        guard let count = u32(), count <= body / (digestSize + 4) else { return ([], [:]) }
        var entries: [SHA256.Digest: Range<Int>] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard body - position >= digestSize else { return ([], [:]) }
            let key = SHA256.Digest(bytes: Array(bytes[position..<position + digestSize]))
            position += digestSize
            guard let length = u32(), length <= body - position else { return ([], [:]) }
            entries[key] = position..<position + length
            position += length
        }
        guard position == body else { return ([], [:]) }
        return (bytes, entries)
    }

    /// The hasher every key of one folder's files starts from: `base`, then the policy files'
    /// and the inherited defaults files' paths and digests (`context`, in a fixed order).
    public func context(_ files: [(path: String, digest: SHA256.Digest)]) -> SHA256 {
        var hasher = base
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

    /// The record for `key` if there is one that holds at `now`.
    func record(for key: SHA256.Digest, at now: Instant) -> FileCheckRecord? {
        lookups.add(1, ordering: .relaxed)
        guard let range = entries[key] else {
            misses.add(1, ordering: .relaxed)
            return nil
        }
        guard let record = try? FileCheckRecord(bytes: Array(pack[range])), record.window.contains(now) else {
            misses.add(1, ordering: .relaxed)
            return nil
        }
        kept.withLock { $0[key] = .some(nil) }
        return record
    }

    func store(_ record: FileCheckRecord, for key: SHA256.Digest) {
        let bytes = record.bytes()
        kept.withLock { $0[key] = .some(bytes) }
    }

    /// Files whose check was not found (or no longer held) and was made anew.
    public var missCount: Int { misses.load(ordering: .relaxed) }

    /// Writes what this run used, unless it is exactly what the pack holds. Failures are
    /// ignored: the cache only saves time.
    public func save() {
        // A run that looked nothing up (no file could be keyed) says nothing about the pack.
        guard lookups.load(ordering: .relaxed) > 0 else { return }
        let kept = kept.withLock { $0 }
        guard kept.count != entries.count || kept.values.contains(where: { $0 != nil }) else { return }
        var bytes = Self.magic
        func u32(_ value: Int) {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        u32(kept.count)
        for key in kept.keys.sorted(by: <) {
            let record: ArraySlice<UInt8>
            if let made = kept[key] ?? nil {
                record = made[...]
            } else if let range = entries[key] {
                record = pack[range]
            } else {
                continue
            }
            bytes += key.bytes
            u32(record.count)
            bytes += record
        }
        bytes += SHA256.hash(bytes).bytes
        guard (try? FileOps.makeFolders(folder)) != nil, let fd = try? FileOps.openFolder(folder) else { return }
        defer { close(fd) }
        let temporary = Self.fileName + ".tmp-" + AtomicBuildWriter.randomSuffix()
        guard (try? FileOps.write(bytes, named: temporary, in: fd, folderPath: folder)) != nil else { return }
        if renameat(fd, temporary, fd, Self.fileName) != 0 { _ = unlinkat(fd, temporary, 0) }
    }
}

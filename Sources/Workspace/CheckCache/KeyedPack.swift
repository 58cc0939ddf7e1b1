#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// One cache file of records under SHA-256 keys: read whole (on another thread, from the moment
/// it is opened: the first lookup waits for it), written whole (to a
/// temporary name, then renamed) when saved, with a SHA-256 of its bytes at the end. A damaged,
/// cut-short or foreign file is an empty cache, never an error. Each save keeps exactly the
/// entries the run used or made, so records of files that are gone drop out.
///
/// Layout: `magic`, a little-endian u32 count, then per entry the 32-byte key, a u32 length and
/// the record's bytes (keys ascending), then the SHA-256 of everything before it.
final class KeyedPack: Sendable {
    let folder: String
    let fileName: String
    private let magic: [UInt8]
    private let loaded: Background<(pack: [UInt8], entries: [SHA256.Digest: Range<Int>])>
    private var pack: [UInt8] { loaded.value.pack }
    private var entries: [SHA256.Digest: Range<Int>] { loaded.value.entries }
    /// What this run used or made, by key: an entry of `pack` (nil bytes) or new bytes.
    private let kept = Mutex<[SHA256.Digest: [UInt8]?]>([:])
    private let misses = Atomic<Int>(0)
    private let lookups = Atomic<Int>(0)

    /// Opens `folder/fileName` (created when it is saved).
    init(folder: String, fileName: String, magic: [UInt8]) {
        self.folder = folder
        self.fileName = fileName
        self.magic = magic
        loaded = Background {
            var bytes: [UInt8] = []
            if let fd = try? FileOps.openFolder(folder) {
                bytes = FileOps.read(fileName, in: fd, limit: Int(Int32.max)) ?? []
                close(fd)
            }
            return Self.parse(bytes, magic: magic)
        }
    }

    /// The entries of a pack file, or none when it is not a whole, intact pack.
    static func parse(_ bytes: [UInt8], magic: [UInt8]) -> (pack: [UInt8], entries: [SHA256.Digest: Range<Int>]) {
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

    /// The record under `key`, decoded by `decode` (nil: unusable, a miss); a usable one is
    /// kept by the next save.
    /// The record for `key` as `decode` reads it (handed a slice of the pack, not a copy).
    func record<Record>(for key: SHA256.Digest, _ decode: (ArraySlice<UInt8>) -> Record?) -> Record? {
        lookups.add(1, ordering: .relaxed)
        guard let range = entries[key], let record = decode(pack[range]) else {
            misses.add(1, ordering: .relaxed)
            return nil
        }
        kept.withLock { $0[key] = .some(nil) }
        return record
    }

    func store(_ bytes: [UInt8], for key: SHA256.Digest) {
        kept.withLock { $0[key] = .some(bytes) }
    }

    /// Lookups that found nothing usable.
    var missCount: Int { misses.load(ordering: .relaxed) }

    /// Writes what this run used, unless it is exactly what the pack holds. Failures are
    /// ignored: the cache only saves time.
    func save() {
        let kept = kept.withLock { $0 }
        // A run that neither looked anything up nor made anything (no file could be keyed) says
        // nothing about the pack.
        guard lookups.load(ordering: .relaxed) > 0 || !kept.isEmpty else { return }
        guard kept.count != entries.count || kept.values.contains(where: { $0 != nil }) else { return }
        var bytes = magic
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
        let temporary = fileName + ".tmp-" + AtomicBuildWriter.randomSuffix()
        guard (try? FileOps.write(bytes, named: temporary, in: fd, folderPath: folder)) != nil else { return }
        if renameat(fd, temporary, fd, fileName) != 0 { _ = unlinkat(fd, temporary, 0) }
    }
}

/// A value worked out on another thread from the moment this is made; reading it waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)
    private let work: @Sendable () -> Value

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        done.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.leave()
        }
    }

    var value: Value {
        done.wait()
        // Always set once `done` is reached; worked out again here only if it were not.
        return result.withLock { $0 } ?? work()
    }
}

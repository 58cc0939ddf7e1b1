#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// One cache file of records under SHA-256 keys, kept as a log: read whole (on another thread,
/// from the moment it is opened: the first lookup waits for it); a save appends the records
/// the run made, and rewrites the file (to a temporary name, then renamed) with only the records
/// the run used or made when the log has grown past those by more than a quarter plus
/// `compactionSlack` (every run reads the whole log), or was found damaged. So a run where one file changed writes that file's record, not the whole
/// pack; records of files that are gone, or that another kind of run uses (a build without
/// artwork keeps its own), stay until such a rewrite.
///
/// Layout: `magic`, then per record the 32-byte key, a little-endian u32 length, the record's
/// checksum (`RecordChecksum`, a little-endian u64 over the key and the bytes, so that a damaged
/// key is caught too), and the bytes; a later record under a key replaces an earlier one. Each
/// record's checksum is checked when it is looked up (so the checks run in the lookups' parallel
/// pass, and only for records used): a damaged record is a miss, and a cut-short or damaged
/// header ends the log there. Damage never gives a wrong record, and never an error.
final class KeyedPack: Sendable {
    let folder: String
    let fileName: String
    private let magic: [UInt8]
    private let loaded: Background<Loaded>
    /// What this run used or made, by key: a record of the log (nil bytes) or new bytes.
    private let kept = Mutex<[SHA256.Digest: [UInt8]?]>([:])
    private let misses = Atomic<Int>(0)
    private let lookups = Atomic<Int>(0)
    /// Whether a record failed its checksum: the next save rewrites the log.
    private let damaged = Atomic<Bool>(false)
    /// Whether the pack was saved: it is saved once, and then holds nothing in memory.
    private let saved = Atomic<Bool>(false)
    /// Dead bytes the log may carry beyond a quarter of its live records before it is rewritten.
    let compactionSlack: Int

    /// A log as read: its bytes, the last record under each key, whether it was whole to the
    /// end, and which file it was (appending goes only to that file).
    struct Loaded: Sendable {
        var pack: [UInt8] = []
        var entries: [SHA256.Digest: Entry] = [:]
        var whole = false
        var stamp: FileOps.Stamp?
    }

    struct Entry: Sendable, Equatable {
        var range: Range<Int>
        var checksum: UInt64
    }

    static let headerSize = SHA256.digestByteCount + 4 + 8

    /// Opens `folder/fileName` (created when it is saved).
    init(folder: String, fileName: String, magic: [UInt8], compactionSlack: Int = 1 << 20) {
        self.compactionSlack = compactionSlack
        self.folder = folder
        self.fileName = fileName
        self.magic = magic
        loaded = Background {
            guard let fd = try? FileOps.openFolder(folder) else { return Loaded() }
            defer { close(fd) }
            let stamp = FileOps.stamp(of: fileName, in: fd)
            var loaded = Self.parse(FileOps.read(fileName, in: fd, limit: Int(Int32.max)) ?? [], magic: magic)
            loaded.stamp = stamp.flatMap { $0.size == loaded.pack.count ? $0 : nil }
            return loaded
        }
    }

    /// The records of a log: every whole record header up to the first damaged or cut-short one
    /// (nothing at all without `magic`). Record checksums are not checked here.
    static func parse(_ bytes: [UInt8], magic: [UInt8]) -> Loaded {
        guard bytes.starts(with: magic) else { return Loaded() }
        var loaded = Loaded(pack: bytes)
        let digestSize = SHA256.digestByteCount
        var position = magic.count
        while bytes.count - position >= headerSize {
            let key = SHA256.Digest(bytes: Array(bytes[position..<position + digestSize]))
            let length = (0..<4).reduce(0) { $0 | Int(bytes[position + digestSize + $1]) << (8 * $1) }
            let checksum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[position + digestSize + 4 + $1]) << (8 * UInt64($1)) }
            let start = position + headerSize
            guard length <= bytes.count - start else { return loaded }
            loaded.entries[key] = Entry(range: start..<start + length, checksum: checksum)
            position = start + length
        }
        loaded.whole = position == bytes.count
        return loaded
    }

    /// The records of a log whose bytes match their checksums, by key.
    static func intactRecords(_ bytes: [UInt8], magic: [UInt8]) -> [SHA256.Digest: ArraySlice<UInt8>] {
        let loaded = parse(bytes, magic: magic)
        var records: [SHA256.Digest: ArraySlice<UInt8>] = [:]
        for (key, entry) in loaded.entries where RecordChecksum.of(key: key, loaded.pack[entry.range]) == entry.checksum {
            records[key] = loaded.pack[entry.range]
        }
        return records
    }

    /// The record for `key` as `decode` reads it (handed a slice of the log, not a copy; nil:
    /// unusable, a miss, counted in `missCount` unless `countingMiss` is false); a usable one is
    /// kept by the next save.
    func record<Record>(for key: SHA256.Digest, countingMiss: Bool = true, _ decode: (ArraySlice<UInt8>) -> Record?) -> Record? {
        lookups.add(1, ordering: .relaxed)
        let miss = countingMiss ? 1 : 0
        let loaded = loaded.value
        guard let entry = loaded.entries[key] else {
            misses.add(miss, ordering: .relaxed)
            return nil
        }
        let bytes = loaded.pack[entry.range]
        guard RecordChecksum.of(key: key, bytes) == entry.checksum else {
            damaged.store(true, ordering: .relaxed)
            misses.add(miss, ordering: .relaxed)
            return nil
        }
        guard let record = decode(bytes) else {
            misses.add(miss, ordering: .relaxed)
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

    /// Appends the records this run made, or rewrites the log with the records it used and made
    /// (see the type's comment). Failures are ignored: the cache only saves time. Once saved,
    /// the pack lets go of the log and of the records it kept (at a million codes, hundreds of
    /// megabytes that the rest of a build needs more): later lookups miss, later saves do nothing.
    func save() {
        guard !saved.exchange(true, ordering: .relaxed) else { return }
        defer {
            self.kept.withLock { $0 = [:] }
            loaded.replace(with: Loaded())
        }
        let kept = kept.withLock { $0 }
        // A run that neither looked anything up nor made anything (no file could be keyed) says
        // nothing about the log.
        guard lookups.load(ordering: .relaxed) > 0 || !kept.isEmpty else { return }
        let loaded = loaded.value
        let made = kept.compactMap { key, bytes in bytes.map { (key, $0) } }.sorted { $0.0 < $1.0 }
        guard !made.isEmpty || !loaded.whole || damaged.load(ordering: .relaxed) else { return }
        let live = kept.reduce(0) { total, item in
            total + Self.headerSize + (item.value?.count ?? loaded.entries[item.key]?.range.count ?? 0)
        }
        let appended = made.reduce(0) { $0 + Self.headerSize + $1.1.count }
        guard (try? FileOps.makeFolders(folder)) != nil, let fd = try? FileOps.openFolder(folder) else { return }
        defer { close(fd) }
        if loaded.whole, !damaged.load(ordering: .relaxed), let stamp = loaded.stamp,
           loaded.pack.count + appended <= live + live / 4 + compactionSlack {
            guard !made.isEmpty else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(appended)
            for (key, record) in made { Self.append(key, record[...], to: &bytes) }
            if append(bytes, in: fd, to: stamp) { return }
        }
        // Rewritten a few megabytes at a time (at a million codes the log holds most of a
        // gigabyte: it is never assembled in memory).
        let temporary = fileName + ".tmp-" + AtomicBuildWriter.randomSuffix()
        let path = folder + "/" + temporary
        guard let out = try? FileOps.create(temporary, in: fd, path: path) else { return }
        var bytes = magic
        func flush() throws(BuildError) {
            try bytes.withUnsafeBufferPointer { (buffer) throws(BuildError) in try FileOps.writeAll(buffer, to: out, path: path) }
            bytes.removeAll(keepingCapacity: true)
        }
        do throws(BuildError) {
            for key in kept.keys.sorted(by: <) {
                if let record = kept[key] ?? nil {
                    Self.append(key, record[...], to: &bytes)
                } else if let entry = loaded.entries[key] {
                    Self.append(key, loaded.pack[entry.range], checksum: entry.checksum, to: &bytes)
                }
                if bytes.count >= 4 << 20 { try flush() }
            }
            try flush()
        } catch {
            close(out)
            _ = unlinkat(fd, temporary, 0)
            return
        }
        close(out)
        if renameat(fd, temporary, fd, fileName) != 0 { _ = unlinkat(fd, temporary, 0) }
    }

    static func append(_ key: SHA256.Digest, _ record: ArraySlice<UInt8>, checksum: UInt64? = nil, to bytes: inout [UInt8]) {
        bytes += key.bytes
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: record.count >> shift)) }
        let checksum = checksum ?? RecordChecksum.of(key: key, record)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        bytes += record
    }

    /// Appends `bytes` to the log when it is still the file that was read (same inode and
    /// size): a log changed meanwhile by another run is rewritten instead.
    private func append(_ bytes: [UInt8], in folder: Int32, to stamp: FileOps.Stamp) -> Bool {
        let fd = openat(folder, fileName, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_ino) == stamp.inode, Int(info.st_size) == stamp.size else { return false }
        return (try? bytes.withUnsafeBufferPointer { (buffer) throws(BuildError) in
            try FileOps.writeAll(buffer, to: fd, path: self.folder + "/" + self.fileName)
        }) != nil
    }
}

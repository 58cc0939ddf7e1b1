#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TableFormat

/// The `.qrt` writer's memo (`WriterMemo`) kept between builds, beside the build cache
/// (`.qrops-cache/build/qrt-writer-memo`, docs/build.md, "The redirect table after a small
/// change"). Best effort both ways: a missing, damaged or foreign file is no memo (the table is
/// then written from scratch), and a failed save leaves the next build without one.
///
/// Layout: the magic `QRTMEMO1`, the XXH64 of the body (u64), then the body, all integers
/// little-endian: the arena (u64 length, bytes); the strings' ends and byte order (u64 count,
/// then count × u32 each); the use stream (u64 count, u32 each); the codes' starts (u64 count,
/// u32 each); the parts (u64 count, then per part its 32-byte key, a u64 count and that many
/// i32 positions).
enum TableWriterMemoFile {
    static let fileName = "qrt-writer-memo"
    static let magic = Array("QRTMEMO1".utf8)
    /// A memo larger than this is not read (at 400,000 codes, past which builds keep none, it
    /// is some 100 MB).
    static let sizeLimit = 1 << 30

    static func read(in folder: String) -> WriterMemo? {
        guard let fd = try? FileOps.openFolder(folder) else { return nil }
        defer { close(fd) }
        guard let bytes = FileOps.read(fileName, in: fd, limit: sizeLimit) else { return nil }
        return parse(bytes)
    }

    /// Keeps `memo` (written under a temporary name and renamed: a reader finds the whole file
    /// or the one before).
    static func save(_ memo: WriterMemo, in folder: String) {
        guard (try? FileOps.makeFolders(folder)) != nil, let fd = try? FileOps.openFolder(folder) else { return }
        defer { close(fd) }
        let temporary = fileName + ".tmp-" + AtomicBuildWriter.randomSuffix()
        guard (try? FileOps.write(bytes(memo), named: temporary, in: fd, folderPath: folder)) != nil else {
            _ = unlinkat(fd, temporary, 0)
            return
        }
        if renameat(fd, temporary, fd, fileName) != 0 { _ = unlinkat(fd, temporary, 0) }
    }

    static func bytes(_ memo: WriterMemo) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(memo.arena.count + 4 * (2 * memo.ends.count + memo.stream.count + memo.codeStarts.count)
            + memo.parts.values.reduce(64) { $0 + 40 + 4 * $1.count })
        func count(_ value: Int) { withUnsafeBytes(of: UInt64(value).littleEndian) { body += $0 } }
        func words(_ values: [UInt32]) {
            count(values.count)
            values.withUnsafeBytes { body += $0 }
        }
        count(memo.arena.count)
        body += memo.arena
        words(memo.ends)
        memo.sorted.withUnsafeBytes { body += $0 }
        words(memo.stream)
        words(memo.codeStarts)
        count(memo.parts.count)
        // In key order: equal memos, equal files.
        for (key, positions) in memo.parts.sorted(by: { $0.key.words.lexicographicallyPrecedes($1.key.words) }) {
            body += key.bytes
            count(positions.count)
            positions.withUnsafeBytes { body += $0 }
        }
        var bytes = magic
        bytes.reserveCapacity(body.count + 16)
        withUnsafeBytes(of: body.withUnsafeBytes { RecordChecksum.xxh64($0) }.littleEndian) { bytes += $0 }
        bytes += body
        return bytes
    }

    /// What `bytes` wrote, or nil (a wrong magic or checksum, a short or long body, fields that
    /// do not hold together: `WriterMemo.init`).
    static func parse(_ bytes: [UInt8]) -> WriterMemo? {
        // The words are copied as they lie: the file is little-endian, as is every machine
        // this runs on; on another, no memo is read.
        guard UInt32(1).littleEndian == 1, bytes.count >= magic.count + 8, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        return bytes.withUnsafeBytes { raw -> WriterMemo? in
            let stored = raw.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self).littleEndian
            let body = UnsafeRawBufferPointer(rebasing: raw[(magic.count + 8)...])
            guard RecordChecksum.xxh64(body) == stored else { return nil }
            var reader = Reader(bytes: body)
            guard let arenaCount = reader.count(), let arena = reader.bytes(arenaCount),
                  let stringCount = reader.count(), let ends: [UInt32] = reader.words(stringCount),
                  let sorted: [UInt32] = reader.words(stringCount),
                  let streamCount = reader.count(), let stream: [UInt32] = reader.words(streamCount),
                  let startCount = reader.count(), let codeStarts: [UInt32] = reader.words(startCount),
                  let partCount = reader.count()
            else { return nil }
            var parts: [WriterMemo.PartKey: [Int32]] = [:]
            parts.reserveCapacity(min(partCount, body.count / 40))
            for _ in 0..<partCount {
                guard let key = reader.bytes(32), let positionCount = reader.count(), let positions: [Int32] = reader.words(positionCount) else {
                    return nil
                }
                parts[WriterMemo.PartKey(key)] = positions
            }
            guard reader.offset == body.count else { return nil }
            return WriterMemo(arena: arena, ends: ends, sorted: sorted, stream: stream, codeStarts: codeStarts, parts: parts)
        }
    }

    /// Reads the body front to back; nil once anything would run past its end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func count() -> Int? {
            guard bytes.count - offset >= 8 else { return nil }
            let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            offset += 8
            return value <= UInt64(bytes.count) ? Int(value) : nil
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        }

        mutating func words<Word: FixedWidthInteger>(_ count: Int) -> [Word]? {
            let size = MemoryLayout<Word>.size
            guard count >= 0, count <= (bytes.count - offset) / size else { return nil }
            let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count * size])
            offset += count * size
            return [Word](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                initialized = count
            }
        }
    }
}

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
/// Layout: the magic `QRTMEMO1`, the XXH64 of the body (u64, little-endian), then the body, a
/// `RecordWriter` record: the layout's version; the arena, the strings' ends, their byte order,
/// the use stream and the codes' starts, each as raw bytes (the numbers as little-endian u32);
/// the number of parts, then per part its 32-byte key and its positions (i32) as raw bytes.
enum TableWriterMemoFile {
    static let fileName = "qrt-writer-memo"
    static let magic = Array("QRTMEMO1".utf8)
    static let version: UInt64 = 1
    /// A memo larger than this is not read (at 400,000 codes, past which builds keep none, it
    /// is some 60 MB).
    static let sizeLimit = 1 << 30

    static func read(in folder: String) -> WriterMemo? {
        guard let fd = try? FileOps.openFolder(folder) else { return nil }
        defer { close(fd) }
        guard let bytes = FileOps.read(fileName, in: fd, limit: sizeLimit) else { return nil }
        return parse(bytes)
    }

    /// Keeps `memo` (`FileOps.replace`: a reader finds the whole file or the one before).
    static func save(_ memo: WriterMemo, in folder: String) {
        guard (try? FileOps.makeFolders(folder)) != nil, let fd = try? FileOps.openFolder(folder) else { return }
        defer { close(fd) }
        FileOps.replace(fileName, with: bytes(memo), in: fd, folderPath: folder)
    }

    static func bytes(_ memo: WriterMemo) -> [UInt8] {
        var writer = RecordWriter()
        writer.varint(version)
        writer.rawBytes(memo.arena[...])
        for words in [memo.ends, memo.sorted, memo.stream, memo.codeStarts] { writer.rawBytes(raw(words)) }
        writer.count(memo.parts.count)
        // In key order: equal memos, equal files.
        for (key, positions) in memo.parts.sorted(by: { $0.key.words.lexicographicallyPrecedes($1.key.words) }) {
            writer.rawBytes(key.bytes[...])
            writer.rawBytes(raw(positions))
        }
        let body = writer.finish()
        var bytes = magic
        bytes.reserveCapacity(body.count + 16)
        withUnsafeBytes(of: body.withUnsafeBytes { RecordChecksum.xxh64($0) }.littleEndian) { bytes += $0 }
        bytes += body
        return bytes
    }

    /// What `bytes` wrote, or nil (a wrong magic, checksum or version, a short or long body,
    /// fields that do not hold together: `WriterMemo.init`).
    static func parse(_ bytes: [UInt8]) -> WriterMemo? {
        // The numbers are copied as they lie: the file is little-endian, as is every machine
        // this runs on; on another, no memo is read.
        guard UInt32(1).littleEndian == 1, bytes.count >= magic.count + 8, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self).littleEndian }
        let body = bytes[(magic.count + 8)...]
        guard body.withUnsafeBytes({ RecordChecksum.xxh64($0) }) == stored else { return nil }
        do throws(RecordReader.Malformed) {
            var reader = try RecordReader(body)
            guard try reader.varint() == version else { return nil }
            let arena = Array(try reader.rawBytes())
            let ends: [UInt32] = try words(reader.rawBytes())
            let sorted: [UInt32] = try words(reader.rawBytes())
            let stream: [UInt32] = try words(reader.rawBytes())
            let codeStarts: [UInt32] = try words(reader.rawBytes())
            var parts: [WriterMemo.PartKey: [Int32]] = [:]
            for _ in 0..<(try reader.count()) {
                let key = try reader.rawBytes()
                guard key.count == 32 else { return nil }
                parts[WriterMemo.PartKey(key)] = try words(reader.rawBytes())
            }
            guard reader.isAtEnd else { return nil }
            return WriterMemo(arena: arena, ends: ends, sorted: sorted, stream: stream, codeStarts: codeStarts, parts: parts)
        } catch {
            return nil
        }
    }

    /// The numbers' bytes, as they lie in memory.
    private static func raw<Word: FixedWidthInteger>(_ words: [Word]) -> ArraySlice<UInt8> {
        words.withUnsafeBytes { ArraySlice($0) }
    }

    /// Numbers from their bytes (a whole number of them, or `Malformed`).
    private static func words<Word: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>) throws(RecordReader.Malformed) -> [Word] {
        let size = MemoryLayout<Word>.size
        guard bytes.count % size == 0 else { throw RecordReader.Malformed() }
        let count = bytes.count / size
        return bytes.withUnsafeBytes { source in
            [Word](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                initialized = count
            }
        }
    }
}

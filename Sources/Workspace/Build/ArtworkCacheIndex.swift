/// The artwork cache's index file (`.qrops-cache/artwork/index`): a log with one line per
/// cached file; a later line for the same key replaces an earlier one.
///
/// ```
/// qrops-artwork-cache 3
/// <key> <ext> <sha256> <bytes> <device> <inode> <mtime-seconds> <mtime-nanoseconds>
/// ```
///
/// The content digest and size are what the manifest needs, so a reused file is never read
/// back; the inode tells whether a file in the staging folder is the cached one (a hard link),
/// and size and mtime notice a cached file changed in place (it is hard-linked into `build/`,
/// where someone may edit it). A line that does not parse is skipped: the index is a cache, and
/// a missing entry only costs a render.
struct ArtworkCacheIndex: Sendable {
    static let header = "qrops-artwork-cache 3"

    struct Entry: Sendable, Equatable {
        var fileExtension: String
        var digest: SHA256.Digest
        var stamp: FileOps.Stamp
    }

    var entries: [SHA256.Digest: Entry] = [:]
    /// Lines read, superseded ones included: how long the log has grown.
    private(set) var lineCount = 0
    /// Whether new lines can be appended: the file has our header and ends with a newline.
    private(set) var isAppendable = false

    init() {}

    init(parsing bytes: [UInt8]) {
        let header = Array((Self.header + "\n").utf8)
        guard bytes.count >= header.count, bytes[0..<header.count].elementsEqual(header) else { return }
        isAppendable = bytes.last == 0x0A
        entries.reserveCapacity(bytes.count / 170)
        bytes.withUnsafeBufferPointer { buffer in
            var start = header.count
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                if end < buffer.count, let (key, entry) = Self.parseLine(buffer[start..<end]) {
                    entries[key] = entry
                    lineCount += 1
                }
                start = end + 1
            }
        }
    }

    /// One line, without its newline. A last line without a newline was cut short by a crash.
    private static func parseLine(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (SHA256.Digest, Entry)? {
        // The eight space-separated fields, read in place (an index holds a line per file).
        var fieldStart = line.startIndex
        func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            guard fieldStart <= line.endIndex else { return nil }
            var end = fieldStart
            while end < line.endIndex, line[end] != 0x20 { end += 1 }
            defer { fieldStart = end + 1 }
            return line[fieldStart..<end]
        }
        guard let keyField = next(), let extensionField = next(), let digestField = next(),
              let key = digest(keyField), let digest = digest(digestField),
              let size = next().flatMap(number), let device = next().flatMap(number), let inode = next().flatMap(number),
              let seconds = next().flatMap(number), let nanoseconds = next().flatMap(number), next() == nil,
              !extensionField.isEmpty, extensionField.count <= 8,
              extensionField.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else { return nil }
        return (key, Entry(fileExtension: String(decoding: extensionField, as: UTF8.self), digest: digest,
                           stamp: FileOps.Stamp(device: device, inode: inode, size: size, seconds: seconds,
                                                nanoseconds: nanoseconds)))
    }

    static func line(_ key: SHA256.Digest, _ entry: Entry) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(180)
        key.appendHex(to: &bytes)
        bytes.append(0x20)
        bytes += entry.fileExtension.utf8
        bytes.append(0x20)
        entry.digest.appendHex(to: &bytes)
        let stamp = entry.stamp
        for value in [stamp.size, stamp.device, stamp.inode, stamp.seconds, stamp.nanoseconds] {
            bytes.append(0x20)
            bytes += String(value).utf8
        }
        bytes.append(0x0A)
        return bytes
    }

    /// A whole index holding `entries`, sorted by key (so the same cache writes the same file).
    static func file(_ entries: [SHA256.Digest: Entry]) -> [UInt8] {
        var bytes = Array((header + "\n").utf8)
        bytes.reserveCapacity(entries.count * 180 + bytes.count)
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            bytes += line(key, entry)
        }
        return bytes
    }

    private static func digest(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> SHA256.Digest? {
        guard field.count == 64, let base = field.base.baseAddress else { return nil }
        return SHA256.Digest(lowercaseHex: base + field.startIndex)
    }

    /// A decimal integer, optionally negative (device and inode numbers are stored as `Int`).
    private static func number(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = field
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }  // 18 digits cannot overflow
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }
}

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
        var fields: [Slice<UnsafeBufferPointer<UInt8>>] = []
        fields.reserveCapacity(8)
        var fieldStart = line.startIndex
        for index in line.indices where line[index] == 0x20 {
            fields.append(line[fieldStart..<index])
            fieldStart = index + 1
        }
        fields.append(line[fieldStart..<line.endIndex])
        guard fields.count == 8,
              let key = digest(fields[0]), let digest = digest(fields[2]),
              let size = number(fields[3]), let device = number(fields[4]), let inode = number(fields[5]),
              let seconds = number(fields[6]), let nanoseconds = number(fields[7]),
              !fields[1].isEmpty, fields[1].count <= 8,
              fields[1].allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else { return nil }
        return (key, Entry(fileExtension: String(decoding: fields[1], as: UTF8.self), digest: digest,
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
        guard field.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        var index = field.startIndex
        for position in 0..<32 {
            guard let high = nibble(field[index]), let low = nibble(field[index + 1]) else { return nil }
            bytes[position] = high << 4 | low
            index += 2
        }
        return SHA256.Digest(bytes: bytes)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
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

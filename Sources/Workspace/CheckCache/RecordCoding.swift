import Diagnostics
import TableFormat

/// The bytes of a cached record: varints (LEB128), zigzag-coded signed integers, and strings
/// written once in a table at the front and referred to by number (a file's findings name the
/// same few files, rules and messages over and over).
struct RecordWriter {
    private var body = ByteWriter()
    private var strings: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func varint(_ value: UInt64) { body.varint(value) }

    /// A count or length (never negative).
    mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func signed(_ value: Int64) { body.signed(value) }

    mutating func flag(_ value: Bool) { body.u8(value ? 1 : 0) }

    mutating func string(_ text: String) {
        if let number = numbers[text] { return count(number) }
        numbers[text] = strings.count
        count(strings.count)
        strings.append(text)
    }

    /// Raw bytes, as they are (not in the string table).
    mutating func rawBytes(_ bytes: ArraySlice<UInt8>) {
        count(bytes.count)
        body.bytes.append(contentsOf: bytes)
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        signed(Int64(location.line))
        signed(Int64(location.column))
    }

    /// The table of strings, then the body.
    func finish() -> [UInt8] {
        var table = RecordWriter()
        table.count(strings.count)
        for text in strings {
            table.count(text.utf8.count)
            table.body.bytes.append(contentsOf: text.utf8)
        }
        return table.body.bytes + body.bytes
    }
}

/// Reads what `RecordWriter` wrote; any byte out of place is `RecordReader.Malformed`, never a
/// trap (a cache file may be cut short or damaged).
struct RecordReader {
    struct Malformed: Error {}

    /// The record (a slice of the pack it was found in: reading it copies nothing but strings).
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var strings: [String] = []

    init(_ bytes: [UInt8]) throws(Malformed) {
        try self.init(bytes[...])
    }

    init(_ bytes: ArraySlice<UInt8>) throws(Malformed) {
        self.bytes = bytes
        position = bytes.startIndex
        let total = try count()
        guard total <= bytes.count else { throw Malformed() }
        strings.reserveCapacity(min(total, Self.reservedAtMost))
        for _ in 0..<total {
            let length = try count()
            guard length <= bytes.endIndex - position else { throw Malformed() }
            // Decoded (ill-formed bytes would be repaired, not refused): the pack's digests have
            // checked these bytes against the ones a `String` gave when they were written. The
            // generic `String(validating:as:)` cost a tenth of reading 100,000 codes' records.
            strings.append(bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[position - bytes.startIndex..<position - bytes.startIndex + length]), as: UTF8.self)
            })
            position += length
        }
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count or number that fits an `Int32` (lines, columns, lengths, list sizes).
    mutating func count() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(Int32.max) else { throw Malformed() }
        return Int(value)
    }

    mutating func signed() throws(Malformed) -> Int64 {
        let value = try varint()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func flag() throws(Malformed) -> Bool {
        guard position < bytes.endIndex, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws(Malformed) -> String {
        let number = try count()
        guard number < strings.count else { throw Malformed() }
        return strings[number]
    }

    /// What `RecordWriter.rawBytes` wrote (a slice of the record: not copied).
    mutating func rawBytes() throws(Malformed) -> ArraySlice<UInt8> {
        let length = try count()
        guard length <= bytes.endIndex - position else { throw Malformed() }
        defer { position += length }
        return bytes[position..<position + length]
    }

    mutating func location() throws(Malformed) -> SourceLocation {
        let file = try string()
        return SourceLocation(file: file, line: try int32(), column: try int32())
    }

    /// A signed number that fits an `Int32` (lines and columns).
    mutating func int32() throws(Malformed) -> Int {
        let value = try signed()
        guard let small = Int32(exactly: value) else { throw Malformed() }
        return Int(small)
    }

    /// Lists are reserved for at most this many elements up front: a count is only bounded by
    /// the bytes left, and an element in memory is many times its bytes.
    static let reservedAtMost = 1_024

    /// A list of `count()` elements, each read by `element`; a count larger than the bytes
    /// left is refused before anything is reserved.
    mutating func list<Element>(_ element: (inout RecordReader) throws(Malformed) -> Element) throws(Malformed) -> [Element] {
        let total = try count()
        guard total <= bytes.endIndex - position else { throw Malformed() }
        var result: [Element] = []
        result.reserveCapacity(min(total, Self.reservedAtMost))
        for _ in 0..<total { result.append(try element(&self)) }
        return result
    }

    mutating func optional<Element>(_ element: (inout RecordReader) throws(Malformed) -> Element) throws(Malformed) -> Element? {
        try flag() ? try element(&self) : nil
    }
}

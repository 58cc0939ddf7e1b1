/// Little-endian reads from memory the reader does not own (a mapped file or a copied array).
/// Callers check bounds before reading; `Cursor` does it for every read.
struct RawBytes: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    @inline(__always) func u8(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }
    @inline(__always) func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
    @inline(__always) func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    @inline(__always) func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }

    func buffer(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func array(_ range: Range<Int>) -> [UInt8] { Array(buffer(range)) }
}

/// Reads varints and bytes from `position` up to `end`, throwing instead of reading past it.
struct Cursor {
    let bytes: RawBytes
    var position: Int
    let end: Int
    /// Says what the cursor reads, for error messages ("detail block at 120").
    let place: StaticString
    let start: Int

    init(_ bytes: RawBytes, from position: Int, to end: Int, place: StaticString) {
        self.bytes = bytes
        self.position = position
        self.end = end
        self.place = place
        self.start = position
    }

    var isAtEnd: Bool { position >= end }

    func fail(_ what: String) -> QRTError { .malformed("\(place) at byte \(start): \(what)") }

    mutating func u8() throws(QRTError) -> UInt8 {
        guard position < end else { throw fail("ends early") }
        defer { position += 1 }
        return bytes.u8(position)
    }

    /// An unsigned LEB128 varint of at most `limit`, in its shortest form.
    mutating func varint(limit: UInt64 = .max) throws(QRTError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw fail("a number runs past the end") }
            let byte = bytes.u8(position)
            position += 1
            let payload = UInt64(byte & 0x7F)
            if shift == 63, payload > 1 { throw fail("a number overflows 64 bits") }
            value |= payload << shift
            if byte & 0x80 == 0 {
                if byte == 0, shift > 0 { throw fail("a number is not in its shortest form") }
                break
            }
            shift += 7
            if shift > 63 { throw fail("a number overflows 64 bits") }
        }
        guard value <= limit else { throw fail("number \(value) is out of range (at most \(limit))") }
        return value
    }

    /// A zigzag varint.
    mutating func signed() throws(QRTError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A count of items that each take at least `minimumSize` bytes: never more than the
    /// bytes left allow, so a corrupt count cannot make the reader allocate without bound.
    mutating func count(minimumSize: Int = 1) throws(QRTError) -> Int {
        let value = try varint()
        guard value >= 1, value <= UInt64(max(0, end - position) / minimumSize) else {
            throw fail("count \(value) does not fit the \(end - position) bytes left")
        }
        return Int(value)
    }

    mutating func ref() throws(QRTError) -> UInt32 {
        UInt32(try varint(limit: UInt64(UInt32.max)))
    }
}

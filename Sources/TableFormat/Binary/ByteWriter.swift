/// Appends little-endian integers and LEB128 varints to a byte array (the `.qrt` writer's, and
/// the check cache's records in Workspace).
public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    public init() {}

    public var count: Int { bytes.count }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Unsigned LEB128: seven bits at a time, low bits first, high bit set on all but the last.
    public mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed value as a zigzag varint (0, -1, 1, -2, ... → 0, 1, 2, 3, ...).
    public mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Zero bytes up to the next multiple of 8.
    mutating func padToEight() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    static func varintSize(_ value: UInt64) -> Int {
        var size = 1
        var value = value
        while value >= 0x80 { value >>= 7; size += 1 }
        return size
    }
}

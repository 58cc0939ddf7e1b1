/// An append-only bit stream packed most-significant-bit first into bytes.
struct BitBuffer {
    private(set) var bytes: [UInt8]
    private(set) var bitCount = 0
    private var pending: UInt32 = 0
    private var pendingBits = 0

    init(capacityBytes: Int) {
        bytes = []
        bytes.reserveCapacity(capacityBytes)
    }

    /// Appends the low `bits` bits of `value` (at most 24), most significant first.
    @inline(__always)
    mutating func append(_ value: UInt32, bits: Int) {
        pending = (pending << UInt32(bits)) | value
        pendingBits += bits
        bitCount += bits
        while pendingBits >= 8 {
            pendingBits -= 8
            bytes.append(UInt8(truncatingIfNeeded: pending >> UInt32(pendingBits)))
        }
    }

    /// The bytes written so far, the last one zero-padded on the right.
    func bytesPaddedToByte() -> [UInt8] {
        guard pendingBits > 0 else { return bytes }
        var result = bytes
        result.append(UInt8(truncatingIfNeeded: pending << UInt32(8 - pendingBits)))
        return result
    }

    /// Finishes a data stream of `capacityBytes` codewords (7.4.9): terminator of up to four
    /// zero bits, zero bits to the byte boundary, then the pad codewords 0xEC 0x11 alternately.
    mutating func finishDataCodewords(capacityBytes: Int) -> [UInt8] {
        let capacityBits = capacityBytes * 8
        let terminator = min(4, capacityBits - bitCount)
        if terminator > 0 { append(0, bits: terminator) }
        if pendingBits > 0 { append(0, bits: 8 - pendingBits) }
        var pad: UInt8 = 0xEC
        while bytes.count < capacityBytes {
            bytes.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return bytes
    }
}

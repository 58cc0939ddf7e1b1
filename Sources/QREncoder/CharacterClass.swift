/// Which QR modes can hold a byte of text, and its alphanumeric-mode value (Table 5).
enum CharacterClass {
    static let digit: UInt8 = 1
    static let alphanumeric: UInt8 = 2

    /// `flags[byte]`: `digit` and/or `alphanumeric`.
    static let flags: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in alphanumericCharset { table[Int(byte)] |= alphanumeric }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] |= digit }
        return table
    }()

    /// `alphanumericValue[byte]`: the 0–44 value of an alphanumeric character.
    static let alphanumericValue: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (value, byte) in alphanumericCharset.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    private static let alphanumericCharset = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { flags[Int(byte)] & digit != 0 }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool { flags[Int(byte)] & alphanumeric != 0 }
}

/// Writes segment data bits (7.4.3–7.4.6 and 7.4.2 for ECI).
enum SegmentWriter {
    /// Digits in groups of three as 10 bits; a final group of two as 7 bits, of one as 4.
    static func writeNumeric(_ digits: ArraySlice<UInt8>, to buffer: inout BitBuffer) {
        var value: UInt32 = 0
        var groupLength = 0
        for byte in digits {
            value = value * 10 + UInt32(byte &- UInt8(ascii: "0"))
            groupLength += 1
            if groupLength == 3 {
                buffer.append(value, bits: 10)
                value = 0
                groupLength = 0
            }
        }
        if groupLength > 0 { buffer.append(value, bits: groupLength * 3 + 1) }
    }

    /// Characters in pairs as 45·first + second in 11 bits; a final single one in 6 bits.
    static func writeAlphanumeric(_ text: ArraySlice<UInt8>, to buffer: inout BitBuffer) {
        let values = CharacterClass.alphanumericValue
        var index = text.startIndex
        while index + 1 < text.endIndex {
            let pair = UInt32(values[Int(text[index])]) * 45 + UInt32(values[Int(text[index + 1])])
            buffer.append(pair, bits: 11)
            index += 2
        }
        if index < text.endIndex { buffer.append(UInt32(values[Int(text[index])]), bits: 6) }
    }

    /// The ECI designator: 8, 16 or 24 bits depending on the assignment number.
    static func writeECIDesignator(_ assignment: Int, to buffer: inout BitBuffer) {
        let value = UInt32(assignment)
        if assignment < 1 << 7 {
            buffer.append(value, bits: 8)
        } else if assignment < 1 << 14 {
            buffer.append(0b10 << 14 | value, bits: 16)
        } else {
            buffer.append(0b110 << 21 | value, bits: 24)
        }
    }

    /// Length of the ECI designator in bits.
    static func eciDesignatorBits(_ assignment: Int) -> Int {
        assignment < 1 << 7 ? 8 : assignment < 1 << 14 ? 16 : 24
    }
}

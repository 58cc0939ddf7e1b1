/// A payload prepared for segmentation: its bytes, and one unit per character (a Unicode
/// scalar for text, a byte for binary data) with the modes that can hold it.
struct TextUnits {
    struct Unit {
        /// Offset of the unit's first byte in `bytes`.
        var start: Int32
        /// UTF-8 length in bytes (1 for binary data).
        var length: UInt8
        var flags: UInt8
        /// Kanji-mode value when `flags` has `kanji`.
        var kanji: UInt16
    }

    static let digit = CharacterClass.digit            // 1
    static let alphanumeric = CharacterClass.alphanumeric  // 2
    static let kanji: UInt8 = 4
    static let nonASCII: UInt8 = 8

    let bytes: [UInt8]
    let units: [Unit]
    let hasNonASCII: Bool
    /// Every non-ASCII unit has a Kanji-mode value.
    let nonASCIIAreAllKanji: Bool
    /// The bytes are valid UTF-8 (always true for text).
    let isUTF8: Bool

    init(text: String) {
        bytes = Array(text.utf8)
        var units = [Unit]()
        units.reserveCapacity(bytes.count)
        var hasNonASCII = false
        var allKanji = true
        let flags = CharacterClass.flags
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for (offset, byte) in bytes.enumerated() {
                units.append(Unit(start: Int32(offset), length: 1, flags: flags[Int(byte)], kanji: 0))
            }
        } else {
            var offset = 0
            for scalar in text.unicodeScalars {
                let length = UTF8.width(scalar)
                var unit = Unit(start: Int32(offset), length: UInt8(length), flags: 0, kanji: 0)
                if scalar.value < 0x80 {
                    unit.flags = flags[Int(scalar.value)]
                } else {
                    hasNonASCII = true
                    unit.flags = Self.nonASCII
                    if let value = ShiftJISKanji.qrValue(of: scalar.value) {
                        unit.flags |= Self.kanji
                        unit.kanji = value
                    } else {
                        allKanji = false
                    }
                }
                units.append(unit)
                offset += length
            }
        }
        self.units = units
        self.hasNonASCII = hasNonASCII
        nonASCIIAreAllKanji = allKanji
        isUTF8 = true
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let flags = CharacterClass.flags
        units = bytes.enumerated().map { offset, byte in
            Unit(start: Int32(offset), length: 1, flags: byte < 0x80 ? flags[Int(byte)] : Self.nonASCII, kanji: 0)
        }
        hasNonASCII = bytes.contains { $0 >= 0x80 }
        nonASCIIAreAllKanji = !hasNonASCII
        isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    }
}

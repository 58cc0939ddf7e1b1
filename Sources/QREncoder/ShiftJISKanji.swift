/// Unicode → QR Kanji-mode values, built once from `ShiftJISKanjiTable`.
///
/// The 13-bit value of a Shift_JIS code `c` is (7.4.6): subtract 0x8140 (codes up to 0x9FFC)
/// or 0xC140 (codes from 0xE040), then `high byte * 0xC0 + low byte`.
enum ShiftJISKanji {
    /// `valuePlusOne[scalar]` for scalars in the Basic Multilingual Plane; 0 = not in the table.
    private static let valuePlusOne: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x1_0000)
        for (row, lead) in zip(ShiftJISKanjiTable.rows, ShiftJISKanjiTable.leadBytes) {
            var trail = 0x40
            for scalar in row.unicodeScalars {
                defer { trail += 1 }
                guard scalar.value != 0xFFFD, scalar.value < 0x1_0000 else { continue }
                let code = Int(lead) << 8 | trail
                let offset = code - (code <= 0x9FFC ? 0x8140 : 0xC140)
                table[Int(scalar.value)] = UInt16((offset >> 8) * 0xC0 + (offset & 0xFF) + 1)
            }
        }
        return table
    }()

    /// The 13-bit Kanji-mode value of a Unicode scalar, or nil when it has none.
    @inline(__always)
    static func qrValue(of scalar: UInt32) -> UInt16? {
        guard scalar >= 0x80, scalar < 0x1_0000 else { return nil }
        let stored = valuePlusOne[Int(scalar)]
        return stored == 0 ? nil : stored - 1
    }
}

/// The eight data masks (ISO/IEC 18004, 7.8.2, Table 10) and where the format information
/// that names them goes (7.9.1).
enum MaskPattern {
    static let count = 8

    /// Whether mask `mask` inverts the module in row `y`, column `x` (Table 10, i = y, j = x).
    static func inverts(mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Calls `body(x, y, bitIndex)` for each of the 30 modules holding the 15-bit format word
    /// (Figure 25); bit 0 is the least significant. The first copy runs down column 8 and left
    /// along row 8 around the top-left finder (skipping the timing patterns); the second is
    /// split between row 8 under the top-right finder and column 8 beside the bottom-left one.
    @inline(__always)
    static func forEachFormatModule(size: Int, _ body: (_ x: Int, _ y: Int, _ bit: Int) -> Void) {
        for index in 0...5 { body(8, index, index) }
        body(8, 7, 6)
        body(8, 8, 7)
        body(7, 8, 8)
        for index in 9..<15 { body(14 - index, 8, index) }
        for index in 0..<8 { body(size - 1 - index, 8, index) }
        for index in 8..<15 { body(8, size - 15 + index, index) }
    }

    // MARK: Bit boards

    /// Every mask repeats every 12 rows and every 12 columns (lcm of the periods 2, 3 and 4×6).
    static let period = 12
    /// Words per line in the bit boards of the largest symbol (177 modules).
    static let maxWords = 3
    private static let maxSize = VersionTable.size(40)

    /// `rowWords[(mask * 12 + y % 12) * 3 + w]`: the bits x = 64w … where the mask inverts row y.
    static let rowWords: [UInt64] = boardWords { mask, phase, position in inverts(mask: mask, x: position, y: phase) }

    /// `columnWords[(mask * 12 + x % 12) * 3 + w]`: the bits y = 64w … where the mask inverts column x.
    static let columnWords: [UInt64] = boardWords { mask, phase, position in inverts(mask: mask, x: phase, y: position) }

    private static func boardWords(_ inverts: (Int, Int, Int) -> Bool) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: count * period * maxWords)
        for mask in 0..<count {
            for phase in 0..<period {
                for position in 0..<maxSize where inverts(mask, phase, position) {
                    table[(mask * period + phase) * maxWords + position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
        return table
    }
}

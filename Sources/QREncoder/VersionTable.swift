/// Per-version facts from ISO/IEC 18004: symbol size, error-correction block structure,
/// data capacity and alignment pattern positions.
enum VersionTable {
    static let versions = 1...40

    static func size(_ version: Int) -> Int { 4 * version + 17 }

    /// Error-correction codewords per block, `[ecl.ordinal][version]` (Table 9).
    static let eccCodewordsPerBlock: [[UInt8]] = [
        // 1   2   3   4   5   6   7   8   9  10  11  12  13  14  15  16  17  18  19  20
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         //21 22  23  24  25  26  27  28  29  30  31  32  33  34  35  36  37  38  39  40
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error-correction blocks, `[ecl.ordinal][version]` (Table 9).
    static let errorCorrectionBlocks: [[UInt8]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Number of alignment patterns along one axis (0 for version 1).
    static func alignmentCount(_ version: Int) -> Int {
        version == 1 ? 0 : version / 7 + 2
    }

    /// Centre coordinates of the alignment patterns along one axis (Annex E), ascending.
    /// The first is always 6, the last `size - 7`; the ones between are evenly spaced with an
    /// even step, rounded up, except version 32 whose step the standard sets to 26.
    static func alignmentPositions(_ version: Int) -> [Int] {
        let count = alignmentCount(version)
        guard count > 0 else { return [] }
        let last = size(version) - 7
        let step: Int
        if version == 32 {
            step = 26
        } else {
            let span = last - 6
            let gaps = count - 1
            step = (span + 2 * gaps - 1) / (2 * gaps) * 2
        }
        var positions = [Int](repeating: 6, count: count)
        for index in 1..<count {
            positions[index] = last - (count - 1 - index) * step
        }
        return positions
    }

    /// Modules available for codewords after all function patterns, including remainder bits.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        let count = alignmentCount(version)
        if count > 0 {
            result -= (25 * count - 10) * count - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// All codewords (data and error correction) in a symbol of this version.
    static func totalCodewords(_ version: Int) -> Int { rawDataModules(version) / 8 }

    /// Data codewords of a symbol of this version and level.
    static func dataCodewords(_ version: Int, _ ecl: ErrorCorrection) -> Int {
        let ecc = Int(eccCodewordsPerBlock[ecl.ordinal][version])
        let blocks = Int(errorCorrectionBlocks[ecl.ordinal][version])
        return totalCodewords(version) - ecc * blocks
    }

    /// Data bits available to segments (mode indicators, counts, data and terminator).
    static func dataBits(_ version: Int, _ ecl: ErrorCorrection) -> Int {
        dataCodewords(version, ecl) * 8
    }

    /// The three ranges of versions whose character-count fields have the same widths (Table 3).
    static func versionClass(_ version: Int) -> VersionClass {
        if version <= 9 { return .small }
        if version <= 26 { return .medium }
        return .large
    }
}

/// Versions 1–9, 10–26 and 27–40 use different character-count widths (Table 3).
enum VersionClass: Int, CaseIterable, Sendable {
    case small = 0, medium = 1, large = 2

    var versions: ClosedRange<Int> {
        switch self {
        case .small: 1...9
        case .medium: 10...26
        case .large: 27...40
        }
    }
}

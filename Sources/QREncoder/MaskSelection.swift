/// Masking on bit boards (7.8): draws a mask and its format word over a symbol's rows and
/// columns, scores it, and picks the mask with the lowest `MaskPenalty` (the lowest mask number
/// on ties). A mask costs a few word operations per row and column.
struct MaskSelection {
    let layout: VersionLayout
    let boards: SymbolBoards
    let ecl: ErrorCorrection

    /// The mask with the lowest penalty.
    func bestMask() -> Int {
        var best = 0
        var bestScore = Int.max
        withScratchBoards { rows, columns in
            for mask in 0..<MaskPattern.count {
                draw(mask: mask, rows: rows, columns: columns)
                let score = MaskPenalty.score(rows: rows, columns: columns, size: layout.size,
                                              words: layout.words, limit: bestScore)
                if score < bestScore {
                    bestScore = score
                    best = mask
                }
            }
        }
        return best
    }

    /// The penalty of one mask.
    func score(mask: Int) -> Int {
        var score = 0
        withScratchBoards { rows, columns in
            draw(mask: mask, rows: rows, columns: columns)
            score = MaskPenalty.score(rows: rows, columns: columns, size: layout.size, words: layout.words)
        }
        return score
    }

    /// Writes the finished symbol with `mask` as bytes (1 = dark), row-major.
    func render(mask: Int, into modules: UnsafeMutablePointer<UInt8>) {
        let size = layout.size, words = layout.words
        withScratchBoards { rows, columns in
            draw(mask: mask, rows: rows, columns: columns)
            Self.byteExpansion.withUnsafeBufferPointer { expansion in
                for y in 0..<size {
                    let row = modules + y * size
                    var x = 0
                    // Eight modules at a time: one table lookup gives their eight 0/1 bytes.
                    while x + 8 <= size {
                        let byte = Int(truncatingIfNeeded: rows[y * words + x >> 6] >> UInt64(x & 63)) & 0xFF
                        UnsafeMutableRawPointer(row + x).storeBytes(of: expansion[byte].littleEndian, as: UInt64.self)
                        x += 8
                    }
                    while x < size {
                        row[x] = UInt8(truncatingIfNeeded: rows[y * words + x >> 6] >> UInt64(x & 63)) & 1
                        x += 1
                    }
                }
            }
        }
    }

    /// `byteExpansion[b]`: the eight bits of `b` as eight bytes 0/1 in memory order
    /// (bit 0 first, little-endian).
    private static let byteExpansion: [UInt64] = (0..<256).map { (byte: Int) -> UInt64 in
        var word: UInt64 = 0
        for bit in 0..<8 where (byte >> bit) & 1 == 1 {
            word |= 1 << UInt64(8 * bit)
        }
        return word
    }

    private func withScratchBoards(_ body: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>) -> Void) {
        let count = layout.size * layout.words
        let rows = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        let columns = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        defer {
            rows.deallocate()
            columns.deallocate()
        }
        body(rows, columns)
    }

    /// Symbol XOR (mask AND data modules), plus the format word, as row and column boards.
    private func draw(mask: Int, rows: UnsafeMutablePointer<UInt64>, columns: UnsafeMutablePointer<UInt64>) {
        let size = layout.size, words = layout.words
        let period = MaskPattern.period, maxWords = MaskPattern.maxWords
        Self.apply(MaskPattern.rowWords, mask: mask, base: boards.rows, data: layout.dataRows,
                   into: rows, lines: size, words: words, period: period, maxWords: maxWords)
        Self.apply(MaskPattern.columnWords, mask: mask, base: boards.columns, data: layout.dataColumns,
                   into: columns, lines: size, words: words, period: period, maxWords: maxWords)
        // Format modules are light in the layout, so only the dark bits need setting.
        let formatWord = FormatInformation.formatWord(ecl, mask: mask)
        MaskPattern.forEachFormatModule(size: size) { x, y, bit in
            let dark = UInt64((formatWord >> bit) & 1)  // ORed in without a branch
            rows[y * words + x >> 6] |= dark << UInt64(x & 63)
            columns[x * words + y >> 6] |= dark << UInt64(y & 63)
        }
    }

    @inline(__always)
    private static func apply(
        _ pattern: [UInt64], mask: Int, base: [UInt64], data: [UInt64],
        into destination: UnsafeMutablePointer<UInt64>, lines: Int, words: Int, period: Int, maxWords: Int
    ) {
        pattern.withUnsafeBufferPointer { pattern in
            base.withUnsafeBufferPointer { base in
                data.withUnsafeBufferPointer { data in
                    var phase = 0
                    for line in 0..<lines {
                        let patternBase = (mask * period + phase) * maxWords
                        for word in 0..<words {
                            let index = line * words + word
                            destination[index] = base[index] ^ (data[index] & pattern[patternBase + word])
                        }
                        phase += 1
                        if phase == period { phase = 0 }
                    }
                }
            }
        }
    }
}

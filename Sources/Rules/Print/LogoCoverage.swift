import QREncoder

/// The modules a centred logo of `width` × `height` (fractions of the symbol's width, quiet
/// zone excluded) covers, and what that costs each Reed–Solomon block. A module the logo
/// overlaps at all counts as covered; a codeword with any covered module counts as one error
/// in its block (a decoder does not know where the logo is, so it cannot treat them as erasures).
struct LogoCoverage {
    /// Covered columns and rows, in modules from the symbol's top-left corner.
    let columns: Range<Int>
    let rows: Range<Int>
    /// Modules per side.
    let symbolSize: Int

    init(width: Double, height: Double, symbolSize: Int) {
        self.symbolSize = symbolSize
        columns = Self.span(width, of: symbolSize)
        rows = Self.span(height, of: symbolSize)
    }

    /// The modules a centred interval of `fraction` × `size` modules overlaps. Edges that fall
    /// on a module boundary (within rounding) do not take in the next module.
    private static func span(_ fraction: Double, of size: Int) -> Range<Int> {
        let half = max(0, min(1, fraction)) * Double(size) / 2, centre = Double(size) / 2
        guard half > 0 else { return 0..<0 }
        let lower = Int((centre - half + 1e-9).rounded(.down)), upper = Int((centre + half - 1e-9).rounded(.up))
        return max(0, lower)..<min(size, max(lower + 1, upper))
    }

    var isEmpty: Bool { columns.isEmpty || rows.isEmpty }

    /// Whether the logo covers any module of the three finder patterns or their separators
    /// (the 8 × 8 corners other than the bottom right).
    var touchesFinderPatterns: Bool {
        let near = 0..<8, far = symbolSize - 8..<symbolSize
        return [(near, near), (far, near), (near, far)].contains { columnRange, rowRange in
            columns.overlaps(columnRange) && rows.overlaps(rowRange)
        }
    }

    /// Covered codewords per block (indexed by block).
    func coveredCodewordsPerBlock(_ map: CodewordMap) -> [Int] {
        var counts = [Int](repeating: 0, count: map.blockCount)
        var seen = Set<CodewordPosition>()
        for y in rows {
            for x in columns {
                guard let codeword = map.codeword(x: x, y: y), seen.insert(codeword).inserted else { continue }
                counts[codeword.block] += 1
            }
        }
        return counts
    }
}

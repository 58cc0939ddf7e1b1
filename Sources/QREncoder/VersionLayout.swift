/// What a version's symbols share whatever the data: the function patterns and the map of data
/// modules as row and column bit boards, and the module of every codeword bit. Built once per
/// version from `SymbolTemplate`, on first use of its version class.
struct VersionLayout: Sendable {
    let version: Int
    let size: Int
    /// 64-bit words per row or column.
    let words: Int
    /// Function patterns (format areas light): `rows[y * words + x / 64]` bit `x % 64`.
    let baseRows: [UInt64]
    let baseColumns: [UInt64]
    /// Data modules (those the mask applies to), same layout.
    let dataRows: [UInt64]
    let dataColumns: [UInt64]
    /// `placement[2 * i]`, `placement[2 * i + 1]`: column and row of codeword bit `i`.
    let placement: [UInt8]

    init(version: Int) {
        let template = SymbolTemplate(version: version)
        let size = template.size
        let words = (size + 63) >> 6
        var baseRows = [UInt64](repeating: 0, count: size * words)
        var baseColumns = baseRows, dataRows = baseRows, dataColumns = baseRows
        for y in 0..<size {
            for x in 0..<size {
                let module = UInt64(template.modules[y * size + x]), data = UInt64(template.isData[y * size + x])
                baseRows[y * words + x >> 6] |= module << UInt64(x & 63)
                dataRows[y * words + x >> 6] |= data << UInt64(x & 63)
                baseColumns[x * words + y >> 6] |= module << UInt64(y & 63)
                dataColumns[x * words + y >> 6] |= data << UInt64(y & 63)
            }
        }
        var placement = [UInt8]()
        placement.reserveCapacity(2 * VersionTable.rawDataModules(version))
        template.forEachDataModuleInPlacementOrder { x, y in
            placement.append(UInt8(x))
            placement.append(UInt8(y))
        }
        self.version = version
        self.size = size
        self.words = words
        self.baseRows = baseRows
        self.baseColumns = baseColumns
        self.dataRows = dataRows
        self.dataColumns = dataColumns
        self.placement = placement
    }

    /// The layout of a version (1…40).
    static func of(_ version: Int) -> VersionLayout {
        switch VersionTable.versionClass(version) {
        case .small: small[version - 1]
        case .medium: medium[version - 10]
        case .large: large[version - 27]
        }
    }

    private static let small = VersionClass.small.versions.map(VersionLayout.init)
    private static let medium = VersionClass.medium.versions.map(VersionLayout.init)
    private static let large = VersionClass.large.versions.map(VersionLayout.init)
}

/// A symbol's modules before masking as row and column bit boards (see `VersionLayout`).
struct SymbolBoards {
    var rows: [UInt64]
    var columns: [UInt64]

    /// The function patterns with the codewords placed on the data modules.
    ///
    /// The codeword bits are ORed into a zeroed row board without branches (data bits are
    /// unpredictable), then the columns are that board transposed; function patterns come
    /// from the layout (data modules are zero there, so OR combines them).
    init(layout: VersionLayout, codewords: [UInt8]) {
        let size = layout.size, words = layout.words
        var placed = [UInt64](repeating: 0, count: size * words)
        placed.withUnsafeMutableBufferPointer { placed in
            layout.placement.withUnsafeBufferPointer { placement in
                var index = 0
                for codeword in codewords {
                    var value = UInt64(codeword)
                    for _ in 0..<8 {
                        let x = Int(placement[index]), y = Int(placement[index + 1])
                        placed[y * words + x >> 6] |= ((value >> 7) & 1) << UInt64(x & 63)
                        value <<= 1
                        index += 2
                    }
                }
            }
        }
        var columns = [UInt64](repeating: 0, count: size * words)
        BitMatrix.transpose(placed, into: &columns, size: size, words: words)
        for index in 0..<size * words {
            placed[index] |= layout.baseRows[index]
            columns[index] |= layout.baseColumns[index]
        }
        rows = placed
        self.columns = columns
    }
}

/// Square bit matrices stored as lines of 64-bit words, bit `x % 64` of word `x / 64` of line
/// `y` holding element (x, y).
enum BitMatrix {
    /// `destination` (line x, bit y) = `source` (line y, bit x), 64×64 blocks at a time.
    static func transpose(_ source: [UInt64], into destination: inout [UInt64], size: Int, words: Int) {
        var block = [UInt64](repeating: 0, count: 64)
        for blockRow in 0..<words {
            for blockColumn in 0..<words {
                for line in 0..<64 {
                    let y = blockRow * 64 + line
                    block[line] = y < size ? source[y * words + blockColumn] : 0
                }
                block.withUnsafeMutableBufferPointer { block in
                    if let base = block.baseAddress { transpose64(base) }
                }
                for line in 0..<64 {
                    let x = blockColumn * 64 + line
                    if x < size { destination[x * words + blockRow] = block[line] }
                }
            }
        }
    }

    /// Transposes a 64×64 bit block in place (word i, bit j ↔ word j, bit i) by swapping
    /// ever smaller sub-blocks: 32×32, then 16×16, … , 1×1 (Hacker's Delight, 7-3).
    static func transpose64(_ block: UnsafeMutablePointer<UInt64>) {
        var width = 32
        var mask: UInt64 = 0x0000_0000_FFFF_FFFF
        while width != 0 {
            var k = 0
            while k < 64 {
                // Swap the high `width` bits of word k with the low `width` bits of word k + width.
                let t = ((block[k] >> UInt64(width)) ^ block[k + width]) & mask
                block[k] ^= t << UInt64(width)
                block[k + width] ^= t
                k = (k + width + 1) & ~width
            }
            width >>= 1
            mask ^= mask << UInt64(width)
        }
    }
}

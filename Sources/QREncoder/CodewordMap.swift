/// One codeword of a symbol: its Reed–Solomon block and its place in that block (data
/// codewords first, then the block's error-correction codewords).
public struct CodewordPosition: Sendable, Hashable {
    /// 0-based, in the order of ISO/IEC 18004 Table 9 (the shorter blocks first).
    public let block: Int
    /// 0-based position in the block: `0..<dataCodewords(inBlock:)` are data.
    public let index: Int
}

/// Which codeword each module of a symbol carries, for one version and error-correction level
/// (the map is the same for every symbol of that shape, whatever the data and mask): the
/// placement of 7.7.3 (two-module columns, zig-zag from the bottom right, around the function
/// patterns) undone, then the interleaving of 7.6 undone.
public struct CodewordMap: Sendable {
    public let version: Int
    public let errorCorrection: ErrorCorrection
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Reed–Solomon blocks.
    public let blockCount: Int
    /// Error-correction codewords in every block.
    public let errorCorrectionCodewordsPerBlock: Int
    /// Codewords in the whole symbol, data and error correction.
    public let totalCodewords: Int
    /// Codeword bit of each module, row-major: bit `b` is bit `7 - b % 8` (most significant
    /// first) of the `b / 8`-th codeword in interleaved order; -1 for function patterns and
    /// remainder bits. (At most 29,648 bits, version 40.)
    let bitIndex: [Int16]

    /// The map for `version` (1…40) at `errorCorrection`; nil for a version out of range.
    public init?(version: Int, errorCorrection: ErrorCorrection) {
        guard VersionTable.versions.contains(version) else { return nil }
        self.init(validVersion: version, errorCorrection: errorCorrection)
    }

    /// The map for a version known to be in 1…40 (a finished symbol's or a shape's).
    init(validVersion version: Int, errorCorrection: ErrorCorrection) {
        self.version = version
        self.errorCorrection = errorCorrection
        size = VersionTable.size(version)
        blockCount = Int(VersionTable.errorCorrectionBlocks[errorCorrection.ordinal][version])
        errorCorrectionCodewordsPerBlock = Int(VersionTable.eccCodewordsPerBlock[errorCorrection.ordinal][version])
        totalCodewords = VersionTable.totalCodewords(version)
        var map = [Int16](repeating: -1, count: size * size)
        let placement = VersionLayout.of(version).placement
        for bit in 0..<min(totalCodewords * 8, placement.count / 2) {
            map[Int(placement[2 * bit + 1]) * size + Int(placement[2 * bit])] = Int16(bit)
        }
        bitIndex = map
    }

    /// Data codewords in `block` (the blocks of the second group hold one more).
    public func dataCodewords(inBlock block: Int) -> Int {
        shortDataLength + (block < shortBlocks ? 0 : 1)
    }

    /// Codeword errors each block corrects: half its error-correction codewords, less the
    /// misdecode-protection codewords versions 1–3 keep (Table 9, note c).
    public var correctableErrorsPerBlock: Int {
        (errorCorrectionCodewordsPerBlock - misdecodeProtectionCodewords) / 2
    }

    /// The codeword the module in column `x`, row `y` carries; nil for a function-pattern
    /// module, a remainder bit, or a position outside the symbol.
    public func codeword(x: Int, y: Int) -> CodewordPosition? {
        guard x >= 0, y >= 0, x < size, y < size else { return nil }
        let bit = Int(bitIndex[y * size + x])
        return bit < 0 ? nil : position(ofInterleaved: bit / 8)
    }

    /// Where the `interleaved`-th codeword of the symbol's codeword sequence comes from: data
    /// codeword i of every block in turn (the longer blocks' extra codeword last), then
    /// error-correction codeword i of every block.
    public func position(ofInterleaved interleaved: Int) -> CodewordPosition {
        let shortDataTotal = shortDataLength * blockCount
        let dataTotal = shortDataTotal + (blockCount - shortBlocks)
        if interleaved < shortDataTotal {
            return CodewordPosition(block: interleaved % blockCount, index: interleaved / blockCount)
        }
        if interleaved < dataTotal {
            return CodewordPosition(block: shortBlocks + interleaved - shortDataTotal, index: shortDataLength)
        }
        let ecc = interleaved - dataTotal
        let block = ecc % blockCount
        return CodewordPosition(block: block, index: dataCodewords(inBlock: block) + ecc / blockCount)
    }

    /// Blocks of the first (shorter) group.
    private var shortBlocks: Int { blockCount - totalCodewords % blockCount }
    private var shortDataLength: Int { totalCodewords / blockCount - errorCorrectionCodewordsPerBlock }

    private var misdecodeProtectionCodewords: Int {
        switch (version, errorCorrection) {
        case (1, .low): 3
        case (1, .medium), (2, .low): 2
        case (1, .quartile), (1, .high), (3, .low): 1
        default: 0
        }
    }
}

extension QRCode {
    /// Which codeword each of this symbol's modules carries.
    public func codewordMap() -> CodewordMap {
        CodewordMap(validVersion: version, errorCorrection: errorCorrection)
    }
}

extension SymbolShape {
    /// Which codeword each module of a symbol of this shape carries.
    public func codewordMap() -> CodewordMap {
        CodewordMap(validVersion: version, errorCorrection: errorCorrection)
    }
}

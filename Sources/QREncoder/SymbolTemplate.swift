/// The function patterns of one version drawn on an empty symbol (ISO/IEC 18004, 6.3):
/// finder patterns with separators, timing patterns, alignment patterns, the dark module,
/// the version information (versions 7+) and the reserved (not yet drawn) format areas.
struct SymbolTemplate {
    let version: Int
    let size: Int
    /// Module colours, row-major, 1 = dark.
    var modules: [UInt8]
    /// 1 where a module carries codeword bits (and is masked), 0 on function modules.
    var isData: [UInt8]

    init(version: Int) {
        self.version = version
        size = VersionTable.size(version)
        modules = [UInt8](repeating: 0, count: size * size)
        isData = [UInt8](repeating: 1, count: size * size)
        drawTimingPatterns()
        drawFinderPattern(centerX: 3, centerY: 3)
        drawFinderPattern(centerX: size - 4, centerY: 3)
        drawFinderPattern(centerX: 3, centerY: size - 4)
        drawAlignmentPatterns()
        reserveFormatAreas()
        drawVersionInformation()
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark ? 1 : 0
        isData[y * size + x] = 0
    }

    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    /// A 7×7 finder pattern and its one-module light separator, clipped to the symbol.
    private mutating func drawFinderPattern(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx, y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// 5×5 alignment patterns at every pair of positions except the three finder corners.
    private mutating func drawAlignmentPatterns() {
        let positions = VersionTable.alignmentPositions(version)
        let last = positions.count - 1
        for (i, centerY) in positions.enumerated() {
            for (j, centerX) in positions.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// Marks both copies of the format information as function modules (drawn per mask
    /// later) and draws the dark module at (8, size - 8).
    private mutating func reserveFormatAreas() {
        for index in 0..<9 where index != 6 {  // (8, 6) and (6, 8) belong to the timing patterns
            setFunction(x: 8, y: index, dark: false)
            setFunction(x: index, y: 8, dark: false)
        }
        for index in 0..<8 {
            setFunction(x: size - 1 - index, y: 8, dark: false)
            setFunction(x: 8, y: size - 1 - index, dark: false)
        }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Two 6×3 copies of the version word, versions 7 and up (7.10).
    private mutating func drawVersionInformation() {
        guard version >= 7 else { return }
        let word = FormatInformation.versionWord(version)
        for bit in 0..<18 {
            let dark = (word >> bit) & 1 == 1
            let a = size - 11 + bit % 3
            let b = bit / 3
            setFunction(x: a, y: b, dark: dark)
            setFunction(x: b, y: a, dark: dark)
        }
    }

    /// Calls `body(x, y)` for each data module in codeword-bit order: two-module-wide columns
    /// from the right, alternately upwards and downwards, right module before left, skipping
    /// the vertical timing column (7.7.3). Modules after the last codeword bit are remainder
    /// bits and stay light.
    func forEachDataModuleInPlacementOrder(_ body: (_ x: Int, _ y: Int) -> Void) {
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where isData[y * size + x] != 0 {
                    body(x, y)
                }
            }
            right -= 2
        }
    }
}

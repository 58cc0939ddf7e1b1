import Testing
@testable import QREncoder

@Suite struct FunctionPatternTests {
    @Test func formatWordsMatchAnnexC() {
        for ecl in ErrorCorrection.allCases {
            for mask in 0..<8 {
                let index = ecl.formatBits << 3 | mask
                #expect(FormatInformation.formatWord(ecl, mask: mask) == formatWordTable[index],
                        "level \(ecl.rawValue) mask \(mask)")
            }
        }
    }

    @Test func levelIndicatorsMatchTable12() {
        #expect(ErrorCorrection.low.formatBits == 0b01)
        #expect(ErrorCorrection.medium.formatBits == 0b00)
        #expect(ErrorCorrection.quartile.formatBits == 0b11)
        #expect(ErrorCorrection.high.formatBits == 0b10)
    }

    @Test(arguments: 7...40)
    func versionWordsMatchAnnexD(version: Int) {
        #expect(FormatInformation.versionWord(version) == versionWordTable[version - 7])
    }

    @Test(arguments: 1...40)
    func alignmentPositionsMatchAnnexE(version: Int) {
        #expect(VersionTable.alignmentPositions(version) == alignmentPatternTable[version - 1])
    }

    /// The modules left for data after drawing every function pattern equal the standard's
    /// count of codewords × 8 plus remainder bits (Table 1: 0, 7, 3 or 4 remainder bits).
    @Test(arguments: 1...40)
    func dataModulesMatchCodewordCapacity(version: Int) {
        let template = SymbolTemplate(version: version)
        let dataModules = template.isData.reduce(0) { $0 + Int($1) }
        #expect(dataModules == VersionTable.rawDataModules(version))
        let remainder: Int = switch version {
        case 1: 0
        case 2...6: 7
        case 7...13: 0
        case 14...20: 3
        case 21...27: 4
        case 28...34: 3
        default: 0
        }
        #expect(dataModules == VersionTable.totalCodewords(version) * 8 + remainder)
    }

    /// Table 1 totals: a few versions' codeword counts.
    @Test func totalCodewordsMatchTable1() {
        let expected = [1: 26, 2: 44, 7: 196, 10: 346, 14: 581, 21: 1156, 27: 1828, 32: 2465, 40: 3706]
        for (version, total) in expected {
            #expect(VersionTable.totalCodewords(version) == total, "version \(version)")
        }
    }

    /// The version word is drawn where Figure 27 puts it: bit 0 at (size-11, 0) and (0, size-11).
    @Test func versionInformationPlacement() throws {
        let code = try QREncoder.encode(text: "A", options: EncodeOptions(ecl: .low, minVersion: 7, mask: 0))
        let word = versionWordTable[0]
        for bit in 0..<18 {
            let dark = (word >> bit) & 1 == 1
            let a = code.code.size - 11 + bit % 3, b = bit / 3
            #expect(code.code.isDark(x: a, y: b) == dark)
            #expect(code.code.isDark(x: b, y: a) == dark)
        }
    }

    /// The dark module (8, 4V + 9) and the timing patterns.
    @Test(arguments: [1, 6, 7, 40])
    func timingPatternsAndDarkModule(version: Int) throws {
        let code = try QREncoder.encode(text: "1", options: EncodeOptions(minVersion: version, maxVersion: version)).code
        #expect(code.isDark(x: 8, y: 4 * version + 9))
        for index in 8..<(code.size - 8) {
            #expect(code.isDark(x: index, y: 6) == (index % 2 == 0))
            #expect(code.isDark(x: 6, y: index) == (index % 2 == 0))
        }
    }
}

@Suite struct BitBoardTests {
    /// The 64×64 block transpose against the definition, for every board width in use.
    @Test(arguments: [21, 45, 57, 64, 65, 101, 128, 129, 177])
    func transposeMatchesDefinition(size: Int) {
        var random = TestRandom(seed: UInt64(size))
        let words = (size + 63) / 64
        var rows = [UInt64](repeating: 0, count: size * words)
        var expected = rows
        for y in 0..<size {
            for x in 0..<size where random.below(2) == 1 {
                rows[y * words + x / 64] |= 1 << UInt64(x % 64)
                expected[x * words + y / 64] |= 1 << UInt64(y % 64)
            }
        }
        var columns = [UInt64](repeating: 0, count: size * words)
        BitMatrix.transpose(rows, into: &columns, size: size, words: words)
        #expect(columns == expected)
    }

    /// The cached layout's boards hold the same modules as the byte template it came from.
    @Test(arguments: [1, 7, 10, 11, 32, 40])
    func layoutBoardsMatchTemplate(version: Int) {
        let template = SymbolTemplate(version: version)
        let layout = VersionLayout.of(version)
        let words = layout.words
        for y in 0..<template.size {
            for x in 0..<template.size {
                let module = template.modules[y * template.size + x] == 1
                let data = template.isData[y * template.size + x] == 1
                #expect(((layout.baseRows[y * words + x / 64] >> UInt64(x % 64)) & 1 == 1) == module)
                #expect(((layout.baseColumns[x * words + y / 64] >> UInt64(y % 64)) & 1 == 1) == module)
                #expect(((layout.dataRows[y * words + x / 64] >> UInt64(x % 64)) & 1 == 1) == data)
            }
        }
        #expect(layout.placement.count == 2 * VersionTable.rawDataModules(version))
    }
}

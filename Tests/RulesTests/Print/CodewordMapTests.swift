import Testing
@testable import QREncoder

/// `CodewordMap`: which codeword of which block each module carries (the logo rule's basis).
@Suite("Codeword map")
struct CodewordMapTests {
    /// Version 1-M (one block: 16 data + 10 error-correction codewords), by hand from 7.7.3:
    /// columns 20/19, 18/17, 16/15 and 14/13 hold 12 rows each below the top-right finder, three
    /// codewords per column pair (0–11); columns 12/11 run upwards from row 20, so rows 20–17
    /// are codeword 12, rows 16–13 codeword 13, rows 12–9 codeword 14; above them rows 8–0
    /// (without the timing row 6) are codewords 15 and 16; columns 10/9 run downwards through
    /// rows 0–8 (codewords 17, 18), then rows 9–12 are codeword 19, the fourth error-correction one.
    @Test func version1MediumByHand() throws {
        let map = try #require(CodewordMap(version: 1, errorCorrection: .medium))
        #expect(map.blockCount == 1)
        #expect(map.totalCodewords == 26)
        #expect(map.dataCodewords(inBlock: 0) == 16)
        #expect(map.errorCorrectionCodewordsPerBlock == 10)
        #expect(map.correctableErrorsPerBlock == 4)    // (10 - 2) / 2: version 1-M keeps 2 for misdecode protection
        #expect(map.codeword(x: 20, y: 20) == CodewordPosition(block: 0, index: 0))
        #expect(map.codeword(x: 19, y: 17) == CodewordPosition(block: 0, index: 0))
        #expect(map.codeword(x: 20, y: 16) == CodewordPosition(block: 0, index: 1))
        #expect(map.codeword(x: 18, y: 9) == CodewordPosition(block: 0, index: 3))   // downwards from row 9
        #expect(map.codeword(x: 12, y: 20) == CodewordPosition(block: 0, index: 12))
        #expect(map.codeword(x: 11, y: 9) == CodewordPosition(block: 0, index: 14))
        #expect(map.codeword(x: 12, y: 8) == CodewordPosition(block: 0, index: 15))
        #expect(map.codeword(x: 11, y: 7) == CodewordPosition(block: 0, index: 15))
        #expect(map.codeword(x: 12, y: 5) == CodewordPosition(block: 0, index: 15))   // row 6 is timing
        #expect(map.codeword(x: 10, y: 0) == CodewordPosition(block: 0, index: 17))
        #expect(map.codeword(x: 9, y: 9) == CodewordPosition(block: 0, index: 19))
        #expect(map.codeword(x: 10, y: 12) == CodewordPosition(block: 0, index: 19))
        // Function patterns and outside.
        #expect(map.codeword(x: 0, y: 0) == nil)          // finder
        #expect(map.codeword(x: 6, y: 10) == nil)         // timing
        #expect(map.codeword(x: 8, y: 3) == nil)          // format information
        #expect(map.codeword(x: 8, y: 13) == nil)         // the dark module
        #expect(map.codeword(x: -1, y: 0) == nil)
        #expect(map.codeword(x: 21, y: 0) == nil)
    }

    /// Version 5-Q: 2 blocks of 15 and 2 of 16 data codewords, 18 error-correction codewords
    /// each (Table 9). Interleaved: data 0 of blocks 1–4, data 1 of blocks 1–4, …, the two long
    /// blocks' 16th data codewords, then error correction 0 of blocks 1–4, … (7.6).
    @Test func version5QuartileInterleaving() throws {
        let map = try #require(CodewordMap(version: 5, errorCorrection: .quartile))
        #expect(map.blockCount == 4)
        #expect(map.totalCodewords == 134)
        #expect((0..<4).map(map.dataCodewords(inBlock:)) == [15, 15, 16, 16])
        #expect(map.correctableErrorsPerBlock == 9)
        let expected: [(Int, Int, Int)] = [
            (0, 0, 0), (1, 1, 0), (3, 3, 0), (4, 0, 1), (59, 3, 14),
            (60, 2, 15), (61, 3, 15),                    // the long blocks' extra data codeword
            (62, 0, 15), (63, 1, 15), (64, 2, 16), (65, 3, 16),   // first error-correction codewords
            (66, 0, 16), (133, 3, 33),
        ]
        for (interleaved, block, index) in expected {
            #expect(map.position(ofInterleaved: interleaved) == CodewordPosition(block: block, index: index), "\(interleaved)")
        }
    }

    /// Table 9's (c, k, r): errors corrected per block, with versions 1–3's misdecode protection.
    @Test(arguments: [
        (1, ErrorCorrection.low, 2), (1, .medium, 4), (1, .quartile, 6), (1, .high, 8),
        (2, .low, 4), (2, .medium, 8), (3, .low, 7), (4, .low, 10), (5, .high, 11), (40, .high, 15),
    ])
    func correctableErrorsMatchTable9(version: Int, level: ErrorCorrection, errors: Int) throws {
        let map = try #require(CodewordMap(version: version, errorCorrection: level))
        #expect(map.correctableErrorsPerBlock == errors)
    }

    @Test func versionsOutsideTheStandardHaveNoMap() {
        #expect(CodewordMap(version: 0, errorCorrection: .low) == nil)
        #expect(CodewordMap(version: 41, errorCorrection: .high) == nil)
    }

    /// Every codeword has exactly 8 modules, and the map covers every data module: read back
    /// through the map, a real symbol's codewords (mask removed) give its data and each block's
    /// Reed–Solomon remainder.
    @Test(arguments: [1, 2, 5, 7, 10, 14, 21, 27, 33, 40])
    func realSymbolsReadBackThroughTheMap(version: Int) throws {
        for ecl in ErrorCorrection.allCases {
            let capacity = VersionTable.dataCodewords(version, ecl)
            let countBytes = version < 10 ? 1 : 2
            let payload = (0..<(capacity - 1 - countBytes)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ version) }
            let options = EncodeOptions(ecl: ecl, minVersion: version, maxVersion: version, boostErrorCorrection: false)
            let code = try QREncoder.encode(segments: [Segment.makeBytes(payload)], options: options).code
            let map = code.codewordMap()

            var interleaved = [UInt8](repeating: 0, count: map.totalCodewords)
            var modulesPerCodeword = [Int](repeating: 0, count: map.totalCodewords)
            for y in 0..<map.size {
                for x in 0..<map.size {
                    let bit = Int(map.bitIndex[y * map.size + x])
                    guard bit >= 0 else { continue }
                    let position = try #require(map.codeword(x: x, y: y))
                    #expect(position == map.position(ofInterleaved: bit / 8))
                    let dark = code.isDark(x: x, y: y) != MaskPattern.inverts(mask: code.mask, x: x, y: y)
                    if dark { interleaved[bit / 8] |= 0x80 >> UInt8(bit % 8) }
                    modulesPerCodeword[bit / 8] += 1
                }
            }
            #expect(modulesPerCodeword.allSatisfy { $0 == 8 }, "version \(version)-\(ecl.rawValue)")

            var blocks = (0..<map.blockCount).map {
                [UInt8](repeating: 0, count: map.dataCodewords(inBlock: $0) + map.errorCorrectionCodewordsPerBlock)
            }
            for (index, value) in interleaved.enumerated() {
                let position = map.position(ofInterleaved: index)
                blocks[position.block][position.index] = value
            }
            var data: [UInt8] = []
            for (number, block) in blocks.enumerated() {
                let dataLength = map.dataCodewords(inBlock: number)
                let remainder = ReedSolomon.remainder(of: Array(block[..<dataLength]), degree: map.errorCorrectionCodewordsPerBlock)
                #expect(remainder == Array(block[dataLength...]), "version \(version)-\(ecl.rawValue) block \(number)")
                data += block[..<dataLength]
            }
            // Byte mode: 0100, the count (8 bits below version 10, else 16), then the payload.
            var expected = BitWriter()
            expected.append(0b0100, bits: 4)
            expected.append(payload.count, bits: version < 10 ? 8 : 16)
            for byte in payload { expected.append(Int(byte), bits: 8) }
            let bytes = expected.bytes
            #expect(Array(data.prefix(bytes.count)) == bytes, "version \(version)-\(ecl.rawValue): data read back")
        }
    }
}

/// Bits appended most significant first, read back as whole bytes (a trailing partial byte is dropped).
private struct BitWriter {
    private var bits: [Bool] = []

    mutating func append(_ value: Int, bits count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count - 7, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}

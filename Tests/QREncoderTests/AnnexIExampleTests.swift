import Testing
@testable import QREncoder

/// ISO/IEC 18004 Annex I: "01234567" as a version 1-M symbol with mask pattern 010.
@Suite struct AnnexIExampleTests {
    static let expectedSymbol = [
        "111111100101101111111",
        "100000100111101000001",
        "101110101000001011101",
        "101110101100001011101",
        "101110101011101011101",
        "100000101000101000001",
        "111111101010101111111",
        "000000001001100000000",
        "101111100100101111100",
        "000101011010100101100",
        "001000110101010011111",
        "000010000100000111100",
        "000111111001010010000",
        "000000001011111001100",
        "111111100110101100000",
        "100000101011111000101",
        "101110101000100101100",
        "101110101100100100000",
        "101110101011010010100",
        "100000100000000110110",
        "111111101111010010100",
    ]

    /// I.2: mode 0001, count 0000001000, 012 → 0000001100, 345 → 0101011001, 67 → 1000011,
    /// terminator 0000, then pad codewords.
    static let dataCodewords: [UInt8] = [
        0b0001_0000, 0b0010_0000, 0b0000_1100, 0b0101_0110, 0b0110_0001, 0b1000_0000,
        0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
    ]

    /// I.2: the ten error-correction codewords.
    static let errorCorrectionCodewords: [UInt8] = [
        0b1010_0101, 0b0010_0100, 0b1101_0100, 0b1100_0001, 0b1110_1101,
        0b0011_0110, 0b1100_0111, 0b1000_0111, 0b0010_1100, 0b0101_0101,
    ]

    @Test func symbolMatchesTheStandardWithMask010() throws {
        let options = EncodeOptions(ecl: .medium, mask: 2, boostErrorCorrection: false)
        let result = try QREncoder.encode(text: "01234567", options: options)
        #expect(result.code.version == 1)
        #expect(result.code.errorCorrection == .medium)
        #expect(result.code.mask == 2)
        #expect(result.segmentModes == [.numeric])
        let difference = matrixDifference(moduleRows(result.code), Self.expectedSymbol)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func dataCodewordsMatchTheStandard() throws {
        let segment = try Segment.makeNumeric("01234567")
        var buffer = BitBuffer(capacityBytes: 16)
        segment.write(to: &buffer, versionClass: .small)
        #expect(buffer.finishDataCodewords(capacityBytes: 16) == Self.dataCodewords)
    }

    @Test func errorCorrectionCodewordsMatchTheStandard() {
        #expect(ReedSolomon.remainder(of: Self.dataCodewords, degree: 10) == Self.errorCorrectionCodewords)
        let interleaved = SymbolBuilder.interleavedCodewords(Self.dataCodewords, version: 1, ecl: .medium)
        #expect(interleaved == Self.dataCodewords + Self.errorCorrectionCodewords)
    }
}

import Testing
@testable import QREncoder
@testable import Rules

/// The logo rule's geometry and its count of covered codewords per block.
@Suite("Logo coverage")
struct LogoCoverageTests {
    @Test(arguments: [
        // fraction, symbol size, covered modules (a centred span; partly covered modules count)
        (0.2, 25, 10..<15),        // exactly 5 modules, edges on module boundaries
        (0.14, 21, 9..<12),        // 2.94 modules around 10.5
        (0.15, 21, 8..<13),        // 3.15 modules: just over, so one more on each side
        (0.04, 25, 12..<13),       // one module, the middle one
        (0.01, 25, 12..<13),       // any logo covers at least the module it sits on
        (1.0, 25, 0..<25),
        (0.0, 25, 0..<0),
    ])
    func spans(fraction: Double, size: Int, expected: Range<Int>) {
        let coverage = LogoCoverage(width: fraction, height: fraction, symbolSize: size)
        #expect(coverage.columns == expected)
        #expect(coverage.rows == expected)
    }

    @Test func finderPatternsAndSeparatorsMustStayClear() {
        // Version 2: 25 modules; finder + separator corners are modules 0–7 and 17–24.
        #expect(!LogoCoverage(width: 0.36, height: 0.36, symbolSize: 25).touchesFinderPatterns)   // 8..<17
        #expect(LogoCoverage(width: 0.37, height: 0.37, symbolSize: 25).touchesFinderPatterns)    // 7..<18
        // Wide but short: reaches the edges, not the corners.
        #expect(!LogoCoverage(width: 1.0, height: 0.3, symbolSize: 25).touchesFinderPatterns)
    }

    /// Version 1-M by hand (see `CodewordMapTests.version1MediumByHand`): a 14% logo covers
    /// columns and rows 9–11; column 11 there is codeword 14 (rows 12–9 of columns 12/11),
    /// columns 10 and 9 codeword 19 (rows 9–12 of columns 10/9). Two codewords, one block.
    @Test func version1MediumSmallLogoCoversTwoCodewords() throws {
        let map = try #require(CodewordMap(version: 1, errorCorrection: .medium))
        let coverage = LogoCoverage(width: 0.14, height: 0.14, symbolSize: 21)
        #expect(coverage.coveredCodewordsPerBlock(map) == [2])
    }

    /// Version 2-M by hand: one block (28 data + 16 error-correction codewords), correcting 8
    /// errors, of which a logo may use 4 (60%). A 20% logo covers columns and rows 10–14, in
    /// column pairs 14/13, 12/11 and 10/9; the zig-zag puts these 25 modules in 6 codewords.
    @Test func version2MediumTwentyPercentCostsSixCodewords() throws {
        let map = try #require(CodewordMap(version: 2, errorCorrection: .medium))
        #expect(LogoTooLargeRule.allowedErrors(map) == 4)
        let coverage = LogoCoverage(width: 0.2, height: 0.2, symbolSize: 25)
        #expect(coverage.coveredCodewordsPerBlock(map) == [6])
    }

    /// Version 5-Q has four blocks: a covered area spreads over all of them, which is why
    /// interleaving lets a symbol survive a logo at all.
    @Test func coverageSpreadsOverTheBlocks() throws {
        let map = try #require(CodewordMap(version: 5, errorCorrection: .quartile))
        let counts = LogoCoverage(width: 0.2, height: 0.2, symbolSize: 37).coveredCodewordsPerBlock(map)
        #expect(counts.count == 4)
        #expect(counts.allSatisfy { $0 > 0 })
        // Each covered codeword counted once: no more than the distinct codewords of the area.
        var distinct = Set<CodewordPosition>()
        for y in 14..<23 { for x in 14..<23 { if let codeword = map.codeword(x: x, y: y) { distinct.insert(codeword) } } }
        #expect(LogoCoverage(width: 0.2, height: 0.2, symbolSize: 37).columns == 14..<23)
        #expect(counts.reduce(0, +) == distinct.count)
    }
}

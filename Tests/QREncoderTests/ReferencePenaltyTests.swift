import Testing
@testable import QREncoder

/// The bit-parallel mask penalty against a plain evaluation written straight from the rules
/// of 7.8.3 as documented in docs/encoder.md: every row and column padded with a light quiet
/// zone as wide as the symbol, runs listed, and each rule counted from the run list.
@Suite struct ReferencePenaltyTests {
    static func referencePenalty(_ dark: [[Bool]]) -> Int {
        let size = dark.count
        var total = 0
        let rows = dark
        let columns = (0..<size).map { x in (0..<size).map { y in dark[y][x] } }
        for line in rows + columns {
            total += runPenalty(line) + finderPenalty(line)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let color = dark[y][x]
                if dark[y][x + 1] == color && dark[y + 1][x] == color && dark[y + 1][x + 1] == color { total += 3 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
        let percent = Double(darkCount) * 100 / Double(size * size)
        var k = 0
        while abs(percent - 50) > Double(5 * (k + 1)) { k += 1 }
        return total + 10 * k
    }

    /// (colour, length) runs of a sequence of modules.
    static func runs(_ line: [Bool]) -> [(dark: Bool, length: Int)] {
        var result: [(dark: Bool, length: Int)] = []
        for module in line {
            if let last = result.last, last.dark == module {
                result[result.count - 1].length += 1
            } else {
                result.append((module, 1))
            }
        }
        return result
    }

    static func runPenalty(_ line: [Bool]) -> Int {
        runs(line).reduce(0) { $0 + ($1.length >= 5 ? 3 + $1.length - 5 : 0) }
    }

    static func finderPenalty(_ line: [Bool]) -> Int {
        let quietZone = [Bool](repeating: false, count: line.count)
        let runs = runs(quietZone + line + quietZone)
        var count = 0
        for index in 1..<max(1, runs.count - 5) where runs[index].dark {
            let unit = runs[index].length
            let middle = [runs[index + 1].length, runs[index + 2].length, runs[index + 3].length, runs[index + 4].length]
            guard middle == [unit, 3 * unit, unit, unit] else { continue }
            let before = runs[index - 1].length, after = runs[index + 5].length
            if before >= 4 * unit && after >= unit { count += 1 }
            if after >= 4 * unit && before >= unit { count += 1 }
        }
        return 40 * count
    }

    static func boards(_ dark: [[Bool]]) -> (rows: [UInt64], columns: [UInt64], words: Int) {
        let size = dark.count
        let words = (size + 63) / 64
        var rows = [UInt64](repeating: 0, count: size * words), columns = rows
        for y in 0..<size {
            for x in 0..<size where dark[y][x] {
                rows[y * words + x / 64] |= 1 << UInt64(x % 64)
                columns[x * words + y / 64] |= 1 << UInt64(y % 64)
            }
        }
        return (rows, columns, words)
    }

    static func fastPenalty(_ dark: [[Bool]]) -> Int {
        let (rows, columns, words) = boards(dark)
        return rows.withUnsafeBufferPointer { rows in
            columns.withUnsafeBufferPointer { columns in
                guard let rows = rows.baseAddress, let columns = columns.baseAddress else { return -1 }
                return MaskPenalty.score(rows: rows, columns: columns, size: dark.count, words: words)
            }
        }
    }

    /// Every mask of real symbols across the version range (one- and multi-word lines).
    @Test(arguments: [1, 2, 3, 5, 7, 10, 11, 14, 22, 27, 33, 40])
    func realSymbolsScoreLikeTheReference(version: Int) throws {
        let text = String(repeating: "https://qr.acme.example/product?id=42&ref=", count: version)
        let options = EncodeOptions(ecl: .low, minVersion: version, maxVersion: version, urlCompaction: .off)
        let result = try QREncoder.encode(text: String(text.prefix(CapacityTable.capacity(version: version, level: 0).byte)),
                                          options: options)
        let ecl = result.code.errorCorrection
        let layout = VersionLayout.of(version)
        let plan = try #require(QREncoder.choose(TextUnits(text: result.encodedText), options: options, allowKanji: true))
        var buffer = BitBuffer(capacityBytes: VersionTable.dataCodewords(version, ecl))
        SegmentPlanner.write(plan.plan, input: TextUnits(text: result.encodedText), to: &buffer)
        let data = buffer.finishDataCodewords(capacityBytes: VersionTable.dataCodewords(version, ecl))
        let codewords = SymbolBuilder.interleavedCodewords(data, version: version, ecl: ecl)
        let selection = MaskSelection(layout: layout, boards: SymbolBoards(layout: layout, codewords: codewords), ecl: ecl)
        var scores: [Int] = []
        for mask in 0..<8 {
            var bytes = [UInt8](repeating: 0, count: layout.size * layout.size)
            bytes.withUnsafeMutableBufferPointer { bytes in
                if let base = bytes.baseAddress { selection.render(mask: mask, into: base) }
            }
            let dark = (0..<layout.size).map { y in (0..<layout.size).map { x in bytes[y * layout.size + x] == 1 } }
            let reference = Self.referencePenalty(dark)
            #expect(selection.score(mask: mask) == reference, "version \(version) mask \(mask)")
            scores.append(reference)
        }
        // The chosen mask is the first with the lowest reference score.
        let best = try #require(scores.indices.min { scores[$0] < scores[$1] })
        #expect(result.code.mask == best)
        #expect(selection.bestMask() == best)
    }

    /// Random symbols of every line-length regime, with finder-like patterns planted at
    /// several scales, at the edges and across 64-bit word boundaries.
    @Test(arguments: [21, 25, 45, 57, 61, 65, 69, 101, 125, 129, 133, 177])
    func plantedPatternsScoreLikeTheReference(size: Int) {
        var random = TestRandom(seed: UInt64(size))
        for trial in 0..<12 {
            var dark = (0..<size).map { _ in (0..<size).map { _ in random.below(2) == 0 } }
            for _ in 0..<(trial % 4) * 6 {
                let unit = 1 + random.below(min(4, size / 11))
                let pattern = [Bool](repeating: false, count: 4 * unit)
                    + [true, false, true, true, true, false, true].flatMap { [Bool](repeating: $0, count: unit) }
                    + [Bool](repeating: false, count: random.below(2) == 0 ? unit : 4 * unit)
                let pieces = random.below(2) == 0 ? pattern : pattern.reversed()
                guard pieces.count <= size else { continue }
                let start = random.pick([0, size - pieces.count, 60 - unit * 3, 64 - unit * 5, random.below(size - pieces.count + 1)])
                guard start >= 0, start + pieces.count <= size else { continue }
                let line = random.below(size)
                let vertical = random.below(2) == 0
                for (offset, module) in pieces.enumerated() {
                    if vertical { dark[start + offset][line] = module } else { dark[line][start + offset] = module }
                }
            }
            // Long runs too, for N1 across word boundaries.
            if trial % 3 == 2 {
                let line = random.below(size), start = size > 64 ? 55 : size / 3
                for x in start..<min(size, start + 20) { dark[line][x] = true }
            }
            #expect(Self.fastPenalty(dark) == Self.referencePenalty(dark), "size \(size) trial \(trial)")
        }
    }

    /// Hand-made lines with a known count.
    @Test func knownLines() {
        // One unit-1 pattern with light all around: counted once for each side.
        let line: [Bool] = [true, false, true, true, true, false, true]
        #expect(Self.finderPenalty(line) == 80)
        // Unit 2 touching the edge (quiet zone before it), two light modules after it.
        let scaled = [true, true, false, false] + [Bool](repeating: true, count: 6) + [false, false, true, true, false, false, true]
        #expect(Self.finderPenalty(scaled) == 40)
        #expect(Self.runPenalty([Bool](repeating: true, count: 7)) == 5)
    }
}

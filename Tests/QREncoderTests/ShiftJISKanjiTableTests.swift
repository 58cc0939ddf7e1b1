import Foundation
import Testing
@testable import QREncoder

@Suite struct ShiftJISKanjiTableTests {
    /// The examples of 7.4.6: 点 (0x935F) → 0xD9F, 茗 (0xE4AA) → 0x1AAA.
    @Test func standardExamples() {
        #expect(ShiftJISKanji.qrValue(of: 0x70B9) == 0xD9F)  // 点
        #expect(ShiftJISKanji.qrValue(of: 0x8317) == 0x1AAA)  // 茗
    }

    @Test func asciiAndUnmappedCharactersHaveNoValue() {
        #expect(ShiftJISKanji.qrValue(of: 0x41) == nil)
        #expect(ShiftJISKanji.qrValue(of: 0x5C) == nil)
        #expect(ShiftJISKanji.qrValue(of: 0x1F600) == nil)  // 😀
        #expect(ShiftJISKanji.qrValue(of: 0x301C) == nil)  // 〜 WAVE DASH: JIS and Windows disagree
        #expect(ShiftJISKanji.qrValue(of: 0x00E9) == nil)  // é is not in JIS X 0208
    }

    @Test func tableHoldsEveryCharacterOnce() {
        var seen = Set<UInt16>()
        var count = 0
        for row in ShiftJISKanjiTable.rows {
            for scalar in row.unicodeScalars where scalar.value != 0xFFFD {
                count += 1
                guard let value = ShiftJISKanji.qrValue(of: scalar.value) else {
                    Issue.record("U+\(String(scalar.value, radix: 16)) has no value")
                    continue
                }
                #expect(value < 1 << 13)
                seen.insert(value)
            }
        }
        #expect(count == ShiftJISKanjiTable.characterCount)
        #expect(seen.count == count)
    }

    /// The committed table is exactly what the generator script produces.
    @Test func committedTableMatchesGenerator() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("Benchmarks/Scripts/generate-kanji-table.py")
        let table = root.appendingPathComponent("Sources/QREncoder/ShiftJISKanjiTable.swift")
        let python = try #require(ExternalTool.find("python3"))
        let output = try ExternalTool.run(python, [script.path])
        #expect(output.status == 0)
        let committed = try Data(contentsOf: table)
        #expect(output.stdout == committed, "regenerate with: python3 Benchmarks/Scripts/generate-kanji-table.py > Sources/QREncoder/ShiftJISKanjiTable.swift")
    }
}

import Catalog
import Routing
import TestSupport
import Testing
@testable import TableFormat

@Suite struct JSONTests {
    @Test(arguments: [false, true])
    func handMadeTableReadsBack(pretty: Bool) throws {
        let decoded = try TableJSONDecoder.decode(TableJSONWriter.write(SampleTables.everything, pretty: pretty))
        #expect(decoded.format == "qrops-redirect-table")
        #expect(decoded.version == 1)
        #expect(decoded.table == SampleTables.everything)
    }

    @Test(arguments: 0..<6)
    func randomTablesReadBack(seed: Int) throws {
        let table = SampleTables.random(seed: UInt64(seed) + 1_000, codes: 50 * seed)
        let decoded = try TableJSONDecoder.decode(TableJSONWriter.write(table))
        #expect(decoded.table == CanonicalTable.canonical(table))
    }

    /// `qrops build` streams the JSON in pieces: their concatenation is the whole document,
    /// byte for byte, and no piece but the last is smaller than asked (whole codes only).
    @Test(arguments: [1, 100, 4_096, Int.max])
    func streamedPiecesMakeTheSameBytes(chunkSize: Int) {
        let table = SampleTables.random(seed: 7, codes: 300)
        for pretty in [false, true] {
            var pieces: [[UInt8]] = []
            TableJSONWriter.write(table, pretty: pretty, chunkSize: chunkSize) { pieces.append(Array($0)) }
            #expect(pieces.flatMap { $0 } == TableJSONWriter.write(table, pretty: pretty))
            #expect(pieces.dropLast().allSatisfy { $0.count >= chunkSize })
            if chunkSize == Int.max { #expect(pieces.count == 1) } else { #expect(pieces.count > 1) }
        }
    }

    @Test func jsonAndQRTHoldTheSameContent() throws {
        let table = SampleTables.random(seed: 31, codes: 200)
        let fromJSON = try TableJSONDecoder.decode(TableJSONWriter.write(table)).table
        let fromQRT = try QRTReader(bytes: try QRTWriter.write(table)).table()
        #expect(fromJSON == fromQRT)
    }

    @Test func minifiedHasNoWhitespaceOutsideStrings() {
        let bytes = TableJSONWriter.write(SampleTables.everything)
        #expect(bytes.last == 0x0A)
        var inString = false, escaped = false
        for byte in bytes.dropLast() {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            if byte == 0x22 { inString = true }
            #expect(![0x20, 0x0A, 0x0D, 0x09].contains(byte))
        }
    }

    @Test func escaping() {
        var bytes: [UInt8] = []
        JSONStream.quote("a\"b\\c\n\t\u{0}\u{1F}\u{7F}\u{2028}\u{2029}é日", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\"b\\c\n\t\u0000\u001f\u007f\u2028\u2029é日""#)
    }

    @Test func instantsAreWrittenAsCatalogWritesThem() {
        var random = SplitMix64(seed: 11)
        var samples: [Int64] = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 4_107_542_400, QRTLayout.instants.lowerBound,
                                QRTLayout.instants.upperBound, -62_135_596_800, -62_135_596_801]
        for _ in 0..<2_000 { samples.append(Int64.random(in: QRTLayout.instants, using: &random)) }
        for seconds in samples {
            var json = JSONStream(pretty: false)
            json.instant(seconds)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"\(Instant(seconds: seconds))\"", "\(seconds)")
        }
    }

    @Test func instantsOutsideYearsZeroToNineThousandAreNumbers() {
        var json = JSONStream(pretty: false)
        json.beginArray()
        for seconds: Int64 in [0, -1, QRTLayout.instants.upperBound, QRTLayout.instants.upperBound + 1,
                               QRTLayout.instants.lowerBound, QRTLayout.instants.lowerBound - 1] {
            TableJSONWriter.instant(seconds, &json)
        }
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"["1970-01-01T00:00:00Z","1969-12-31T23:59:59Z","9999-12-31T23:59:59Z",253402300800,"0000-01-01T00:00:00Z",-62167219201]"#)
    }
}

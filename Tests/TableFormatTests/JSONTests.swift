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

    /// With the build cache, `redirects.json` is spliced from codes' objects made ahead per code
    /// file (`CodeJSON`): the same bytes as writing it, however the codes are spread over the
    /// files and in whatever order each file holds them; sources that do not fit the table
    /// (a missing object, another count, a table out of canonical order) write it as usual.
    @Test(arguments: [1, 3, 7])
    func splicedCodeObjectsMakeTheSameBytes(files: Int) {
        for table in [SampleTables.everything, CanonicalTable.canonical(SampleTables.random(seed: 11, codes: 300))] {
            var parts = [[TableCode]](repeating: [], count: files)
            var sources: [(part: Int32, entry: Int32)] = []
            for (index, code) in table.codes.enumerated() {
                let part = (index * 5 + 3) % files
                sources.append((Int32(part), Int32(parts[part].count)))
                parts[part].append(code)
            }
            // As read from the cache: slices of a larger buffer, not starting at 0.
            let codeJSON = parts.map { codes in
                let made = CodeJSON(codes)
                return CodeJSON(bytes: ([0xFF, 0xFF] + made.bytes)[2...], ends: made.ends) ?? made
            }
            #expect(codeJSON.allSatisfy { $0.bytes.startIndex == 2 || $0.count == 0 })
            let expected = TableJSONWriter.write(table)
            func spliced(_ table: RedirectTable, _ sources: [(part: Int32, entry: Int32)], chunkSize: Int = 100) -> [UInt8] {
                var bytes: [UInt8] = []
                TableJSONWriter.write(table, chunkSize: chunkSize, codeJSON: codeJSON, sources: sources) { bytes += $0 }
                return bytes
            }
            #expect(spliced(table, sources) == expected)
            #expect(spliced(table, sources, chunkSize: Int.max) == expected)
            #expect(spliced(table, Array(sources.dropLast())) == expected, "one source short")
            var pastTheEnd = sources
            pastTheEnd[0].entry = Int32(parts[Int(pastTheEnd[0].part)].count)
            #expect(spliced(table, pastTheEnd) == expected, "an object that is not there")
            let reversed = RedirectTable(domains: table.domains, codes: table.codes.reversed())
            #expect(spliced(reversed, sources) == TableJSONWriter.write(reversed), "not in canonical order")
        }
        #expect(CodeJSON(bytes: Array("{}{}".utf8)[...], ends: [2, 4]) != nil)
        #expect(CodeJSON(bytes: Array("{}{}".utf8)[...], ends: [2, 2, 4]) == nil)
        #expect(CodeJSON(bytes: Array("{}{}".utf8)[...], ends: [2]) == nil)
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

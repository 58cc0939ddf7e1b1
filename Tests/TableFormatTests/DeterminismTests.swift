import Routing
import TestSupport
import Testing
@testable import TableFormat

@Suite struct DeterminismTests {
    @Test func sameTableSameBytes() throws {
        let table = SampleTables.random(seed: 42, codes: 500)
        #expect(try QRTWriter.write(table) == QRTWriter.write(table))
        #expect(TableJSONWriter.write(table) == TableJSONWriter.write(table))
    }

    @Test(arguments: [1, 2, 3])
    func shuffledInputSameBytes(seed: Int) throws {
        let table = SampleTables.random(seed: 99, codes: 400)
        var random = SplitMix64(seed: UInt64(seed))
        let shuffled = RedirectTable(domains: table.domains.shuffled(using: &random), codes: table.codes.shuffled(using: &random))
        #expect(shuffled != table)
        #expect(try QRTWriter.write(shuffled) == QRTWriter.write(table))
        #expect(TableJSONWriter.write(shuffled) == TableJSONWriter.write(table))
        #expect(TableJSONWriter.write(shuffled, pretty: true) == TableJSONWriter.write(table, pretty: true))
    }

    @Test func canonicalFormIsRecognised() {
        let table = SampleTables.random(seed: 12, codes: 300)
        let canonical = CanonicalTable.canonical(table)
        #expect(CanonicalTable.isCanonical(canonical))
        #expect(CanonicalTable.canonical(canonical) == canonical)
        #expect(CanonicalTable.isCanonical(SampleTables.everything))
        var random = SplitMix64(seed: 8)
        #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains, codes: canonical.codes.shuffled(using: &random))))
        #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains.reversed(), codes: [])) || canonical.domains.count < 2)
        // A repeated key, a missing domain.
        #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains, codes: [canonical.codes[0], canonical.codes[0]])))
        #expect(!CanonicalTable.isCanonical(RedirectTable(domains: [], codes: [canonical.codes[0]])))
    }

    @Test func rewritingWhatWasReadGivesTheSameBytes() throws {
        let bytes = try QRTWriter.write(SampleTables.random(seed: 5, codes: 300))
        #expect(try QRTWriter.write(QRTReader(bytes: bytes).table()) == bytes)
    }

    @Test func allPaddingIsZero() throws {
        let bytes = try QRTWriter.write(SampleTables.everything)
        let reader = try QRTReader(bytes: bytes)
        var end = QRTLayout.headerSize + QRTLayout.directorySize
        for range in reader.header.sections {
            #expect(range.lowerBound % 8 == 0)
            #expect(bytes[end..<range.lowerBound].allSatisfy { $0 == 0 })
            end = range.upperBound
        }
        #expect(end == bytes.count)
    }
}

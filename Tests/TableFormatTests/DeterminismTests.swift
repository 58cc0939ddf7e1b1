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

    /// Above `CanonicalTable.parallelCodes` the check runs in ranges in parallel: disorder at
    /// the edges of the ranges (two per core on this machine) and between is still found.
    @Test func canonicalCheckInRangesFindsDisorderAnywhere() throws {
        let canonical = CanonicalTable.canonical(SampleTables.random(seed: 21, codes: 3 * CanonicalTable.parallelCodes))
        let count = canonical.codes.count
        #expect(count > CanonicalTable.parallelCodes)
        #expect(CanonicalTable.isCanonical(canonical))
        let ranges = 2 * System.cores
        var positions = Set([1, count - 1, count / 2 + 1, count / 3 + 7])
        for range in 1..<ranges { positions.insert(range * count / ranges) }
        for index in positions.sorted() {
            var swapped = canonical.codes
            swapped.swapAt(index - 1, index)
            #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains, codes: swapped)), "swapped at \(index)")
            var repeated = canonical.codes
            repeated[index] = repeated[index - 1]
            #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains, codes: repeated)), "repeated at \(index)")
            var unknown = canonical.codes
            unknown[index].domain = "zzz-not-listed.example"
            #expect(!CanonicalTable.isCanonical(RedirectTable(domains: canonical.domains, codes: unknown)), "unknown domain at \(index)")
        }
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

import Routing
import Testing
@testable import TableFormat

@Suite struct RoundTripTests {
    @Test func handMadeTableIsCanonical() {
        #expect(CanonicalTable.canonical(SampleTables.everything) == SampleTables.everything)
    }

    @Test(arguments: [QRTVerification.full, .header])
    func everyFieldSurvives(verification: QRTVerification) throws {
        let bytes = try QRTWriter.write(SampleTables.everything)
        let reader = try QRTReader(bytes: bytes, verification: verification)
        #expect(reader.codeCount == SampleTables.everything.codes.count)
        #expect(reader.domains == SampleTables.everything.domains)
        let table = try reader.table()
        #expect(table == SampleTables.everything)
        for (index, code) in SampleTables.everything.codes.enumerated() {
            #expect(try reader.code(at: index) == code)
        }
    }

    @Test func emptyTable() throws {
        let empty = RedirectTable(domains: [], codes: [])
        let reader = try QRTReader(bytes: try QRTWriter.write(empty))
        #expect(try reader.table() == empty)
        #expect(reader.domain(host: "qr.acme.example") == nil)
    }

    @Test func aDomainWithoutCodesAndACodeWithoutItsDomain() throws {
        let table = RedirectTable(domains: [TableDomain(host: "idle.example")], codes: [
            TableCode(id: "A", domain: "orphan.example", slug: "Slug", state: .active, target: "https://a.example/"),
        ])
        let read = try QRTReader(bytes: try QRTWriter.write(table)).table()
        // The orphan's domain is added with default settings (the canonical form).
        #expect(read.domains == [TableDomain(host: "idle.example"), TableDomain(host: "orphan.example")])
        #expect(read.codes == table.codes)
        #expect(read == CanonicalTable.canonical(table))
    }

    @Test(arguments: 0..<12)
    func randomTablesSurvive(seed: Int) throws {
        let table = SampleTables.random(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17, codes: seed * 23)
        let bytes = try QRTWriter.write(table)
        let reader = try QRTReader(bytes: bytes)
        #expect(try reader.table() == CanonicalTable.canonical(table))
        // The codes are the same set, reordered at most.
        #expect(Set(try reader.table().codes) == Set(table.codes))
    }

    @Test func aLargerRandomTableSurvives() throws {
        let table = SampleTables.random(seed: 0xC0FFEE, codes: 3_000)
        let reader = try QRTReader(bytes: try QRTWriter.write(table))
        #expect(try reader.table() == CanonicalTable.canonical(table))
    }

    @Test func duplicateKeysKeepTheSmallestIdAsTheCompilerDoes() throws {
        let codes = [
            TableCode(id: "B-2", domain: "qr.acme.example", slug: "Dup", state: .active, target: "https://a.example/1"),
            TableCode(id: "A-1", domain: "qr.acme.example", slug: "dup", state: .active, target: "https://a.example/2"),
            TableCode(id: "C-3", domain: "qr.acme.example", slug: "DUP", state: .active, target: "https://a.example/3"),
        ]
        let bytes = try QRTWriter.write(RedirectTable(domains: [SampleTables.qr], codes: codes))
        #expect(try QRTReader(bytes: bytes).table().codes.map(\.id) == ["A-1"])
        #expect(try QRTWriter.write(RedirectTable(domains: [SampleTables.qr], codes: codes.reversed())) == bytes)
    }

    @Test func aSplitWithoutArmsIsRefused() {
        let table = RedirectTable(domains: [SampleTables.qr], codes: [
            TableCode(id: "S", domain: "qr.acme.example", slug: "s", state: .active, target: nil,
                      routes: [TableRoute(condition: TableCondition(), outcome: .split([]))]),
        ])
        #expect(throws: QRTError.unwritable("code S route 1: a split needs at least one arm")) { try QRTWriter.write(table) }
    }

    @Test func instantsOutsideYearsZeroToNineThousandAreRefused() {
        for (launch, message) in [(Int64.min, "code I launch (-9223372036854775808 s) is outside years 0000 to 9999"),
                                  (QRTLayout.instants.upperBound + 1, "code I launch (253402300800 s) is outside years 0000 to 9999")] {
            let table = RedirectTable(domains: [SampleTables.qr], codes: [
                TableCode(id: "I", domain: "qr.acme.example", slug: "i", state: .active, launch: launch, target: "https://a.example/"),
            ])
            #expect(throws: QRTError.unwritable(message)) { try QRTWriter.write(table) }
        }
        let route = RedirectTable(domains: [SampleTables.qr], codes: [
            TableCode(id: "I", domain: "qr.acme.example", slug: "i", state: .active, target: nil,
                      routes: [TableRoute(condition: TableCondition(before: Int64.max), outcome: .target("https://a.example/"))]),
        ])
        #expect(throws: QRTError.unwritable("code I route 1 before (9223372036854775807 s) is outside years 0000 to 9999")) {
            try QRTWriter.write(route)
        }
    }

    @Test(arguments: [[0, 1], [-5], [Int(UInt32.max), 1], [Int(UInt32.max)]])
    func splitWeights(weights: [Int]) {
        let table = RedirectTable(domains: [SampleTables.qr], codes: [
            TableCode(id: "W", domain: "qr.acme.example", slug: "w", state: .active, target: nil,
                      routes: [TableRoute(condition: TableCondition(), outcome: .split(weights.map { TableSplitArm(weight: $0, target: "https://a.example/") }))]),
        ])
        if weights == [Int(UInt32.max)] {
            #expect(throws: Never.self) { try QRTWriter.write(table) }
        } else {
            #expect(throws: QRTError.unwritable("code W route 1: split weights must be at least 1 and add up to at most 4294967295")) {
                try QRTWriter.write(table)
            }
        }
    }

    @Test func stringsAreStoredOnceWithSharedPrefixes() throws {
        let target = "https://www.acme.example/eu/retail/coffee-x1/setup-guide-for-the-kettle"
        let codes = (0..<50).map { number in
            TableCode(id: "C-\(number)", domain: "qr.acme.example", slug: "s\(number)", state: .active,
                      target: number % 2 == 0 ? target : target + "/step-\(number)")
        }
        let bytes = try QRTWriter.write(RedirectTable(domains: [SampleTables.qr], codes: codes))
        let occurrences = bytes.indices.filter { index in
            bytes[index...].starts(with: Array("coffee-x1".utf8))
        }
        #expect(occurrences.count == 1)
        #expect(try QRTReader(bytes: bytes).table().codes == CanonicalTable.canonical(RedirectTable(domains: [], codes: codes)).codes)
    }
}

import Routing
import TestSupport
import Testing
@testable import TableFormat

/// `QRTWriter.write(_:parts:memo:)`: a write that copies unchanged parts' strings from the last
/// write's memo gives the bytes of a write from scratch, and leaves the memo a write from
/// scratch leaves (docs/table-format.md, "Writing again after a small change").
@Suite struct WriterMemoTests {
    /// A table made of parts (code files), each with a key that changes with its codes.
    struct Portfolio {
        var domains: [TableDomain]
        var parts: [[TableCode]]
        var versions: [Int]
        var serial = 0

        init(seed: UInt64, codes: Int, parts count: Int) {
            let table = CanonicalTable.canonical(SampleTables.random(seed: seed, codes: codes))
            domains = table.domains
            var random = SplitMix64(seed: seed ^ 0x5EED)
            parts = Array(repeating: [], count: count)
            for code in table.codes.shuffled(using: &random) { parts[Int.random(in: 0..<count, using: &random)].append(code) }
            versions = Array(0..<count)
            serial = count
        }

        /// A part's key: its version (a new one whenever its codes change).
        func key(_ part: Int) -> WriterMemo.PartKey {
            WriterMemo.PartKey(Array("part \(versions[part])".utf8))
        }

        mutating func changed(_ part: Int) {
            versions[part] = serial
            serial += 1
        }

        /// The merged table in canonical order, and where each code came from.
        func table() -> (RedirectTable, WriterMemo.Parts) {
            var codes: [(code: TableCode, source: (part: Int32, entry: Int32))] = []
            for (part, entries) in parts.enumerated() {
                for (entry, code) in entries.enumerated() { codes.append((code, (Int32(part), Int32(entry)))) }
            }
            let byHost = Dictionary(domains.map { ($0.host, $0) }, uniquingKeysWith: { first, _ in first })
            func lookupKey(_ code: TableCode) -> [UInt8] {
                Array(code.domain.utf8) + [0] + Array((byHost[code.domain]?.slugKey(code.slug) ?? code.slug).utf8)
            }
            codes.sort { lookupKey($0.code).lexicographicallyPrecedes(lookupKey($1.code)) }
            let table = RedirectTable(domains: domains, codes: codes.map(\.code))
            return (table, WriterMemo.Parts(keys: parts.indices.map { Optional(self.key($0)) }, sources: codes.map(\.source)))
        }
    }

    /// One random change to one part: a target, a slug (the code moves in the table), a new
    /// code, a removed code, routes and UTM parameters, or a whole part added or emptied.
    static func change(_ portfolio: inout Portfolio, _ random: inout SplitMix64) {
        let part = Int.random(in: 0..<portfolio.parts.count, using: &random)
        portfolio.changed(part)
        let serial = portfolio.serial
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where !portfolio.parts[part].isEmpty:
            let entry = Int.random(in: 0..<portfolio.parts[part].count, using: &random)
            portfolio.parts[part][entry].target = "https://www.acme.example/eu/retail/coffee-x1/setup?bench=\(serial)"
        case 1 where !portfolio.parts[part].isEmpty:
            let entry = Int.random(in: 0..<portfolio.parts[part].count, using: &random)
            portfolio.parts[part][entry].slug += "-r\(serial)"
        case 2:
            let domain = portfolio.domains[Int.random(in: 0..<portfolio.domains.count, using: &random)].host
            let code = SampleTables.randomCode(&random, number: 100_000 + serial, domain: domain, slug: "new-\(serial)")
            portfolio.parts[part].insert(code, at: Int.random(in: 0...portfolio.parts[part].count, using: &random))
        case 3 where !portfolio.parts[part].isEmpty:
            portfolio.parts[part].remove(at: Int.random(in: 0..<portfolio.parts[part].count, using: &random))
        case 4 where !portfolio.parts[part].isEmpty:
            let entry = Int.random(in: 0..<portfolio.parts[part].count, using: &random)
            portfolio.parts[part][entry].routes = [SampleTables.randomRoute(&random)]
            portfolio.parts[part][entry].utm = [QueryParameter(name: "utm_campaign", value: "c\(serial)")]
        case 5:
            portfolio.parts.append((0..<3).map { number in
                SampleTables.randomCode(&random, number: 200_000 + 10 * serial + number, domain: portfolio.domains[0].host,
                                        slug: "part-\(serial)-\(number)")
            })
            portfolio.versions.append(serial)
            portfolio.serial += 1
        default:
            portfolio.parts[part] = []
        }
    }

    /// The same bytes as a write from scratch, and the same memo.
    static func expectSameAsScratch(_ table: RedirectTable, _ parts: WriterMemo.Parts, memo: WriterMemo?,
                                    reusing: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> WriterMemo? {
        let written = try QRTWriter.write(table, parts: parts, memo: memo)
        let scratch = try QRTWriter.write(table, parts: parts, memo: nil)
        #expect(written.bytes == (try QRTWriter.write(table)), sourceLocation: sourceLocation)
        #expect(written.bytes == scratch.bytes, sourceLocation: sourceLocation)
        #expect(written.memo == scratch.memo, sourceLocation: sourceLocation)
        #expect(written.memo != nil, sourceLocation: sourceLocation)
        #expect((written.reusedCodes > 0) == reusing, "reused \(written.reusedCodes)", sourceLocation: sourceLocation)
        #expect(scratch.reusedCodes == 0, sourceLocation: sourceLocation)
        return written.memo
    }

    @Test(arguments: [1, 2, 3, 4])
    func chainedChangesGiveScratchBytes(seed: UInt64) throws {
        var portfolio = Portfolio(seed: seed, codes: 1_000, parts: 40)
        var random = SplitMix64(seed: seed)
        let (table, parts) = portfolio.table()
        var memo = try Self.expectSameAsScratch(table, parts, memo: nil, reusing: false)
        for _ in 0..<20 {
            for _ in 0..<Int.random(in: 1...3, using: &random) { Self.change(&portfolio, &random) }
            let (table, parts) = portfolio.table()
            memo = try Self.expectSameAsScratch(table, parts, memo: memo, reusing: true)
        }
    }

    /// A memo of another table altogether: nothing copied, the same bytes.
    @Test func aMemoOfAnotherTableOnlyCostsTime() throws {
        let other = Portfolio(seed: 11, codes: 600, parts: 10)
        var portfolio = Portfolio(seed: 12, codes: 600, parts: 10)
        for part in portfolio.versions.indices { portfolio.versions[part] += 1_000 }
        let memo = try QRTWriter.write(other.table().0, parts: other.table().1, memo: nil).memo
        let (table, parts) = portfolio.table()
        // Nothing copied, and more codes to gather than `MemoPass.freshLimit`: the full pass.
        #expect(MemoPass.freshLimit(codes: 600) >= 600)
        _ = try Self.expectSameAsScratch(table, parts, memo: memo, reusing: false)
        // Another table's strings, found by their bytes where the two tables share them.
        #expect(try MemoPass.gather(table, parts: parts, memo: #require(memo))?.reused == 0)
    }

    /// More changed codes than `MemoPass.freshLimit`: the full pass, the same bytes.
    @Test func manyChangesTakeTheFullPass() throws {
        var portfolio = Portfolio(seed: 5, codes: 6_000, parts: 12)
        let memo = try QRTWriter.write(portfolio.table().0, parts: portfolio.table().1, memo: nil).memo
        for part in 0..<11 { portfolio.changed(part) }
        let (table, parts) = portfolio.table()
        #expect(try MemoPass.gather(table, parts: parts, memo: #require(memo)) == nil)
        _ = try Self.expectSameAsScratch(table, parts, memo: memo, reusing: false)
        // One part changed: the memo is used.
        var one = Portfolio(seed: 5, codes: 6_000, parts: 12)
        one.changed(3)
        _ = try Self.expectSameAsScratch(one.table().0, one.table().1, memo: memo, reusing: true)
    }

    /// A table not in canonical order: the parts do not describe it, so no memo is left.
    @Test func partsOfATableOutOfOrderAreIgnored() throws {
        let portfolio = Portfolio(seed: 3, codes: 300, parts: 5)
        let (table, parts) = portfolio.table()
        let reversed = RedirectTable(domains: table.domains, codes: table.codes.reversed())
        let written = try QRTWriter.write(reversed, parts: parts, memo: nil)
        #expect(written.memo == nil)
        #expect(written.bytes == (try QRTWriter.write(table)))
    }

    /// A code that cannot be written fails the same way with the memo.
    @Test func anUnwritableChangedCodeThrowsTheSameError() throws {
        var portfolio = Portfolio(seed: 8, codes: 400, parts: 8)
        let memo = try QRTWriter.write(portfolio.table().0, parts: portfolio.table().1, memo: nil).memo
        let part = portfolio.parts.firstIndex { !$0.isEmpty } ?? 0
        portfolio.parts[part][0].launch = Int64.max
        portfolio.changed(part)
        let (table, parts) = portfolio.table()
        #expect(throws: QRTError.self) { try QRTWriter.write(table) }
        var messages: [String] = []
        for memo in [memo, nil] {
            do {
                _ = try QRTWriter.write(table, parts: parts, memo: memo)
            } catch {
                messages.append("\(error)")
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
    }

    /// The memo's fields are checked before it is trusted: ids, ends, starts and positions out
    /// of range, or an order that is not a permutation, are refused.
    @Test func aMemoThatDoesNotHoldTogetherIsRefused() throws {
        let portfolio = Portfolio(seed: 9, codes: 200, parts: 4)
        let memo = try #require(try QRTWriter.write(portfolio.table().0, parts: portfolio.table().1, memo: nil).memo)
        func remade(arena: [UInt8]? = nil, ends: [UInt32]? = nil, sorted: [UInt32]? = nil, stream: [UInt32]? = nil,
                    codeStarts: [UInt32]? = nil, parts: [WriterMemo.PartKey: [Int32]]? = nil) -> WriterMemo? {
            WriterMemo(arena: arena ?? memo.arena, ends: ends ?? memo.ends, sorted: sorted ?? memo.sorted, stream: stream ?? memo.stream,
                       codeStarts: codeStarts ?? memo.codeStarts, parts: parts ?? memo.parts)
        }
        #expect(remade() == memo)
        #expect(remade(arena: Array(memo.arena.dropLast())) == nil)
        #expect(remade(ends: memo.ends.reversed()) == nil)
        #expect(remade(sorted: memo.sorted.dropLast() + [memo.sorted[0]]) == nil)
        #expect(remade(sorted: Array(memo.sorted.dropLast())) == nil)
        #expect(remade(stream: memo.stream + [UInt32(memo.ends.count)]) == nil)
        #expect(remade(codeStarts: Array(memo.codeStarts.dropLast())) == nil)
        var starts = memo.codeStarts
        starts.swapAt(1, 3)
        #expect(starts[1] > starts[3] && remade(codeStarts: starts) == nil)
        var parts = memo.parts
        if let key = parts.keys.first { parts[key] = [Int32(memo.codeStarts.count)] }
        #expect(remade(parts: parts) == nil)
        parts = memo.parts
        if let key = parts.keys.first { parts[key] = [-2] }
        #expect(remade(parts: parts) == nil)
    }

    @Test func partKeysKeepTheirBytes() {
        let bytes = (0..<32).map { UInt8($0 * 7 + 1) }
        #expect(WriterMemo.PartKey(bytes).bytes == bytes)
        #expect(WriterMemo.PartKey(bytes) != WriterMemo.PartKey(bytes.reversed()))
        #expect(WriterMemo.PartKey([1, 2]).bytes == [1, 2] + Array(repeating: 0, count: 30))
    }
}

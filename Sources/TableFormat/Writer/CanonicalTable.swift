import Dispatch
import Routing
import Synchronization

/// The one form of a table that the `.qrt` and JSON files hold (docs/table-format.md,
/// "Canonical form"): domains sorted by host (bytewise), one per host (the first), with a
/// default entry added for any host a code names but `domains` lacks; codes sorted by host and
/// slug key (bytewise), one per key (the one with the smallest id, bytewise, as in
/// `TableCompiler`; among equal ids the first given). `TableCompiler` already produces this
/// form, so for compiled tables it changes nothing. Reading a table back gives its canonical
/// form.
public enum CanonicalTable {
    public static func canonical(_ table: RedirectTable) -> RedirectTable {
        if isCanonical(table) { return table }
        var domains: [TableDomain] = []
        var byHost: [ByteKey: TableDomain] = [:]
        for domain in table.domains where byHost[ByteKey(domain.host)] == nil {
            byHost[ByteKey(domain.host)] = domain
            domains.append(domain)
        }
        for code in table.codes where byHost[ByteKey(code.domain)] == nil {
            let domain = TableDomain(host: code.domain)
            byHost[ByteKey(code.domain)] = domain
            domains.append(domain)
        }
        domains.sort { ByteKey.bytesPrecede($0.host, $1.host) }

        var keyed: [(key: [UInt8], order: Int, code: TableCode)] = []
        keyed.reserveCapacity(table.codes.count)
        for (order, code) in table.codes.enumerated() {
            let domain = byHost[ByteKey(code.domain)] ?? TableDomain(host: code.domain)
            keyed.append((lookupKey(host: code.domain, slugKey: domain.slugKey(code.slug)), order, code))
        }
        keyed.sort {
            if $0.key != $1.key { return $0.key.lexicographicallyPrecedes($1.key) }
            let order = compareBytes($0.code.id, $1.code.id, fold: false)
            return order != 0 ? order < 0 : $0.order < $1.order
        }
        var codes: [TableCode] = []
        codes.reserveCapacity(keyed.count)
        var previous: [UInt8]?
        for entry in keyed where entry.key != previous {
            codes.append(entry.code)
            previous = entry.key
        }
        return RedirectTable(domains: domains, codes: codes)
    }

    /// Whether the table is already in canonical form (as compiled tables are), checked without
    /// building keys, in parallel ranges of codes (each also checks its first code against the
    /// code before it).
    public static func isCanonical(_ table: RedirectTable) -> Bool {
        var folds: [ByteKey: Bool] = [:]
        for (index, domain) in table.domains.enumerated() {
            if index > 0, !ByteKey.bytesPrecede(table.domains[index - 1].host, domain.host) { return false }
            folds[ByteKey(domain.host)] = !domain.caseSensitiveSlugs
        }
        let known = folds
        let count = table.codes.count
        let ranges = count < parallelCodes ? 1 : 2 * System.cores
        let disorder = Atomic<Bool>(false)
        // By buffer, not `for code in`: that would copy (retain and release) every entry.
        table.codes.withUnsafeBufferPointer { codes in
            nonisolated(unsafe) let codes = codes
            DispatchQueue.concurrentPerform(iterations: ranges) { range in
                let start = range * count / ranges, end = (range + 1) * count / ranges
                if !isOrdered(codes, start..<end, folds: known) { disorder.store(true, ordering: .relaxed) }
            }
        }
        return !disorder.load(ordering: .relaxed)
    }

    /// Below this many codes the check runs in one piece.
    static let parallelCodes = 8_192

    /// Whether each code in `range` names a known domain and follows the code before it.
    private static func isOrdered(_ codes: UnsafeBufferPointer<TableCode>, _ range: Range<Int>, folds: [ByteKey: Bool]) -> Bool {
        var previous: (host: String, slug: String, fold: Bool)?
        if range.lowerBound > 0 {
            let before = range.lowerBound - 1
            // Its own range checks that its domain is known.
            previous = (codes[before].domain, codes[before].slug, folds[ByteKey(codes[before].domain)] ?? false)
        }
        for index in range {
            let host = codes[index].domain, slug = codes[index].slug
            let hostOrder = previous.map { compareBytes($0.host, host, fold: false) }
            // Codes of one domain are neighbours: their fold is the previous code's.
            let fold: Bool
            if hostOrder == 0, let previous {
                fold = previous.fold
            } else {
                guard let known = folds[ByteKey(host)] else { return false }
                fold = known
            }
            if let previous, let hostOrder {
                let order = hostOrder != 0 ? hostOrder : compareBytes(previous.slug, slug, fold: fold)
                guard order < 0 else { return false }
            }
            previous = (host, slug, fold)
        }
        return true
    }

    /// Bytewise order of two strings, folding A–Z to a–z in both when `fold`.
    static func compareBytes(_ lhs: String, _ rhs: String, fold: Bool) -> Int {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    var a = left[index], b = right[index]
                    if fold {
                        if a &- 0x41 < 26 { a |= 0x20 }
                        if b &- 0x41 < 26 { b |= 0x20 }
                    }
                    if a != b { return a < b ? -1 : 1 }
                    index += 1
                }
                return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
            }
        }
    }

    /// `host`, a 0x00 byte, the slug key: the bytes a code is hashed and ordered by.
    static func lookupKey(host: String, slugKey: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(host.utf8.count + 1 + slugKey.utf8.count)
        key.append(contentsOf: host.utf8)
        key.append(0)
        key.append(contentsOf: slugKey.utf8)
        return key
    }
}

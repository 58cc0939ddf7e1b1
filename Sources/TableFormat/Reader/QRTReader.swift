import Catalog
import Routing

/// Reads a `.qrt` table (docs/table-format.md) from bytes it does not copy (a memory-mapped
/// file) or from an array. The header, directory and domain table are checked when it is
/// created, and with `.full` verification (the default) everything else too; lookups then go
/// straight to the hash index and decode only the entry they find, comparing the slug in place.
/// Conforms to `RouteLookup`, so `Router.resolve(request, in: reader)` answers from the file.
public struct QRTReader: RouteLookup, @unchecked Sendable {
    // @unchecked: the bytes are immutable and kept alive by `owner` (or by the caller of
    // `init(buffer:owner:)`); everything else is immutable.
    let bytes: RawBytes
    let owner: (any AnyObject & Sendable)?
    let header: QRTHeader
    let pool: StringPoolView
    /// The domains, decoded once.
    public let domains: [TableDomain]
    private let domainIndex: [String: Int]
    private let hosts: [String]
    /// Per domain: the key hash after the host and separator, and whether slugs fold case.
    private let domainStates: [UInt64]
    private let domainFolds: [Bool]
    public let verification: QRTVerification
    private let codesStart: Int
    private let indexStart: Int
    private let slotMask: Int
    private let detailsRange: Range<Int>

    /// Copies `bytes` and reads them.
    public init(bytes: [UInt8], verification: QRTVerification = .full) throws(QRTError) {
        let owned = OwnedBytes(copying: bytes)
        try self.init(buffer: owned.buffer, owner: owned, verification: verification)
    }

    /// Reads `buffer` in place. The memory must stay valid and unchanged while the reader (or
    /// any copy of it) is in use; pass the object that owns it as `owner` to tie its lifetime
    /// to the reader's.
    public init(buffer: UnsafeRawBufferPointer, owner: (any AnyObject & Sendable)? = nil,
                verification: QRTVerification = .full) throws(QRTError) {
        guard let base = buffer.baseAddress, buffer.count >= QRTLayout.headerSize else {
            throw .tooShort(actual: buffer.count)
        }
        let bytes = RawBytes(base: base, count: buffer.count)
        let header = try QRTHeader.read(bytes)
        try header.checkChecksum(.domains, bytes)
        if verification == .full {
            for section in QRTLayout.sections where section != .domains { try header.checkChecksum(section, bytes) }
        }
        let strings = header.range(.strings)
        let pool = StringPoolView(bytes: bytes, start: strings.lowerBound, end: strings.upperBound)
        let domains = try Self.decodeDomains(bytes, header.range(.domains), pool)
        var domainIndex: [String: Int] = [:]
        for (index, domain) in domains.enumerated() where domainIndex[domain.host] == nil { domainIndex[domain.host] = index }

        self.bytes = bytes
        self.owner = owner
        self.header = header
        self.pool = pool
        self.domains = domains
        self.domainIndex = domainIndex
        hosts = domains.map(\.host)
        domainStates = domains.map { KeyHash.hostState($0.host) }
        domainFolds = domains.map { !$0.caseSensitiveSlugs }
        self.verification = verification
        codesStart = header.range(.codes).lowerBound
        indexStart = header.range(.index).lowerBound
        slotMask = header.range(.index).count / QRTLayout.slotSize - 1
        detailsRange = header.range(.details)
        if verification == .full { try QRTValidator(self).validate() }
    }

    public var codeCount: Int { header.codeCount }
    public var byteCount: Int { bytes.count }

    /// Runs the checks `.full` verification runs at open (for a reader opened with `.header`).
    public func verify() throws(QRTError) {
        for section in QRTLayout.sections { try header.checkChecksum(section, bytes) }
        try QRTValidator(self).validate()
    }

    // MARK: - Lookup

    public func domain(host: String) -> TableDomain? {
        domainNumber(host).map { domains[$0] }
    }

    /// The code, or nil when there is none, or when its entry is corrupt (possible only with
    /// `.header` verification; `lookup` says what is wrong).
    public func code(domain: TableDomain, slugKey: String) -> TableCode? {
        guard let index = codeIndex(domain: domain, slugKey: slugKey) else { return nil }
        return try? code(at: index)
    }

    /// Like `code(domain:slugKey:)`, but a corrupt entry throws instead of reading as absent.
    public func lookup(domain: TableDomain, slugKey: String) throws(QRTError) -> TableCode? {
        guard let index = codeIndex(domain: domain, slugKey: slugKey) else { return nil }
        return try code(at: index)
    }

    /// The position of the code in the table, found through the hash index without decoding
    /// anything (what a server needs to know whether a slug exists).
    public func codeIndex(domain: TableDomain, slugKey: String) -> Int? {
        guard let index = domainNumber(domain.host) else { return nil }
        var key = slugKey
        return key.withUTF8 { codeIndex(domain: index, key: UnsafeRawBufferPointer($0)) }
    }

    /// The domain's position in `domains` (a short scan for the usual handful of domains).
    @inline(__always)
    private func domainNumber(_ host: String) -> Int? {
        guard hosts.count > 8 else { return hosts.firstIndex(of: host) }
        return domainIndex[host]
    }

    /// Probes the index for `key` (already folded for the domain) on domain number `domain`.
    /// Reads only index slots and the slug's string nodes.
    public func codeIndex(domain: Int, key: UnsafeRawBufferPointer) -> Int? {
        guard domain >= 0, domain < domainStates.count else { return nil }
        let hash = KeyHash.continued(domainStates[domain], key)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        let fold = domainFolds[domain]
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        let codeCount = header.codeCount
        for _ in 0...slotMask {
            let offset = indexStart + slot * QRTLayout.slotSize
            let head = bytes.u64(offset)
            let entry = Int(truncatingIfNeeded: head >> 32)
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: head) == tag, entry <= codeCount, Int(bytes.u16(offset + 12)) == domain,
               pool.matches(bytes.u32(offset + 8), key, fold: fold) {
                return entry - 1
            }
            slot = (slot + 1) & slotMask
        }
        return nil
    }

    /// The code at position `index` (0-based, in table order), decoded.
    public func code(at index: Int) throws(QRTError) -> TableCode {
        guard index >= 0, index < header.codeCount else {
            throw .malformed("code entry \(index) does not exist (the table has \(header.codeCount) codes)")
        }
        let offset = codesStart + index * QRTLayout.codeRecordSize
        let domain = Int(bytes.u16(offset + 20))
        guard domain < domains.count else {
            throw .malformed("domain number \(domain) out of range in code entry \(index) (the table has \(domains.count) domains)")
        }
        let stateValue = bytes.u8(offset + 22)
        guard Int(stateValue) < Self.states.count else { throw .malformed("unknown state \(stateValue) in code entry \(index)") }
        let flags = bytes.u8(offset + 23)
        guard flags & ~QRTLayout.forwardQueryFlag == 0 else { throw .malformed("unknown flags \(flags) in code entry \(index)") }
        let slug = try string(bytes.u32(offset), "slug", index)
        let id = try string(bytes.u32(offset + 4), "id", index)
        let target = try optionalString(bytes.u32(offset + 8), "target", index)
        let fallback = try optionalString(bytes.u32(offset + 12), "fallback", index)
        let detailOffset = Int(bytes.u32(offset + 16))
        guard detailOffset < detailsRange.count else {
            throw .malformed("detail offset \(detailOffset) out of range in code entry \(index) (section DETL has \(detailsRange.count) bytes)")
        }
        var cursor = Cursor(bytes, from: detailsRange.lowerBound + detailOffset, to: detailsRange.upperBound, place: "detail block")
        let detail = try CodeDetail.decode(&cursor) { (ref: UInt32) throws(QRTError) -> String in
            try string(ref, "detail block", index)
        }
        return TableCode(
            id: id, domain: domains[domain].host, slug: slug, state: Self.states[Int(stateValue)],
            launch: detail.launch, retire: detail.retire, status: detail.status, target: target,
            forwardQuery: flags & QRTLayout.forwardQueryFlag != 0, utm: detail.utm, routes: detail.routes, fallback: fallback)
    }

    /// The whole table, decoded (its canonical form: see `CanonicalTable`).
    public func table() throws(QRTError) -> RedirectTable {
        var codes: [TableCode] = []
        codes.reserveCapacity(header.codeCount)
        for index in 0..<header.codeCount { codes.append(try code(at: index)) }
        return RedirectTable(domains: domains, codes: codes)
    }

    static let states: [TableState] = [.active, .paused, .archived, .retired]

    // MARK: - Strings

    private func string(_ ref: UInt32, _ field: StaticString, _ entry: Int) throws(QRTError) -> String {
        try Self.string(pool, ref, place: "\(field) of code entry \(entry)")
    }

    private func optionalString(_ ref: UInt32, _ field: StaticString, _ entry: Int) throws(QRTError) -> String? {
        ref == QRTLayout.none ? nil : try string(ref, field, entry)
    }

    static func string(_ pool: StringPoolView, _ ref: UInt32, place: @autoclosure () -> String) throws(QRTError) -> String {
        guard Int(ref) < pool.count else {
            throw .malformed("string offset \(ref) out of range in \(place()) (section STRS has \(pool.count) bytes)")
        }
        guard let text = pool.string(ref) else { throw .malformed("malformed string at offset \(ref) in \(place())") }
        return text
    }

    static func decodeDomains(_ bytes: RawBytes, _ range: Range<Int>, _ pool: StringPoolView) throws(QRTError) -> [TableDomain] {
        var domains: [TableDomain] = []
        for offset in stride(from: range.lowerBound, to: range.upperBound, by: QRTLayout.domainRecordSize) {
            let entry = domains.count
            func text(_ at: Int, _ field: String) throws(QRTError) -> String {
                try string(pool, bytes.u32(offset + at), place: "\(field) of domain entry \(entry)")
            }
            func optional(_ at: Int, _ field: String) throws(QRTError) -> String? {
                bytes.u32(offset + at) == QRTLayout.none ? nil : try text(at, field)
            }
            let flags = bytes.u8(offset + 16)
            guard flags & ~QRTLayout.caseSensitiveFlag == 0, bytes.u8(offset + 17) == 0, bytes.u16(offset + 18) == 0 else {
                throw .malformed("unknown flags in domain entry \(entry)")
            }
            domains.append(TableDomain(
                host: try text(0, "host"), fallback: try optional(4, "fallback"), notFound: try optional(8, "not-found"),
                caseSensitiveSlugs: flags & QRTLayout.caseSensitiveFlag != 0, countryHeader: try text(12, "country header")))
        }
        return domains
    }
}

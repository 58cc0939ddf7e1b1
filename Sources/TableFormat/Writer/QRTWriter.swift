import Catalog
import Dispatch
import Routing

/// Writes a `RedirectTable` as a `.qrt` file (docs/table-format.md). Pure and deterministic:
/// equal tables give byte-identical files, whatever order their codes and domains are in
/// (the table is written in its canonical form, `CanonicalTable.canonical`).
public enum QRTWriter {
    public static func write(_ table: RedirectTable) throws(QRTError) -> [UInt8] {
        try write(table, chunkSize: StringGathering.chunkSize)
    }

    /// A write that also leaves a `WriterMemo` for the next, and takes the last one's.
    public struct Written: Sendable {
        public var bytes: [UInt8]
        /// How many codes' strings were copied from the memo rather than gathered.
        public var reusedCodes: Int
        /// What the memo is made of; it is made only when asked for (after the bytes are
        /// handed on, off the build's critical path).
        let material: MemoMaterial?

        /// For the next write; nil when `parts` did not describe the table's codes (the table
        /// was not in canonical order as given, or the counts differ). Made on each call.
        public var memo: WriterMemo? {
            material.flatMap {
                WriterMemo.made(pool: $0.pool, sorted: $0.sorted, stream: $0.stream, codeStarts: $0.codeStarts, parts: $0.parts)
            }
        }
    }

    struct MemoMaterial: Sendable {
        var pool: StringPoolBuilder
        var sorted: [Int]
        var stream: [UInt32]
        var codeStarts: [UInt32]
        var parts: WriterMemo.Parts
    }

    /// `write(table)`, the same bytes, with the table's `parts` (where its codes came from) and
    /// the memo of an earlier write: the codes of parts whose keys the memo knows are not
    /// gathered again (`MemoPass`).
    public static func write(_ table: RedirectTable, parts: WriterMemo.Parts, memo: WriterMemo?) throws(QRTError) -> Written {
        try write(table, chunkSize: StringGathering.chunkSize, parts: parts, memo: memo)
    }

    /// `write`, the codes taken in parallel chunks of `chunkSize` (any size gives the same bytes).
    static func write(_ table: RedirectTable, chunkSize: Int) throws(QRTError) -> [UInt8] {
        try write(table, chunkSize: chunkSize, parts: nil, memo: nil).bytes
    }

    static func write(_ given: RedirectTable, chunkSize: Int, parts givenParts: WriterMemo.Parts?, memo: WriterMemo?)
        throws(QRTError) -> Written
    {
        // The parts describe the codes in the order given: only when that is the canonical one.
        let inOrder = CanonicalTable.isCanonical(given)
        let table = inOrder ? given : CanonicalTable.canonical(given)
        let parts = inOrder && givenParts?.sources.count == table.codes.count ? givenParts : nil
        guard table.domains.count <= QRTLayout.maxDomains else {
            throw .unwritable("\(table.domains.count) domains; the format holds at most \(QRTLayout.maxDomains)")
        }
        guard table.codes.count < Int(UInt32.max) else {
            throw .unwritable("\(table.codes.count) codes; the format holds fewer than \(UInt32.max)")
        }
        var domainIndex: [ByteKey: Int] = [:]
        for (index, domain) in table.domains.enumerated() { domainIndex[ByteKey(domain.host)] = index }

        // Pass 1: every string, in encoding order (from the memo when it fits).
        let first: MemoPass.Result
        if let parts, let memo, let reused = try MemoPass.gather(table, parts: parts, memo: memo) {
            first = reused
        } else {
            var collecting = CollectingRefs()
            collecting.pool.reserve(strings: table.codes.count * 3 + 64, bytes: table.codes.count * 60 + 1_024)
            collecting.stream.reserveCapacity(table.codes.count * 12)
            var scratch = ByteWriter()
            for domain in table.domains { encode(domain, into: &scratch, refs: &collecting) }
            let gathered = try StringGathering.collect(table.codes, into: &collecting, chunkSize: chunkSize)
            first = MemoPass.Result(pool: collecting.pool, sorted: nil, stream: collecting.stream, codeStarts: gathered.codeStarts, reused: 0)
        }
        let pool = first.pool.build(sorted: first.sorted)
        guard pool.bytes.count < Int(UInt32.max) else { throw .unwritable("the string pool exceeds 4 GiB") }

        // The hash index needs only the slugs' offsets (a code's first use is its slug): it
        // is built beside pass 2.
        let slugs = first.codeStarts.map { pool.offsets[Int(first.stream[Int($0)])] }
        let indexSlot = Slots<[UInt8]>(count: 1)
        let indexTable = table
        let indexing = DispatchWorkItem { indexSlot.set(0, buildIndex(indexTable, domainIndex: domainIndex, slugs: slugs)) }
        DispatchQueue.global().async(execute: indexing)

        // Pass 2: the sections, the codes in parallel chunks (`CodePass`).
        var refs = ReplayingRefs(stream: first.stream, offsets: pool.offsets)
        var domains = ByteWriter()
        for domain in table.domains { encode(domain, into: &domains, refs: &refs) }
        let chunkStarts = stride(from: 0, to: table.codes.count, by: max(1, chunkSize)).map { Int(first.codeStarts[$0]) }
        let sections = try CodePass.encode(table.codes, domainIndex: domainIndex, stream: first.stream, offsets: pool.offsets,
                                           chunkStarts: chunkStarts, chunkSize: chunkSize)
        indexing.wait()
        let index = indexSlot.values.first ?? []
        let bytes = try assemble([domains.bytes, sections.codes, index, sections.details, pool.bytes], codeCount: table.codes.count)
        let material = parts.map {
            MemoMaterial(pool: first.pool, sorted: pool.sorted, stream: first.stream, codeStarts: first.codeStarts, parts: $0)
        }
        return Written(bytes: bytes, reusedCodes: first.reused, material: material)
    }

    // MARK: - Records

    static func encode(_ domain: TableDomain, into out: inout ByteWriter, refs: inout some StringRefs) {
        out.u32(refs.ref(domain.host))
        out.u32(domain.fallback.map { refs.ref($0) } ?? QRTLayout.none)
        out.u32(domain.notFound.map { refs.ref($0) } ?? QRTLayout.none)
        out.u32(refs.ref(domain.countryHeader))
        out.u8(domain.caseSensitiveSlugs ? QRTLayout.caseSensitiveFlag : 0)
        out.u8(0)
        out.u16(0)
    }

    @discardableResult
    static func encodeRecordStrings(_ code: borrowing TableCode, refs: inout some StringRefs) throws(QRTError)
        -> (slug: UInt32, id: UInt32, target: UInt32, fallback: UInt32) {
        let slug = refs.ref(code.slug)
        let id = refs.ref(code.id)
        let target = code.target.map { refs.ref($0) } ?? QRTLayout.none
        let fallback = code.fallback.map { refs.ref($0) } ?? QRTLayout.none
        return (slug, id, target, fallback)
    }

    static func stateValue(_ state: TableState) -> UInt8 {
        switch state {
        case .active: 0
        case .paused: 1
        case .archived: 2
        case .retired: 3
        }
    }

    static func deviceValue(_ device: Device) -> UInt8 {
        switch device {
        case .ios: 0
        case .android: 1
        case .mobile: 2
        case .desktop: 3
        }
    }

    /// A code's detail block: status, instants, UTM parameters and routes.
    static func encodeDetail(_ code: borrowing TableCode, into out: inout ByteWriter, refs: inout some StringRefs) throws(QRTError) {
        var flags: UInt8 = 0
        if code.launch != nil { flags |= QRTLayout.launchFlag }
        if code.retire != nil { flags |= QRTLayout.retireFlag }
        if !code.utm.isEmpty { flags |= QRTLayout.utmFlag }
        if !code.routes.isEmpty { flags |= QRTLayout.routesFlag }
        out.u8(flags)
        out.signed(Int64(code.status))
        if let launch = code.launch { out.signed(try instant(launch, "code \(code.id) launch")) }
        if let retire = code.retire { out.signed(try instant(retire, "code \(code.id) retire")) }
        if !code.utm.isEmpty {
            out.varint(UInt64(code.utm.count))
            for parameter in code.utm {
                out.varint(UInt64(refs.ref(parameter.name)))
                out.varint(UInt64(refs.ref(parameter.value)))
            }
        }
        if !code.routes.isEmpty {
            out.varint(UInt64(code.routes.count))
            // Through the buffer: `code.routes[number]` would copy (retain and release) each route.
            try code.routes.withUnsafeBufferPointer { (routes) throws(QRTError) in
                for number in routes.indices {
                    try encode(routes[number], into: &out, refs: &refs, at: "code \(code.id) route \(number + 1)")
                }
            }
        }
    }

    static func encode(_ route: borrowing TableRoute, into out: inout ByteWriter, refs: inout some StringRefs, at place: @autoclosure () -> String) throws(QRTError) {
        let condition = route.condition
        var parts: UInt8 = 0
        if !condition.devices.isEmpty { parts |= QRTLayout.devicesPart }
        if !condition.languages.isEmpty { parts |= QRTLayout.languagesPart }
        if !condition.countries.isEmpty { parts |= QRTLayout.countriesPart }
        if !condition.query.isEmpty { parts |= QRTLayout.queryPart }
        if condition.after != nil { parts |= QRTLayout.afterPart }
        if condition.before != nil { parts |= QRTLayout.beforePart }
        if case .split = route.outcome { parts |= QRTLayout.splitPart }
        out.u8(parts)
        if !condition.devices.isEmpty {
            out.varint(UInt64(condition.devices.count))
            for device in condition.devices { out.u8(deviceValue(device)) }
        }
        encode(condition.languages, into: &out, refs: &refs)
        encode(condition.countries, into: &out, refs: &refs)
        if !condition.query.isEmpty {
            out.varint(UInt64(condition.query.count))
            for wanted in condition.query {
                out.varint(UInt64(refs.ref(wanted.name)))
                out.varint(wanted.value.map { UInt64(refs.ref($0)) + 1 } ?? 0)
            }
        }
        if let after = condition.after { out.signed(try instant(after, place() + " after")) }
        if let before = condition.before { out.signed(try instant(before, place() + " before")) }
        switch route.outcome {
        case .target(let target):
            out.varint(UInt64(refs.ref(target)))
        case .split(let arms):
            guard !arms.isEmpty else { throw .unwritable("\(place()): a split needs at least one arm") }
            var total: UInt64 = 0
            for arm in arms {
                guard arm.weight >= 1, UInt64(arm.weight) <= QRTLayout.maxTotalWeight - total else {
                    throw .unwritable("\(place()): split weights must be at least 1 and add up to at most \(QRTLayout.maxTotalWeight)")
                }
                total += UInt64(arm.weight)
            }
            out.varint(UInt64(arms.count))
            for arm in arms {
                out.signed(Int64(arm.weight))
                out.varint(UInt64(refs.ref(arm.target)))
            }
        }
    }

    /// A list of strings, when it has any: its count, then each string's reference.
    static func encode(_ list: [String], into out: inout ByteWriter, refs: inout some StringRefs) {
        guard !list.isEmpty else { return }
        out.varint(UInt64(list.count))
        for item in list { out.varint(UInt64(refs.ref(item))) }
    }

    static func instant(_ seconds: Int64, _ place: @autoclosure () -> String) throws(QRTError) -> Int64 {
        guard QRTLayout.instants.contains(seconds) else {
            throw .unwritable("\(place()) (\(seconds) s) is outside years 0000 to 9999")
        }
        return seconds
    }

    // MARK: - Index and file

    /// Open addressing with linear probing; codes are inserted in table order. A slot holds
    /// what a probe needs to confirm a match without reading the code record: the hash tag,
    /// the entry number, the slug's string reference and the domain number.
    static func buildIndex(_ table: RedirectTable, domainIndex: [ByteKey: Int], slugs: [UInt32]) -> [UInt8] {
        let slotCount = QRTLayout.slotCount(codes: table.codes.count)
        let mask = slotCount - 1
        var slots = [(tag: UInt32, entry: UInt32, slug: UInt32, domain: UInt16)](repeating: (0, 0, 0, 0), count: slotCount)
        // Codes of one domain are neighbours (canonical order): its number, fold and hash state
        // are worked out once per run of codes.
        var current: (host: String, number: Int, fold: Bool, state: UInt64)?
        for number in table.codes.indices {
            let host = table.codes[number].domain
            if current.map({ !ByteKey.bytesEqual($0.host, host) }) ?? true {
                let domainNumber = domainIndex[ByteKey(host)] ?? 0
                let fold = table.domains.indices.contains(domainNumber) ? !table.domains[domainNumber].caseSensitiveSlugs : true
                current = (host, domainNumber, fold, KeyHash.hostState(host))
            }
            guard let (_, domainNumber, fold, state) = current else { continue }
            var slug = table.codes[number].slug
            let hash = slug.withUTF8 { KeyHash.continued(state, UnsafeRawBufferPointer($0), foldingASCII: fold) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = (UInt32(truncatingIfNeeded: hash >> 32), UInt32(number + 1), slugs[number], UInt16(domainNumber))
        }
        var out = ByteWriter()
        out.bytes.reserveCapacity(slotCount * QRTLayout.slotSize)
        for slot in slots {
            out.u32(slot.tag)
            out.u32(slot.entry)
            out.u32(slot.slug)
            out.u16(slot.domain)
            out.u16(0)
        }
        return out.bytes
    }

    /// Header, directory and the sections (each at a multiple of 8, zero-padded).
    static func assemble(_ sections: [[UInt8]], codeCount: Int) throws(QRTError) -> [UInt8] {
        var offsets: [Int] = []
        var end = QRTLayout.firstSectionOffset
        for section in sections {
            end = QRTLayout.align(end)
            offsets.append(end)
            end += section.count
        }
        guard end <= Int(UInt32.max) else { throw .unwritable("the table would take \(end) bytes; the format's offsets reach 4 GiB") }
        var directory = ByteWriter()
        for (number, section) in sections.enumerated() {
            directory.u32(QRTLayout.sections[number].tagValue)
            directory.u32(UInt32(offsets[number]))
            directory.u32(UInt32(section.count))
            directory.u32(CRC32C.checksum(section))
        }
        var header = ByteWriter()
        header.append(QRTLayout.magic)
        header.u16(QRTLayout.version)
        header.u16(UInt16(sections.count))
        header.u32(0)
        header.u64(UInt64(end))
        header.u32(UInt32(codeCount))
        header.u32(headerChecksum(header.bytes, directory.bytes))
        var file = ByteWriter()
        file.bytes.reserveCapacity(end)
        file.append(header.bytes)
        file.append(directory.bytes)
        for section in sections {
            file.padToEight()
            file.append(section)
        }
        return file.bytes
    }

    /// CRC-32C of header bytes 0..<28 followed by the directory.
    static func headerChecksum(_ header: [UInt8], _ directory: [UInt8]) -> UInt32 {
        let first = header.withUnsafeBytes { CRC32C.update(0xFFFF_FFFF, UnsafeRawBufferPointer(rebasing: $0[0..<28])) }
        return ~directory.withUnsafeBytes { CRC32C.update(first, $0) }
    }
}

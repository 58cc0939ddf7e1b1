/// The full structural check of a table (`QRTVerification.full`; docs/table-format.md,
/// "Validation"), run after the checksums: every byte of every section is accounted for, every
/// reference lands on a string node or detail block, the codes are in order and every code is
/// findable through the index. Errors say which entry is wrong.
struct QRTValidator {
    let reader: QRTReader
    private var bytes: RawBytes { reader.bytes }
    private var header: QRTHeader { reader.header }

    init(_ reader: QRTReader) { self.reader = reader }

    func validate() throws(QRTError) {
        try checkPadding()
        let nodes = try checkStrings()
        let blocks = try checkDetails(nodes)
        try checkDomains(nodes)
        let hashes = try checkCodes(nodes, blocks)
        try checkIndex(hashes)
    }

    /// The bytes between sections are zero.
    private func checkPadding() throws(QRTError) {
        var end = QRTLayout.headerSize + QRTLayout.directorySize
        for (number, range) in header.sections.enumerated() {
            for offset in end..<range.lowerBound where bytes.u8(offset) != 0 {
                throw .malformed("padding byte \(offset) before section \(QRTLayout.sections[number].tag) is not zero")
            }
            end = range.upperBound
        }
    }

    /// Walks the string pool node by node; returns where nodes start.
    private func checkStrings() throws(QRTError) -> Bitset {
        let pool = reader.pool
        var starts = Bitset(count: pool.count)
        var position = pool.start
        while position < pool.end {
            let ref = position - pool.start
            var cursor = Cursor(bytes, from: position, to: pool.end, place: "string node")
            let head = try cursor.varint()
            let total = head >> 1
            var parentTotal: UInt64 = 0
            if head & 1 == 1 {
                let delta = try cursor.varint()
                guard delta >= 1, delta <= UInt64(ref), starts.contains(ref - Int(delta)) else {
                    throw .malformed("string node at offset \(ref): its parent (\(delta) bytes back) is not a string node")
                }
                let parentRef = UInt32(ref - Int(delta))
                guard let parent = pool.node(parentRef) else { throw .malformed("string node at offset \(ref): unreadable parent") }
                parentTotal = UInt64(parent.total)
                guard parentTotal < total else {
                    throw .malformed("string node at offset \(ref): length \(total) is not longer than its parent's \(parentTotal)")
                }
                var depth = 2
                var ancestor = parent
                while let next = ancestor.parent {
                    depth += 1
                    guard depth <= QRTLayout.maxStringDepth, let found = pool.node(next) else {
                        throw .malformed("string node at offset \(ref): more than \(QRTLayout.maxStringDepth) levels of prefixes")
                    }
                    ancestor = found
                }
            }
            guard total <= UInt64(Int32.max) else { throw .malformed("string node at offset \(ref): length \(total) is too large") }
            let suffix = Int(total - parentTotal)
            guard cursor.position + suffix <= pool.end else {
                throw .malformed("string node at offset \(ref): \(suffix) bytes run past the end of section STRS")
            }
            guard UTF8Check.isValid(bytes.buffer(cursor.position..<cursor.position + suffix)) else {
                throw .malformed("string node at offset \(ref): not valid UTF-8")
            }
            starts.insert(ref)
            position = cursor.position + suffix
        }
        return starts
    }

    /// Walks the detail blocks one after the other; returns where blocks start.
    private func checkDetails(_ nodes: Bitset) throws(QRTError) -> Bitset {
        let range = header.range(.details)
        var starts = Bitset(count: range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let offset = position - range.lowerBound
            var cursor = Cursor(bytes, from: position, to: range.upperBound, place: "detail block")
            _ = try CodeDetail.decode(&cursor) { (ref: UInt32) throws(QRTError) -> String in
                guard nodes.contains(Int(ref)) else {
                    throw .malformed("string offset \(ref) \(Int(ref) < nodes.count ? "is not the start of a string" : "out of range") in the detail block at offset \(offset)")
                }
                return ""
            }
            starts.insert(offset)
            position = cursor.position
        }
        return starts
    }

    private func checkReference(_ ref: UInt32, _ nodes: Bitset, optional: Bool, _ place: @autoclosure () -> String) throws(QRTError) {
        if optional, ref == QRTLayout.none { return }
        guard nodes.contains(Int(ref)) else {
            throw .malformed("string offset \(ref) \(Int(ref) < nodes.count ? "is not the start of a string" : "out of range") in \(place())")
        }
    }

    private func checkDomains(_ nodes: Bitset) throws(QRTError) {
        let range = header.range(.domains)
        for (entry, offset) in stride(from: range.lowerBound, to: range.upperBound, by: QRTLayout.domainRecordSize).enumerated() {
            try checkReference(bytes.u32(offset), nodes, optional: false, "the host of domain entry \(entry)")
            try checkReference(bytes.u32(offset + 4), nodes, optional: true, "the fallback of domain entry \(entry)")
            try checkReference(bytes.u32(offset + 8), nodes, optional: true, "the not-found of domain entry \(entry)")
            try checkReference(bytes.u32(offset + 12), nodes, optional: false, "the country header of domain entry \(entry)")
        }
        for entry in reader.domains.indices.dropFirst() {
            guard ByteKey.bytesPrecede(reader.domains[entry - 1].host, reader.domains[entry].host) else {
                throw .malformed("domain entry \(entry) (\(reader.domains[entry].host)) is out of order or repeated")
            }
        }
    }

    /// Every code record; returns each code's key hash.
    private func checkCodes(_ nodes: Bitset, _ blocks: Bitset) throws(QRTError) -> [UInt64] {
        let start = header.range(.codes).lowerBound
        let hostStates = reader.domains.map { KeyHash.hostState($0.host) }
        let hostBytes = reader.domains.map { Array($0.host.utf8) }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(header.codeCount)
        var previousKey: [UInt8] = []
        var key: [UInt8] = []
        var slug: [UInt8] = []
        for entry in 0..<header.codeCount {
            let offset = start + entry * QRTLayout.codeRecordSize
            try checkReference(bytes.u32(offset), nodes, optional: false, "the slug of code entry \(entry)")
            try checkReference(bytes.u32(offset + 4), nodes, optional: false, "the id of code entry \(entry)")
            try checkReference(bytes.u32(offset + 8), nodes, optional: true, "the target of code entry \(entry)")
            try checkReference(bytes.u32(offset + 12), nodes, optional: true, "the fallback of code entry \(entry)")
            let detail = Int(bytes.u32(offset + 16))
            guard blocks.contains(detail) else {
                throw .malformed("detail offset \(detail) \(detail < blocks.count ? "is not the start of a block" : "out of range") in code entry \(entry)")
            }
            let domain = Int(bytes.u16(offset + 20))
            guard domain < reader.domains.count else {
                throw .malformed("domain number \(domain) out of range in code entry \(entry) (the table has \(reader.domains.count) domains)")
            }
            guard Int(bytes.u8(offset + 22)) < QRTReader.states.count else {
                throw .malformed("unknown state \(bytes.u8(offset + 22)) in code entry \(entry)")
            }
            guard bytes.u8(offset + 23) & ~QRTLayout.forwardQueryFlag == 0 else {
                throw .malformed("unknown flags \(bytes.u8(offset + 23)) in code entry \(entry)")
            }
            guard reader.pool.copy(bytes.u32(offset), into: &slug) else {
                throw .malformed("malformed slug string in code entry \(entry)")
            }
            if !reader.domains[domain].caseSensitiveSlugs {
                for index in slug.indices where slug[index] &- 0x41 < 26 { slug[index] |= 0x20 }
            }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: hostBytes[domain])
            key.append(0)
            key.append(contentsOf: slug)
            guard entry == 0 || previousKey.lexicographicallyPrecedes(key) else {
                throw .malformed("code entry \(entry) is out of order or repeats a slug of its domain")
            }
            swap(&previousKey, &key)
            hashes.append(slug.withUnsafeBytes { KeyHash.continued(hostStates[domain], $0) })
        }
        return hashes
    }

    /// Every slot is empty (all zero) or holds a code with its key's tag, slug and domain,
    /// which a probe from the code's home slot reaches before any empty slot; every code is in
    /// exactly one slot.
    private func checkIndex(_ hashes: [UInt64]) throws(QRTError) {
        let start = header.range(.index).lowerBound
        let codes = header.range(.codes).lowerBound
        let slotCount = header.range(.index).count / QRTLayout.slotSize
        let mask = slotCount - 1
        var seen = Bitset(count: hashes.count)
        var occupied = 0
        func entry(_ slot: Int) -> Int { Int(bytes.u32(start + slot * QRTLayout.slotSize + 4)) }
        // Start just after an empty slot, so every run of full slots is seen from its start.
        guard let empty = (0..<slotCount).first(where: { entry($0) == 0 }) else {
            throw .malformed("the index has no empty slot")
        }
        var runStart = (empty + 1) & mask
        for step in 1...slotCount {
            let slot = (empty + step) & mask
            let offset = start + slot * QRTLayout.slotSize
            let record = entry(slot)
            if record == 0 {
                guard bytes.u64(offset) == 0, bytes.u64(offset + 8) == 0 else { throw .malformed("index slot \(slot) is empty but not zero") }
                runStart = (slot + 1) & mask
                continue
            }
            guard record <= hashes.count else {
                throw .malformed("index slot \(slot) names code entry \(record - 1), but the table has \(hashes.count) codes")
            }
            let code = record - 1
            guard !seen.contains(code) else { throw .malformed("index slot \(slot) repeats code entry \(code)") }
            seen.insert(code)
            occupied += 1
            let hash = hashes[code]
            guard bytes.u32(offset) == UInt32(truncatingIfNeeded: hash >> 32) else {
                throw .malformed("index slot \(slot) has the wrong tag for code entry \(code)")
            }
            let recordOffset = codes + code * QRTLayout.codeRecordSize
            guard bytes.u32(offset + 8) == bytes.u32(recordOffset), bytes.u16(offset + 12) == bytes.u16(recordOffset + 20),
                  bytes.u16(offset + 14) == 0 else {
                throw .malformed("index slot \(slot) does not match code entry \(code) (slug, domain or reserved bytes)")
            }
            let home = Int(truncatingIfNeeded: hash) & mask
            guard (slot - home) & mask <= (slot - runStart) & mask else {
                throw .malformed("index slot \(slot): code entry \(code) cannot be reached from its home slot \(home)")
            }
        }
        guard occupied == hashes.count else {
            throw .malformed("the index holds \(occupied) of the table's \(hashes.count) codes")
        }
    }
}

/// A fixed-size set of small integers.
struct Bitset {
    private var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < count && words[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    mutating func insert(_ value: Int) {
        guard value >= 0, value < count else { return }
        words[value >> 6] |= 1 << UInt64(value & 63)
    }
}

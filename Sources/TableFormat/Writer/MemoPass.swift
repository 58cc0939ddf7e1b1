import Routing

/// The writer's first pass taken from the last write's `WriterMemo`: the uses of a code whose
/// part has the same key as in the memo are copied from it; only the other codes (and the
/// domains) are encoded, each string looked up by its bytes among the memo's (a binary search
/// in their byte order) or added. The strings are then renumbered in order of first use and
/// their byte order is merged from the memo's and the added ones', so the pool, the stream and
/// the sorted ids are exactly those of a full first pass (`StringGathering`), and so are the
/// file's bytes.
enum MemoPass {
    /// More codes than this to encode, and the full pass (parallel) is taken instead.
    static func freshLimit(codes: Int) -> Int { max(4_096, codes / 8) }

    /// What a first pass gives the rest of the writer.
    struct Result {
        /// The distinct strings by id (order of first use).
        var pool: StringPoolBuilder
        /// The ids in byte order, when known.
        var sorted: [Int]?
        var stream: [UInt32]
        var codeStarts: [UInt32]
        var reused: Int
    }

    /// Nil when more than `freshLimit` codes would be encoded.
    static func gather(_ table: RedirectTable, parts: WriterMemo.Parts, memo: WriterMemo) throws(QRTError) -> Result? {
        let codeCount = table.codes.count
        guard parts.sources.count == codeCount else { return nil }
        // Each part's entry positions in the memo, looked up once per part.
        let positions: [[Int32]?] = parts.keys.map { key in key.flatMap { memo.parts[$0] } }
        var refs = FindingRefs(memo: memo)
        refs.stream.reserveCapacity(memo.stream.count + 1_024)
        var scratch = ByteWriter()
        for domain in table.domains { QRTWriter.encode(domain, into: &scratch, refs: &refs) }
        var codeStarts: [UInt32] = []
        codeStarts.reserveCapacity(codeCount)
        var fresh = 0
        let limit = freshLimit(codes: codeCount)
        let complete = try table.codes.withUnsafeBufferPointer { (codes) throws(QRTError) -> Bool in
            for index in codes.indices {
                codeStarts.append(UInt32(truncatingIfNeeded: refs.stream.count))
                let source = parts.sources[index]
                if positions.indices.contains(Int(source.part)), let entries = positions[Int(source.part)],
                   entries.indices.contains(Int(source.entry)), entries[Int(source.entry)] >= 0 {
                    let old = Int(entries[Int(source.entry)])
                    refs.stream.append(contentsOf: memo.stream[Int(memo.codeStarts[old])..<Int(memo.codeStarts[old + 1])])
                    continue
                }
                fresh += 1
                if fresh > limit { return false }
                scratch.bytes.removeAll(keepingCapacity: true)
                try QRTWriter.encodeRecordStrings(codes[index], refs: &refs)
                try QRTWriter.encodeDetail(codes[index], into: &scratch, refs: &refs)
            }
            return true
        }
        guard complete else { return nil }
        return renumbered(refs, codeStarts: codeStarts, reused: codeCount - fresh)
    }

    /// The stream's ids (the memo's, then the added strings') renumbered in order of first
    /// use, the pool of the strings used, and their byte order.
    private static func renumbered(_ refs: FindingRefs, codeStarts: [UInt32], reused: Int) -> Result {
        let memo = refs.memo
        let known = memo.stringCount
        let total = known + refs.addedEnds.count
        var stream = refs.stream
        var newID = [UInt32](repeating: .max, count: total)
        var order: [Int] = []
        order.reserveCapacity(total)
        stream.withUnsafeMutableBufferPointer { stream in
            newID.withUnsafeMutableBufferPointer { newID in
                for index in stream.indices {
                    let old = Int(stream[index])
                    if newID[old] == .max {
                        newID[old] = UInt32(truncatingIfNeeded: order.count)
                        order.append(old)
                    }
                    stream[index] = newID[old]
                }
            }
        }
        // The pool: the memo's strings in place, the added ones after them.
        var arena = memo.arena
        let addedBase = arena.count
        if !refs.added.isEmpty { arena += refs.added }
        func span(_ old: Int) -> StringPoolBuilder.Span {
            if old < known {
                let start = memo.start(of: old)
                return StringPoolBuilder.Span(start: start, count: Int(memo.ends[old]) - start)
            }
            let added = old - known
            let start = added == 0 ? 0 : refs.addedEnds[added - 1]
            return StringPoolBuilder.Span(start: addedBase + start, count: refs.addedEnds[added] - start)
        }
        let pool = StringPoolBuilder(arena: arena, spans: order.map(span))

        // Byte order: the memo's strings still used, in its order, with the added ones (none of
        // which is among the memo's) put in their places.
        var sorted: [Int] = []
        sorted.reserveCapacity(order.count)
        for old in memo.sorted where newID[Int(old)] != .max { sorted.append(Int(newID[Int(old)])) }
        let added = (known..<total).compactMap { newID[$0] == .max ? nil : Int(newID[$0]) }
        if !added.isEmpty {
            sorted = arena.withUnsafeBytes { arena in
                func bytes(_ id: Int) -> UnsafeRawBufferPointer {
                    let span = pool.span(id)
                    return UnsafeRawBufferPointer(rebasing: arena[span.start..<span.start + span.count])
                }
                let inserted = added.sorted { ByteKey.compare(bytes($0), bytes($1)) < 0 }
                var merged: [Int] = []
                merged.reserveCapacity(sorted.count + inserted.count)
                var next = 0
                for id in inserted {
                    // The first of the remaining memo strings that sorts after it.
                    var low = next, high = sorted.count
                    while low < high {
                        let middle = (low + high) / 2
                        if ByteKey.compare(bytes(sorted[middle]), bytes(id)) < 0 { low = middle + 1 } else { high = middle }
                    }
                    merged += sorted[next..<low]
                    merged.append(id)
                    next = low
                }
                merged += sorted[next...]
                return merged
            }
        }
        return Result(pool: pool, sorted: sorted, stream: stream, codeStarts: codeStarts, reused: reused)
    }
}

/// String references for `MemoPass`: a string's id is its id in the memo when the memo has
/// it, else a new one after the memo's (the same for equal bytes).
struct FindingRefs: StringRefs {
    let memo: WriterMemo
    var stream: [UInt32] = []
    /// The strings not in the memo, back to back; the `n`th ends at `addedEnds[n]`.
    var added: [UInt8] = []
    var addedEnds: [Int] = []
    var addedIDs: [ByteKey: UInt32] = [:]

    init(memo: WriterMemo) { self.memo = memo }

    mutating func ref(_ text: String) -> UInt32 {
        stream.append(id(of: text))
        return 0
    }

    mutating func id(of text: String) -> UInt32 {
        if let found = StringPoolBuilder.withBytes(of: text, { memo.find($0) }) { return found }
        if let known = addedIDs[ByteKey(text)] { return known }
        let id = UInt32(truncatingIfNeeded: memo.stringCount + addedEnds.count)
        StringPoolBuilder.withBytes(of: text) { added.append(contentsOf: $0) }
        addedEnds.append(added.count)
        addedIDs[ByteKey(text)] = id
        return id
    }
}

extension WriterMemo {
    /// The id of the string with these bytes (a binary search in byte order).
    func find(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        arena.withUnsafeBytes { arena in
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let id = Int(sorted[middle])
                let order = ByteKey.compare(UnsafeRawBufferPointer(rebasing: arena[start(of: id)..<Int(ends[id])]), bytes)
                if order == 0 { return sorted[middle] }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }
}

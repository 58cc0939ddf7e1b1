/// What one `.qrt` write leaves for the next, so that a table that differs from the last one
/// in a few code files is written without gathering and sorting every string again
/// (docs/table-format.md, "Writing again after a small change"; `QRTWriter.write(_:parts:memo:)`).
///
/// It holds the last table's distinct strings (by id: the order of their first use), their
/// byte order, the use stream (every string reference the encoding made, as ids, in encoding
/// order), where each code's uses start, and, for each part (code file) of that table, under
/// the key its caller gave it, where each of its entries ended up in canonical order. A part
/// with the same key in the next table has the same codes (the caller's promise: `qrops build`
/// uses the file's check-cache key), so their uses are copied from here.
///
/// Any memo is a valid input to any table: a string is found by its bytes, and only parts with
/// equal keys are copied; a memo that does not fit at all only costs time.
public struct WriterMemo: Sendable, Equatable {
    /// A part's key: 32 bytes, e.g. a SHA-256 digest.
    public struct PartKey: Hashable, Sendable {
        public let words: [UInt64]

        /// The first 32 bytes of `bytes` (zero-padded when shorter).
        public init(_ bytes: some Collection<UInt8>) {
            var words = [UInt64](repeating: 0, count: 4)
            for (index, byte) in bytes.prefix(32).enumerated() { words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8)) }
            self.words = words
        }

        /// The 32 bytes.
        public var bytes: [UInt8] {
            words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }
        }
    }

    /// The parts a table was merged from: each part's key (nil: never copied), and for each
    /// code of the table, in its order, the part and the entry within the part it came from.
    public struct Parts: Sendable {
        public var keys: [PartKey?]
        public var sources: [(part: Int32, entry: Int32)]

        public init(keys: [PartKey?], sources: [(part: Int32, entry: Int32)]) {
            self.keys = keys
            self.sources = sources
        }
    }

    /// The strings' bytes, back to back in id order; string `id` ends at `ends[id]`.
    public let arena: [UInt8]
    public let ends: [UInt32]
    /// The ids in byte order of their strings.
    public let sorted: [UInt32]
    /// The use stream: the domains' uses, then each code's.
    public let stream: [UInt32]
    /// Where each code's uses start in `stream`, and `stream.count` last.
    public let codeStarts: [UInt32]
    /// For each part key, the canonical position of each of its entries (-1: not in the table).
    public let parts: [PartKey: [Int32]]

    /// A memo from its fields, or nil when they do not hold together (an id, a position or an
    /// end out of range, `sorted` not a permutation, starts not in order). The strings' order
    /// and distinctness are not checked: a memo that breaks them gives a slower write, never a
    /// crash.
    public init?(arena: [UInt8], ends: [UInt32], sorted: [UInt32], stream: [UInt32], codeStarts: [UInt32], parts: [PartKey: [Int32]]) {
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard Int(previous) <= arena.count, sorted.count == ends.count, ends.count < Int(UInt32.max) else { return nil }
        var seen = [Bool](repeating: false, count: ends.count)
        for id in sorted {
            guard Int(id) < seen.count, !seen[Int(id)] else { return nil }
            seen[Int(id)] = true
        }
        guard !stream.contains(where: { Int($0) >= ends.count }) else { return nil }
        guard let last = codeStarts.last, Int(last) == stream.count else { return nil }
        previous = 0
        for start in codeStarts {
            guard start >= previous else { return nil }
            previous = start
        }
        let codes = codeStarts.count - 1
        for positions in parts.values where positions.contains(where: { $0 < -1 || Int($0) >= codes }) { return nil }
        self.arena = arena
        self.ends = ends
        self.sorted = sorted
        self.stream = stream
        self.codeStarts = codeStarts
        self.parts = parts
    }

    var stringCount: Int { ends.count }

    func start(of id: Int) -> Int { id == 0 ? 0 : Int(ends[id - 1]) }

    /// The memo of a write: its pool's strings (`pool`, ids in first-use order), their byte
    /// order, the use stream and the codes' starts in it, and where each part's entries went.
    static func made(pool: StringPoolBuilder, sorted: [Int], stream: [UInt32], codeStarts: [UInt32], parts: Parts) -> WriterMemo? {
        var arena: [UInt8] = []
        var ends: [UInt32] = []
        ends.reserveCapacity(pool.stringCount)
        arena.reserveCapacity(pool.arenaBytes.count)
        pool.arenaBytes.withUnsafeBufferPointer { source in
            for id in 0..<pool.stringCount {
                let span = pool.span(id)
                arena.append(contentsOf: source[span.start..<span.start + span.count])
                ends.append(UInt32(truncatingIfNeeded: arena.count))
            }
        }
        guard arena.count < Int(UInt32.max) else { return nil }
        // Entry positions per part number first, then filed under the parts' keys.
        var byPart = [[Int32]](repeating: [], count: parts.keys.count)
        for (position, source) in parts.sources.enumerated() {
            let part = Int(source.part), entry = Int(source.entry)
            guard byPart.indices.contains(part), parts.keys[part] != nil, entry >= 0 else { continue }
            if byPart[part].count <= entry { byPart[part] += repeatElement(-1, count: entry + 1 - byPart[part].count) }
            byPart[part][entry] = Int32(truncatingIfNeeded: position)
        }
        var positions: [PartKey: [Int32]] = [:]
        positions.reserveCapacity(parts.keys.count)
        for (part, key) in parts.keys.enumerated() {
            guard let key else { continue }
            positions[key] = byPart[part]
        }
        return WriterMemo(arena: arena, ends: ends, sorted: sorted.map { UInt32(truncatingIfNeeded: $0) }, stream: stream,
            codeStarts: codeStarts + [UInt32(truncatingIfNeeded: stream.count)], parts: positions)
    }
}

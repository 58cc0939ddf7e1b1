#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Builds the `STRS` section (docs/table-format.md, "String pool"): every distinct string once,
/// each stored as a reference to its longest stored proper prefix (its parent) plus the bytes
/// after it, laid out in the order the table uses them. Besides the strings themselves, the pool holds the prefixes that two
/// neighbouring strings in sorted order share up to a cut character (`/ ? & = - _ . : #`), so
/// `https://www.acme.example/eu/retail/coffee-x1/setup` is stored as a few bytes after
/// `https://www.acme.example/eu/retail/coffee-x1/`, itself after `.../retail/`, and so on.
/// The result depends only on the strings and the order of their first use.
struct StringPoolBuilder {
    struct Span {
        var start: Int
        var count: Int
    }

    private var arena: [UInt8] = []
    private var spans: [Span] = []
    /// The strings' hashes, by id, and an open-addressing table of ids (-1: empty), at most
    /// half full. (Faster than a `Dictionary` of strings, which hashes with SipHash; which
    /// slot a string lands in never shows in the output.)
    private var hashes: [UInt64] = []
    private var slots: [Int32] = []

    /// `/ ? & = - _ . : #`
    @inline(__always)
    static func isCut(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2F, 0x3F, 0x26, 0x3D, 0x2D, 0x5F, 0x2E, 0x3A, 0x23: true
        default: false
        }
    }

    init() {}

    /// A pool of strings laid out already: string `id` is `spans[id]` of `arena` (strings
    /// distinct, numbered in order of first use). For `build` only: `add` is not used on it.
    init(arena: [UInt8], spans: [Span]) {
        self.arena = arena
        self.spans = spans
    }

    mutating func reserve(strings: Int, bytes: Int) {
        spans.reserveCapacity(strings)
        hashes.reserveCapacity(strings)
        arena.reserveCapacity(bytes)
        if slots.count < 2 * strings { rehash(slotCount: Self.slotCount(for: strings)) }
    }
    /// Shorter shared prefixes are not worth a node of their own.
    static let minimumPrefix = 4

    /// Adds a string (once) and returns its id and the hash it is filed under.
    mutating func add(_ text: String) -> (id: Int, hash: UInt64) {
        Self.withBytes(of: text) { bytes in
            let hash = Self.hash(bytes)
            return (add(bytes, hash: hash), hash)
        }
    }

    /// `add` with the string's `hash(_:)` worked out already (in parallel, by the caller).
    mutating func add(_ text: String, hash: UInt64) -> Int {
        Self.withBytes(of: text) { add($0, hash: hash) }
    }

    /// A string's UTF-8 bytes, without copying the string (`var copy = text; copy.withUTF8`
    /// retains and releases it: a tenth of the writer's time at a million references).
    @inline(__always)
    static func withBytes<Result>(of text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    private mutating func add(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int {
        if slots.isEmpty { rehash(slotCount: 1_024) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, equals(spans[id], bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = spans.count
        spans.append(Span(start: arena.count, count: bytes.count))
        arena.append(contentsOf: bytes)
        hashes.append(hash)
        slots[slot] = Int32(truncatingIfNeeded: id)
        if 2 * spans.count > slots.count { rehash(slotCount: 2 * slots.count) }
        return id
    }

    private func equals(_ span: Span, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard span.count == bytes.count else { return false }
        guard span.count > 0, let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBytes { arena in
            guard let base = arena.baseAddress else { return false }
            return memcmp(base + span.start, other, span.count) == 0
        }
    }

    private static func slotCount(for strings: Int) -> Int {
        var count = 1_024
        while count < 2 * strings { count *= 2 }
        return count
    }

    private mutating func rehash(slotCount: Int) {
        slots = [Int32](repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }

    /// A fast 64-bit hash of bytes (eight at a time, multiply and fold).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }

    var stringCount: Int { spans.count }

    /// The pool's bytes and the offset of every added string's node, by id. Nodes are laid out
    /// in the order of the strings' first use, each after its not yet written prefixes, so the
    /// strings of one code sit side by side and a lookup touches few cache lines. A string's
    /// id is the order of its first use: the writer adds strings in the order the table's
    /// encoding meets them, and `add` numbers a string when it first sees it.
    ///
    /// `sorted` is the ids in byte order when the caller knows it (`WriterMemo`); it is
    /// returned either way.
    func build(sorted known: [Int]? = nil) -> (bytes: [UInt8], offsets: [UInt32], sorted: [Int]) {
        let sorted = known ?? sortedIDs()
        let (bytes, offsets) = arena.withUnsafeBytes { arena in build(arena, sorted: sorted) }
        return (bytes, offsets, sorted)
    }

    /// The bytes the strings lie in, and where string `id` lies.
    var arenaBytes: [UInt8] { arena }
    func span(_ id: Int) -> Span { spans[id] }

    private func build(_ arena: UnsafeRawBufferPointer, sorted: [Int]) -> (bytes: [UInt8], offsets: [UInt32]) {
        func bytes(_ span: Span) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: arena[span.start..<span.start + span.count])
        }
        // 1. The strings, sorted (`sorted`).

        // 2. Shared prefixes of sorted neighbours, up to their last common cut byte (a prefix
        // equal to the one before it is left out: equal byte strings become one node anyway).
        var prefixes: [Span] = []
        var previous: Span?
        for id in sorted {
            let span = spans[id]
            defer { previous = span }
            guard let previous else { continue }
            let left = bytes(previous), right = bytes(span)
            var cut = Self.commonPrefix(left, right, limit: min(left.count, right.count - 1))
            while cut >= Self.minimumPrefix, !Self.isCut(right[cut - 1]) { cut -= 1 }
            if cut >= Self.minimumPrefix, cut < previous.count {
                let prefix = Span(start: span.start, count: cut)
                if let last = prefixes.last, ByteKey.compare(bytes(last), bytes(prefix)) == 0 { continue }
                prefixes.append(prefix)
            }
        }
        prefixes.sort { ByteKey.compare(bytes($0), bytes($1)) < 0 }

        // 3. The nodes: strings and prefixes merged in byte order, equal byte strings merged (a
        // string wins over a prefix copy); each node's parent is the longest node that is a
        // proper prefix of it, keeping chains at most `maxStringDepth` long.
        var candidates: [(span: Span, id: Int)] = []
        candidates.reserveCapacity(sorted.count + prefixes.count)
        var nextPrefix = 0
        for id in sorted {
            let span = spans[id]
            while nextPrefix < prefixes.count, ByteKey.compare(bytes(prefixes[nextPrefix]), bytes(span)) < 0 {
                candidates.append((prefixes[nextPrefix], -1))
                nextPrefix += 1
            }
            candidates.append((span, id))
        }
        for prefix in prefixes[nextPrefix...] { candidates.append((prefix, -1)) }
        var nodes: [Span] = []
        var parents: [Int] = []
        var nodeOfString = [Int](repeating: -1, count: spans.count)
        // The chain of nodes that are prefixes of the current one: (node, depth).
        var stack: [(node: Int, depth: Int)] = []
        for candidate in candidates {
            let text = bytes(candidate.span)
            if let last = nodes.last, ByteKey.compare(bytes(last), text) == 0 {
                if candidate.id >= 0 { nodeOfString[candidate.id] = nodes.count - 1 }
                continue
            }
            while let top = stack.last, !(nodes[top.node].count < text.count && Self.isPrefix(bytes(nodes[top.node]), of: text)) {
                stack.removeLast()
            }
            let parent = stack.last(where: { $0.depth < QRTLayout.maxStringDepth })
            nodes.append(candidate.span)
            parents.append(parent?.node ?? -1)
            stack.append((nodes.count - 1, (parent?.depth ?? 0) + 1))
            if candidate.id >= 0 { nodeOfString[candidate.id] = nodes.count - 1 }
        }

        // 4. Layout in order of first use, each node after its prefixes.
        var nodeOffsets = [Int](repeating: -1, count: nodes.count)
        var pool = ByteWriter()
        pool.bytes.reserveCapacity(arena.count / 2)
        var chain: [Int] = []
        func place(_ node: Int) {
            chain.removeAll(keepingCapacity: true)
            var current = node
            while current >= 0, nodeOffsets[current] < 0 {
                chain.append(current)
                current = parents[current]
            }
            for node in chain.reversed() {
                let parent = parents[node]
                let offset = pool.count
                let text = bytes(nodes[node])
                pool.varint(UInt64(text.count) << 1 | (parent < 0 ? 0 : 1))
                if parent >= 0 { pool.varint(UInt64(offset - nodeOffsets[parent])) }
                pool.bytes.append(contentsOf: text[(parent < 0 ? 0 : nodes[parent].count)...])
                nodeOffsets[node] = offset
            }
        }
        for node in nodeOfString { place(node) }
        return (pool.bytes, nodeOfString.map { UInt32(truncatingIfNeeded: nodeOffsets[$0]) })
    }

    /// The ids of the strings in byte order: two halves sorted in parallel, then merged (their
    /// first eight bytes, big-endian, decide most comparisons).
    private func sortedIDs() -> [Int] {
        typealias Keyed = (head: UInt64, id: Int)
        let spans = spans, arena = arena
        @Sendable func precedes(_ a: Keyed, _ b: Keyed, _ arena: UnsafeRawBufferPointer) -> Bool {
            if a.head != b.head { return a.head < b.head }
            let left = spans[a.id], right = spans[b.id]
            return ByteKey.compare(UnsafeRawBufferPointer(rebasing: arena[left.start..<left.start + left.count]),
                                   UnsafeRawBufferPointer(rebasing: arena[right.start..<right.start + right.count])) < 0
        }
        let keyed: [Keyed] = arena.withUnsafeBytes { arena in
            spans.indices.map { id in
                (Self.head(UnsafeRawBufferPointer(rebasing: arena[spans[id].start..<spans[id].start + spans[id].count])), id)
            }
        }
        let middle = keyed.count / 2
        let halves = Slots<[Keyed]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: keyed.count < 4_096 ? 1 : 2) { half in
            var part = keyed.count < 4_096 ? keyed : Array(half == 0 ? keyed[..<middle] : keyed[middle...])
            arena.withUnsafeBytes { arena in part.sort { precedes($0, $1, arena) } }
            halves.set(half, part)
        }
        let parts = halves.values
        guard parts.count == 2 else { return parts.first?.map(\.id) ?? [] }
        // Merge: strings are distinct, so the order is total and the result is the full sort's.
        return arena.withUnsafeBytes { arena in
            var merged: [Int] = []
            merged.reserveCapacity(keyed.count)
            var left = 0, right = 0
            let (first, second) = (parts[0], parts[1])
            while left < first.count, right < second.count {
                if precedes(second[right], first[left], arena) {
                    merged.append(second[right].id)
                    right += 1
                } else {
                    merged.append(first[left].id)
                    left += 1
                }
            }
            for item in first[left...] { merged.append(item.id) }
            for item in second[right...] { merged.append(item.id) }
            return merged
        }
    }

    /// The first eight bytes as a big-endian number (zero-padded): when two strings' heads
    /// differ, their order is the strings' bytewise order.
    @inline(__always)
    static func head(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var head: UInt64 = 0
        for index in 0..<8 { head = head << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
        return head
    }

    private static func isPrefix(_ prefix: UnsafeRawBufferPointer, of text: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count <= text.count else { return false }
        guard prefix.count > 0, let left = prefix.baseAddress, let right = text.baseAddress else { return true }
        return memcmp(left, right, prefix.count) == 0
    }

    /// How many leading bytes `left` and `right` share, at most `limit` (eight at a time).
    static func commonPrefix(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer, limit: Int) -> Int {
        var common = 0
        while common + 8 <= limit {
            let difference = left.loadUnaligned(fromByteOffset: common, as: UInt64.self)
                ^ right.loadUnaligned(fromByteOffset: common, as: UInt64.self)
            if difference != 0 { return common + (UInt64(littleEndian: difference).trailingZeroBitCount >> 3) }
            common += 8
        }
        while common < limit, left[common] == right[common] { common += 1 }
        return common
    }
}

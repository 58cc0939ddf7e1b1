/// A map file's entries in order, held as one byte buffer (each key, then its value) and the
/// offset where each ends. At a million codes nginx and HAProxy have some six million entries:
/// as a pair of `String`s each they took several times their bytes.
struct MapEntries {
    private var bytes: [UInt8] = []
    /// The end of each key and of each value, alternately.
    private var ends: [Int] = []

    init() {}

    init(_ entries: [(key: String, value: String)]) {
        for entry in entries { append(entry) }
    }

    var count: Int { ends.count / 2 }
    var isEmpty: Bool { ends.isEmpty }

    mutating func append(_ entry: (key: String, value: String)) {
        bytes.append(contentsOf: entry.key.utf8)
        ends.append(bytes.count)
        bytes.append(contentsOf: entry.value.utf8)
        ends.append(bytes.count)
    }

    func key(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[2 * index - 1])..<ends[2 * index]]
    }

    func value(_ index: Int) -> ArraySlice<UInt8> {
        bytes[ends[2 * index]..<ends[2 * index + 1]]
    }

    /// A map file: the `header` line, then per entry a line `open key between value close`.
    func text(header: String, open: String = "", between: String, close: String = "") -> [UInt8] {
        var text = TextOutput(reservingCapacity: bytes.count + count * (open.utf8.count + between.utf8.count + close.utf8.count + 1) + header.utf8.count + 1)
        text.line(header)
        for index in 0..<count {
            text.append(open)
            text.append(key(index))
            text.append(between)
            text.append(value(index))
            text.line(close)
        }
        return text.bytes
    }

    /// The entries whose index `keep` accepts, in order.
    func filter(_ keep: (Int) -> Bool) -> MapEntries {
        var kept = MapEntries()
        kept.bytes.reserveCapacity(bytes.count)
        kept.ends.reserveCapacity(ends.count)
        for index in 0..<count where keep(index) {
            kept.bytes.append(contentsOf: key(index))
            kept.ends.append(kept.bytes.count)
            kept.bytes.append(contentsOf: value(index))
            kept.ends.append(kept.bytes.count)
        }
        return kept
    }

    /// The entries without those whose key equals an earlier one's (ASCII letters compared
    /// without case when `ignoringCase`), and the keys of those left out.
    /// `hashOf` is for tests (a constant one makes every key collide).
    func firstOfEachKey(ignoringCase: Bool, hashOf: ((ArraySlice<UInt8>, Bool) -> UInt64)? = nil) -> (kept: MapEntries, duplicates: [String]) {
        // Keys are compared by a 64-bit hash first, and exactly when two hashes are equal.
        var firstWithHash: [UInt64: Int] = [:]
        firstWithHash.reserveCapacity(count)
        var moreWithHash: [UInt64: [Int]] = [:]
        var dropped = Set<Int>()
        var duplicates: [String] = []
        func same(_ a: Int, _ b: Int) -> Bool {
            let x = key(a), y = key(b)
            guard x.count == y.count else { return false }
            return zip(x, y).allSatisfy { ignoringCase ? Self.folded($0) == Self.folded($1) : $0 == $1 }
        }
        for index in 0..<count {
            let hash = hashOf?(key(index), ignoringCase) ?? Self.hash(key(index), ignoringCase: ignoringCase)
            guard let first = firstWithHash[hash] else {
                firstWithHash[hash] = index
                continue
            }
            let earlier = [first] + (moreWithHash[hash] ?? [])
            if earlier.contains(where: { same($0, index) }) {
                dropped.insert(index)
                duplicates.append(String(decoding: key(index), as: UTF8.self))
            } else {
                moreWithHash[hash, default: []].append(index)
            }
        }
        guard !dropped.isEmpty else { return (self, []) }
        return (filter { !dropped.contains($0) }, duplicates)
    }

    /// FNV-1a, 64 bits, of the key's bytes (ASCII letters folded when `ignoringCase`).
    private static func hash(_ key: ArraySlice<UInt8>, ignoringCase: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(ignoringCase ? folded(byte) : byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// How the writer turns a string into a pool reference. The table is encoded twice with the
/// same code: once to collect every string (`CollectingRefs`), then, once the pool is laid out,
/// to write real offsets (`ReplayingRefs`, which hands out the offsets in the order the first
/// pass met the strings).
protocol StringRefs {
    mutating func ref(_ text: String) -> UInt32
}

struct CollectingRefs: StringRefs {
    var pool = StringPoolBuilder()
    var stream: [UInt32] = []

    mutating func ref(_ text: String) -> UInt32 {
        stream.append(UInt32(truncatingIfNeeded: pool.add(text).id))
        return 0
    }
}

struct ReplayingRefs: StringRefs {
    let stream: [UInt32]
    let offsets: [UInt32]
    var position = 0

    mutating func ref(_ text: String) -> UInt32 {
        defer { position += 1 }
        return offsets[Int(stream[position])]
    }
}

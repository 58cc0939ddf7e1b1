#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `DETL` section under construction: each distinct detail block stored once, found again
/// by its bytes (an open-addressing table of offsets, at most half full, hashed with the string
/// pool's hash; faster than a `Dictionary` keyed by byte arrays, which allocates a key per code).
struct DetailDeduper {
    private(set) var section = ByteWriter()
    /// The distinct blocks, in the order they were first offered.
    private(set) var entries: [(hash: UInt64, start: Int, count: Int)] = []
    private var slots = [Int32](repeating: -1, count: 1_024)

    /// The offset of `bytes` in the section, appending them when they are new (`hash` is their
    /// `StringPoolBuilder.hash`); nil when the section would pass `limit` bytes.
    mutating func offset(of bytes: UnsafeRawBufferPointer, hash: UInt64, limit: Int) -> Int? {
        entry(of: bytes, hash: hash, limit: limit).map { entries[$0].start }
    }

    /// The number of `bytes`' entry (in `entries`), appending it when it is new; nil when the
    /// section would pass `limit` bytes.
    mutating func entry(of bytes: UnsafeRawBufferPointer, hash: UInt64, limit: Int) -> Int? {
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash, entry.count == bytes.count, equals(entry.start, bytes) { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        guard section.count <= limit else { return nil }
        let start = section.count
        section.bytes.append(contentsOf: bytes)
        entries.append((hash, start, bytes.count))
        slots[slot] = Int32(truncatingIfNeeded: entries.count - 1)
        if 2 * entries.count > slots.count {
            slots = [Int32](repeating: -1, count: 2 * slots.count)
            mask = slots.count - 1
            for (index, entry) in entries.enumerated() {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(truncatingIfNeeded: index)
            }
        }
        return entries.count - 1
    }

    /// The bytes of entry `number` (valid until the next change).
    func withBlock<Result>(_ number: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let entry = entries[number]
        return section.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[entry.start..<entry.start + entry.count])) }
    }

    private func equals(_ start: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 0, let other = bytes.baseAddress else { return true }
        return section.bytes.withUnsafeBytes { section in
            guard let base = section.baseAddress else { return false }
            return memcmp(base + start, other, bytes.count) == 0
        }
    }
}

/// Sticky weighted splits (docs/routing.md, "Splits"). The bucket of a scan is MurmurHash2
/// (32-bit, seed 0, exactly nginx's `ngx_murmur_hash2`) of `"<client>:<code id>"`. Arm `i`
/// owns `⌊wᵢ × 0xffffffff / Σw⌋` hashes after the arms before it, and the last arm with a
/// positive weight takes the rest; an arm of weight 0 is never chosen.
///
/// This is nginx's `split_clients` arithmetic (each part's boundary is added up from its own
/// rounded-down share, `last += percent × 0xffffffff / 10000`, and `*` takes the rest), so
/// when every share is a whole hundredth of a percent (`percentHundredths(weights:)` is not
/// nil) a generated `split_clients` block with those percentages and `*` for the last arm
/// picks the same arm for every key, bit for bit.
public enum SplitHash {
    /// Weights above this count as this (keeps the arithmetic in 64 bits).
    public static let maxWeight = 1 << 31

    public static func key(client: String?, codeID: String) -> String {
        (client ?? "") + ":" + codeID
    }

    /// The arm index a hash falls in (0 when there are no positive weights).
    public static func arm(for hash: UInt32, weights: [Int]) -> Int {
        guard let last = weights.lastIndex(where: { $0 > 0 }) else { return 0 }
        let bounds = boundaries(weights: weights)
        for index in 0..<last where weights[index] > 0 && UInt64(hash) < bounds[index] {
            return index
        }
        return last
    }

    /// For each arm, the first hash past it: `Σⱼ≤ᵢ ⌊wⱼ × 0xffffffff / Σw⌋` (weights below 0 count
    /// as 0, above `maxWeight` as `maxWeight`). The last positive arm also takes the hashes from
    /// its boundary up to 0xffffffff.
    public static func boundaries(weights: [Int]) -> [UInt64] {
        let clamped = weights.map { UInt64(min(max($0, 0), maxWeight)) }
        let total = clamped.reduce(0, +)
        guard total > 0 else { return clamped.map { _ in 0 } }
        var last: UInt64 = 0
        return clamped.map { weight in
            last += weight * 0xffff_ffff / total
            return last
        }
    }

    /// Each arm's share in hundredths of a percent (nginx's `split_clients` resolution), or nil
    /// when some share is not a whole hundredth (then no `split_clients` block is exact).
    public static func percentHundredths(weights: [Int]) -> [Int]? {
        let clamped = weights.map { min(max($0, 0), maxWeight) }
        let total = clamped.reduce(0, +)
        guard total > 0 else { return nil }
        var shares: [Int] = []
        for weight in clamped {
            guard (weight * 10_000) % total == 0 else { return nil }
            shares.append(weight * 10_000 / total)
        }
        return shares
    }

    /// nginx's `ngx_murmur_hash2` over the UTF-8 bytes of `text`.
    public static func murmur2(_ text: String) -> UInt32 {
        var bytes = text.utf8.makeIterator()
        var length = text.utf8.count
        let m: UInt32 = 0x5bd1_e995
        var h = UInt32(truncatingIfNeeded: length)
        while length >= 4 {
            var k = UInt32(bytes.next() ?? 0)
            k |= UInt32(bytes.next() ?? 0) << 8
            k |= UInt32(bytes.next() ?? 0) << 16
            k |= UInt32(bytes.next() ?? 0) << 24
            k &*= m
            k ^= k >> 24
            k &*= m
            h &*= m
            h ^= k
            length -= 4
        }
        if length > 0 {
            let b0 = UInt32(bytes.next() ?? 0)
            let b1 = length > 1 ? UInt32(bytes.next() ?? 0) : 0
            let b2 = length > 2 ? UInt32(bytes.next() ?? 0) : 0
            if length == 3 { h ^= b2 << 16 }
            if length >= 2 { h ^= b1 << 8 }
            h ^= b0
            h &*= m
        }
        h ^= h >> 13
        h &*= m
        h ^= h >> 15
        return h
    }
}

/// Sticky weighted splits (docs/routing.md, "Splits"). The bucket of a scan is
/// MurmurHash2 (32-bit, seed 0, exactly as nginx's `ngx_murmur_hash2`) of
/// `"<client>:<code id>"`; arm `i` takes the hashes below `0xffffffff × (w₀+…+wᵢ) / Σw`, and
/// the last arm takes the rest. With weights that are whole hundredths of a percent this is
/// nginx's `split_clients` bit for bit, so generated nginx configs can split identically.
public enum SplitHash {
    public static func key(client: String?, codeID: String) -> String {
        (client ?? "") + ":" + codeID
    }

    /// The arm index a hash falls in.
    public static func arm(for hash: UInt32, weights: [Int]) -> Int {
        let total = weights.reduce(0) { $0 + max($1, 0) }
        guard total > 0, weights.count > 1 else { return 0 }
        var cumulative = 0
        for (index, weight) in weights.enumerated().dropLast() {
            cumulative += max(weight, 0)
            if UInt64(hash) < boundary(cumulative: cumulative, total: total) { return index }
        }
        return weights.count - 1
    }

    /// The first hash past arm boundary `cumulative / total`.
    public static func boundary(cumulative: Int, total: Int) -> UInt64 {
        UInt64(0xffff_ffff) * UInt64(cumulative) / UInt64(total)
    }

    /// nginx's `ngx_murmur_hash2`.
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

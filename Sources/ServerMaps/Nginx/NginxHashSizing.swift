/// `map_hash_max_size` and `map_hash_bucket_size` for a set of `map` blocks, worked out the way
/// nginx's `ngx_hash_init` (src/core/ngx_hash.c) searches for a hash size, so that nginx builds
/// every map's hash on its first try and never logs "could not build optimal map_hash".
///
/// nginx, per map: each key takes `8 + align8(len + 2)` bytes in a bucket (a pointer and the
/// lower-cased key with its length), a bucket holds `bucket_size - 8` bytes of them, a key goes
/// to bucket `hash % size` where `hash` folds the lower-cased key as `h * 31 + byte` (64-bit).
/// nginx tries sizes `start, start+1, ... max_size` and takes the first where no bucket
/// overflows, where `start = n / ((bucket_size - 8) / 16)`, or `max_size - 1000` when
/// `max_size > 10000` and `max_size / n < 100`; past `max_size` it warns and builds a slow
/// hash. Both settings apply to every map of the `http` block, and `bucket_size` is rounded up
/// to the CPU's cache line (64 bytes on x86-64 and most ARM).
public struct NginxHashSizing: Sendable, Hashable {
    public var maxSize: Int
    public var bucketSize: Int

    /// The keys of one map: lower-cased byte length and nginx's hash of each.
    public struct Keys: Sendable {
        var hashes: [UInt64] = []
        var elementSizes: [Int] = []

        public init() {}

        public mutating func add(_ key: String) {
            add(key.utf8)
        }

        /// A key's UTF-8 bytes.
        public mutating func add<Bytes: Sequence<UInt8>>(_ key: Bytes) {
            var hash: UInt64 = 0
            var length = 0
            for byte in key {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                hash = hash &* 31 &+ UInt64(lower)
                length += 1
            }
            hashes.append(hash)
            elementSizes.append(NginxHashSizing.elementSize(keyLength: length))
        }

        public var count: Int { hashes.count }
        var largestElement: Int { elementSizes.max() ?? 0 }
        var totalBytes: Int { elementSizes.reduce(0, +) }
    }

    static let pointer = 8
    static let cacheLine = 64
    /// nginx refuses larger buckets (`map_hash_bucket_size` is stored in 16 bits).
    static let largestBucket = 65536 - 64

    /// `NGX_HASH_ELT_SIZE`: a value pointer, a 2-byte length and the key, aligned to 8.
    static func elementSize(keyLength: Int) -> Int {
        pointer + align(keyLength + 2, pointer)
    }

    static func align(_ value: Int, _ boundary: Int) -> Int {
        (value + boundary - 1) / boundary * boundary
    }

    /// The settings for these maps. nginx finds a key by hashing to a bucket and comparing the
    /// bucket's keys one by one, so buckets should be small: the smallest bucket size (a cache
    /// line, then doubling) for which some table of at most four buckets per key fits every
    /// key, with the smallest such table found (trying sizes from dense to sparse). nil when a
    /// key is too long for any bucket nginx accepts.
    public static func compute(_ maps: [Keys]) -> NginxHashSizing? {
        let largest = maps.map(\.largestElement).max() ?? 0
        var bucket = max(cacheLine, align(largest + pointer, cacheLine))
        guard bucket <= largestBucket else { return nil }
        let biggest = maps.max { $0.count < $1.count } ?? Keys()
        let cap = 4 * biggest.count + 1000
        while bucket <= largestBucket {
            if let size = smallestSize(for: biggest, bucket: bucket, all: maps, cap: cap) {
                return settings(firstTry: size, keys: maps, bucket: bucket)
            }
            bucket = bucket * 2 > largestBucket && bucket < largestBucket ? largestBucket : bucket * 2
        }
        return nil
    }

    /// `max_size` such that nginx's search for the largest map starts exactly at `size` (which
    /// works), and every other map finds a size by `max_size`.
    static func settings(firstTry size: Int, keys maps: [Keys], bucket: Int) -> NginxHashSizing {
        // With max_size > 10000 and max_size / n < 100, nginx starts at max_size - 1000.
        var maxSize = size + 1000
        if maxSize <= 10000 { maxSize = max(size, 1) }
        while !maps.allSatisfy({ nginxSize(for: $0, maxSize: maxSize, bucket: bucket) != nil }) {
            maxSize += 1000
        }
        return NginxHashSizing(maxSize: maxSize, bucketSize: bucket)
    }

    /// A size at which every key of `keys` (and of every map in `all`) fits, trying load
    /// factors from what the bucket could hold down to a sparse table.
    static func smallestSize(for keys: Keys, bucket: Int, all maps: [Keys], cap: Int) -> Int? {
        guard keys.count > 0 else { return 1 }
        let usable = bucket - pointer
        var size = max(1, (keys.totalBytes + usable - 1) / usable)
        while size <= cap {
            if fits(keys, size: size, bucket: bucket), maps.allSatisfy({ fits($0, size: size, bucket: bucket) }) {
                return size
            }
            size = max(size + 1, size + size / 16)
        }
        return nil
    }

    /// Whether no bucket overflows at this size (`ngx_hash_init`'s inner loop).
    static func fits(_ keys: Keys, size: Int, bucket: Int) -> Bool {
        guard keys.count > 0 else { return true }
        let usable = bucket - pointer
        var used = [Int32](repeating: 0, count: size)
        let divisor = UInt64(size)
        return keys.hashes.withUnsafeBufferPointer { hashes in
            keys.elementSizes.withUnsafeBufferPointer { sizes in
                used.withUnsafeMutableBufferPointer { used in
                    for index in 0..<hashes.count {
                        let slot = Int(hashes[index] % divisor)
                        let total = Int(used[slot]) + sizes[index]
                        if total > usable { return false }
                        used[slot] = Int32(total)
                    }
                    return true
                }
            }
        }
    }

    /// The size nginx would pick for `keys` with these settings, or nil when it would warn.
    public static func nginxSize(for keys: Keys, maxSize: Int, bucket: Int) -> Int? {
        guard keys.count > 0 else { return 1 }
        let usable = bucket - pointer
        var start = keys.count / (usable / (2 * pointer))
        if start == 0 { start = 1 }
        if maxSize > 10000, maxSize / keys.count < 100 { start = maxSize - 1000 }
        guard start <= maxSize else { return nil }
        for size in start...maxSize where fits(keys, size: size, bucket: bucket) { return size }
        return nil
    }
}

/// The checksum of a cache record: XXH64, the 64-bit hash of the xxHash family
/// (Yann Collet's specification, `doc/xxhash_spec.md` in the xxHash repository), written here.
///
/// It guards against damage (a torn write, a flipped bit, a file cut short), not against
/// forgery: anyone who can write the cache folder could forge an unkeyed SHA-256 just as well,
/// and the records' keys, which are what a build trusts to find its inputs, stay SHA-256
/// digests of the files' content. It replaced a SHA-256 of each record, which took 0.09 s of
/// CPU per build at 100,000 codes (80 MB of records); this takes about a fifth of that (0.017 s, `perf`).
enum RecordChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of the bytes with `seed`.
    static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var index = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while index + 32 <= count {
                v1 = round(v1, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                v2 = round(v2, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self).littleEndian)
                v3 = round(v3, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self).littleEndian)
                v4 = round(v4, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self).littleEndian)
                index += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while index + 8 <= count {
            hash ^= round(0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            hash = rotate(hash, 27) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= count {
            hash ^= UInt64(bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            index += 4
        }
        while index < count {
            hash ^= UInt64(bytes[index]) &* prime5
            hash = rotate(hash, 11) &* prime1
            index += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    /// A record's checksum: XXH64 of its bytes, seeded with XXH64 of its 32-byte key (so that a
    /// damaged key is caught too, and the record is not copied to be checked).
    static func of(key: SHA256.Digest, _ record: ArraySlice<UInt8>) -> UInt64 {
        let seed = key.bytes.withUnsafeBytes { xxh64($0) }
        return record.withUnsafeBytes { xxh64($0, seed: seed) }
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ accumulator: UInt64) -> UInt64 {
        (hash ^ round(0, accumulator)) &* prime1 &+ prime4
    }
}

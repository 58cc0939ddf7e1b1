import Testing
@testable import Workspace

/// `RecordChecksum.xxh64` against values from the reference implementation (Debian's
/// libxxhash 0.8.1, `XXH64(data, length, seed)`), covering every path: short inputs (the byte,
/// four-byte and eight-byte tails), inputs of 32 bytes and more (the four lanes), and seeds.
struct RecordChecksumTests {
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var seed: UInt64
        var expected: UInt64
        var description: String { "\(name), seed \(seed)" }
    }

    static let vectors: [Vector] = [
        Vector(name: "empty", bytes: [], seed: 0, expected: 0xEF46_DB37_51D8_E999),
        Vector(name: "a", bytes: Array("a".utf8), seed: 0, expected: 0xD24E_C4F1_A98C_6E5B),
        Vector(name: "abc", bytes: Array("abc".utf8), seed: 0, expected: 0x44BC_2CF5_AD77_0999),
        Vector(name: "abcd", bytes: Array("abcd".utf8), seed: 1, expected: 0xF5DC_BD6D_EE3C_9553),
        Vector(name: "39 bytes of text", bytes: Array("Nobody inspects the spammish repetition".utf8), seed: 0,
               expected: 0xFBCE_A83C_8A37_8BF1),
        Vector(name: "bytes 0..<37", bytes: (0..<37).map { UInt8($0) }, seed: 7, expected: 0x69E0_C889_396A_FAF7),
        Vector(name: "bytes 0..<100", bytes: (0..<100).map { UInt8($0) }, seed: 0x0123_4567_89AB_CDEF,
               expected: 0x40E8_F4EC_2207_F62C),
        Vector(name: "bytes 0..<256 four times", bytes: Array(repeating: (0..<256).map { UInt8($0) }, count: 4).flatMap { $0 }, seed: 0,
               expected: 0x6F39_14F1_8FE4_DF57),
    ]

    @Test(arguments: vectors)
    func matchesTheReference(_ vector: Vector) {
        #expect(vector.bytes.withUnsafeBytes { RecordChecksum.xxh64($0, seed: vector.seed) } == vector.expected)
    }

    /// Any one flipped bit, in the key or in the record, changes a record's checksum.
    @Test(arguments: [0, 1, 31, 32, 33, 200])
    func everyFlippedBitIsCaught(recordLength: Int) {
        let key = SHA256.hash("a file's content")
        let record = (0..<recordLength).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let checksum = RecordChecksum.of(key: key, record[...])
        for byte in 0..<record.count {
            for bit in 0..<8 {
                var damaged = record
                damaged[byte] ^= 1 << bit
                #expect(RecordChecksum.of(key: key, damaged[...]) != checksum)
            }
        }
        for byte in 0..<32 {
            var damagedKey = key.bytes
            damagedKey[byte] ^= 0x10
            #expect(RecordChecksum.of(key: SHA256.Digest(bytes: damagedKey), record[...]) != checksum)
        }
    }
}

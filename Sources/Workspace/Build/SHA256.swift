import CSHA256

/// SHA-256 (FIPS 180-4), for the build manifest, the input digest and the cache keys.
///
/// Our own ~100 lines instead of a package dependency: Foundation on Linux has no CryptoKit.
/// Feed bytes with `update`, then read `finalize()`; `SHA256.hash(_:)` does both at once.
/// Whole blocks go through the CPU's SHA extensions where it has them (`CSHA256`, about ten
/// times faster: every build hashes every input file), else through the portable code here.
public struct SHA256: Sendable {
    /// Whether this CPU has the SHA extensions (read once).
    static let hardwareAvailable = qrops_sha256_hardware() == 1

    public static let digestByteCount = 32

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of an incomplete block, waiting for more input (inline: copying a hasher, as the
    /// cache keys do for every file, allocates nothing).
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalBytes: UInt64 = 0
    /// False forces the portable code (the tests compare both).
    private let usesHardware: Bool

    public init() {
        usesHardware = Self.hardwareAvailable
    }

    /// A hasher that never uses the SHA extensions.
    static func portable() -> SHA256 {
        SHA256(usesHardware: false)
    }

    private init(usesHardware: Bool) {
        self.usesHardware = usesHardware
    }

    public static func hash(_ bytes: [UInt8]) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> Digest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    public static func hash(_ text: String) -> Digest {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finalize()
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        totalBytes &+= UInt64(buffer.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, buffer.count)
            let start = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                guard let source = buffer.baseAddress, let target = block.baseAddress else { return }
                (target + start).copyMemory(from: source, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 64 else { return }
            let block = pending
            withUnsafeBytes(of: block) { compress(blocks: $0, at: 0, count: 1) }
            pendingCount = 0
        }
        let blocks = (buffer.count - offset) / 64
        if blocks > 0 {
            compress(blocks: buffer, at: offset, count: blocks)
            offset += blocks * 64
        }
        let rest = buffer.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                guard let source = buffer.baseAddress, let target = block.baseAddress else { return }
                target.copyMemory(from: source + offset, byteCount: rest)
            }
            pendingCount = rest
        }
    }

    /// The digest of everything fed so far (the hasher itself is left as it was).
    public func finalize() -> Digest {
        var copy = self
        let bitLength = totalBytes &* 8
        // 0x80, zeros up to 56 mod 64, the length in bits: at most 72 bytes, on the stack.
        let count = 1 + ((55 &- pendingCount) & 63) + 8
        withUnsafeTemporaryAllocation(byteCount: 72, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            tail[0] = 0x80
            for index in 0..<8 { tail[count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index)) }
            copy.absorbPadding(UnsafeRawBufferPointer(rebasing: tail[0..<count]))
        }
        let state = copy.state
        func pair(_ high: UInt32, _ low: UInt32) -> UInt64 { UInt64(high) << 32 | UInt64(low) }
        return Digest(words: (pair(state.0, state.1), pair(state.2, state.3), pair(state.4, state.5), pair(state.6, state.7)))
    }

    /// Feeds the padding without counting it in the message length.
    private mutating func absorbPadding(_ buffer: UnsafeRawBufferPointer) {
        let length = totalBytes
        update(buffer)
        totalBytes = length
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// `count` consecutive 64-byte blocks from `offset`.
    private mutating func compress(blocks buffer: UnsafeRawBufferPointer, at offset: Int, count: Int) {
        if usesHardware, let base = buffer.baseAddress {
            let data = (base + offset).assumingMemoryBound(to: UInt8.self)
            withUnsafeMutableBytes(of: &state) { words in
                guard let state = words.baseAddress?.assumingMemoryBound(to: UInt32.self) else { return }
                qrops_sha256_blocks(state, data, count)
            }
            return
        }
        for index in 0..<count { compress(block: buffer, at: offset + 64 * index) }
    }

    /// One 64-byte block (FIPS 180-4, 6.2.2).
    private mutating func compress(block: UnsafeRawBufferPointer, at offset: Int) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: offset + t * 4, as: UInt32.self))
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] &>> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] &>> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            SHA256.k.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let choose = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choose &+ k[t] &+ w[t]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }

    /// A 32-byte SHA-256 digest, held in four words (no heap allocation).
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        /// The digest's bytes as four big-endian words.
        let words: (UInt64, UInt64, UInt64, UInt64)

        init(words: (UInt64, UInt64, UInt64, UInt64)) {
            self.words = words
        }

        public init(bytes: [UInt8]) {
            func word(_ index: Int) -> UInt64 {
                var value: UInt64 = 0
                for offset in 0..<8 where index * 8 + offset < bytes.count {
                    value |= UInt64(bytes[index * 8 + offset]) << UInt64(56 - 8 * offset)
                }
                return value
            }
            words = (word(0), word(1), word(2), word(3))
        }

        /// Parses the 64 lower-case hex digits at `digits` (as `hex` and the manifest write them);
        /// nil when one is anything else.
        init?(lowercaseHex digits: UnsafePointer<UInt8>) {
            var invalid: UInt8 = 0
            let w0 = Self.word(digits, &invalid), w1 = Self.word(digits + 16, &invalid)
            let w2 = Self.word(digits + 32, &invalid), w3 = Self.word(digits + 48, &invalid)
            guard invalid == 0 else { return nil }
            words = (w0, w1, w2, w3)
        }

        /// 16 hex digits as a word; sets a bit of `invalid` for a byte that is not one.
        @inline(__always)
        private static func word(_ digits: UnsafePointer<UInt8>, _ invalid: inout UInt8) -> UInt64 {
            var value: UInt64 = 0
            for offset in 0..<16 {
                let byte = digits[offset]
                let digit = byte &- 0x30, letter = byte &- 0x61
                let isDigit = digit < 10
                invalid |= (isDigit || letter < 6) ? 0 : 1
                value = value &<< 4 | UInt64((isDigit ? digit : letter &+ 10) & 0x0F)
            }
            return value
        }

        public var bytes: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(32)
            for word in [words.0, words.1, words.2, words.3] {
                for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
            }
            return bytes
        }

        public static func == (lhs: Digest, rhs: Digest) -> Bool {
            lhs.words == rhs.words
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
        }

        /// Bytewise order (the order of the hex strings).
        public static func < (lhs: Digest, rhs: Digest) -> Bool {
            (lhs.words.0, lhs.words.1, lhs.words.2, lhs.words.3) < (rhs.words.0, rhs.words.1, rhs.words.2, rhs.words.3)
        }

        /// Parses 64 lower- or upper-case hex digits.
        public init?(hex: some StringProtocol) {
            let utf8 = Array(hex.utf8)
            guard utf8.count == 64 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(32)
            for index in stride(from: 0, to: 64, by: 2) {
                guard let high = Digest.nibble(utf8[index]), let low = Digest.nibble(utf8[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
            }
            self.init(bytes: bytes)
        }

        /// 64 lower-case hex digits, as `sha256sum` prints them.
        public var hex: String {
            var text: [UInt8] = []
            text.reserveCapacity(64)
            appendHex(to: &text)
            return String(decoding: text, as: UTF8.self)
        }

        /// Appends the 64 lower-case hex digits.
        func appendHex(to text: inout [UInt8]) {
            var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                func put(_ word: UInt64, at start: Int) {
                    for position in 0..<16 {
                        let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * position)) & 0x0F
                        buffer[start + position] = nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
                    }
                }
                put(words.0, at: 0)
                put(words.1, at: 16)
                put(words.2, at: 32)
                put(words.3, at: 48)
                text.append(contentsOf: buffer)
            }
        }

        public var description: String { hex }

        private static func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
    }
}

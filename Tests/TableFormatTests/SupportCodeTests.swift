import Testing
@testable import TableFormat

@Suite struct SupportCodeTests {
    @Test func crc32cCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        // RFC 3720 B.4: 32 bytes of zeros, of 0xFF, and ascending.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
    }

    @Test func fnv1a() {
        // The FNV-1a 64 test vectors: "" and "a"; the key hash is FNV-1a of host, 0x00, slug key.
        #expect(KeyHash.offsetBasis == 0xCBF2_9CE4_8422_2325)
        var a = KeyHash.offsetBasis
        a = (a ^ 0x61) &* KeyHash.prime
        #expect(a == 0xAF63_DC4C_8601_EC8C)
        #expect(KeyHash.hash(host: "", slugKey: "") == (KeyHash.offsetBasis ^ 0) &* KeyHash.prime)
        let key = Array("qr.acme.example\u{0}cx1".utf8)
        let expected = key.reduce(KeyHash.offsetBasis) { ($0 ^ UInt64($1)) &* KeyHash.prime }
        #expect(KeyHash.hash(host: "qr.acme.example", slugKey: "cx1") == expected)
    }

    /// The string pool's word-at-a-time helpers agree with byte-by-byte definitions: the
    /// common prefix of two strings differing at every position up to 40 (and equal ones), and
    /// the big-endian head whose order is the strings' order whenever heads differ.
    @Test(arguments: Array(0...40))
    func stringPoolHelpers(_ differAt: Int) {
        let left = Array("https://www.acme.example/eu/retail/coffee-x1/setup".utf8)
        var right = left
        if differAt < right.count { right[differAt] ^= 0x20 }
        for limit in [0, 3, 8, 9, 16, 17, left.count] {
            let naive = zip(left, right).prefix(limit).prefix { $0 == $1 }.count
            let fast = left.withUnsafeBytes { l in right.withUnsafeBytes { r in StringPoolBuilder.commonPrefix(l, r, limit: limit) } }
            #expect(fast == naive, "limit \(limit)")
        }
        let shorter = Array(left.prefix(differAt % 12)), other = Array(right.prefix(differAt % 10 + 1))
        let heads = shorter.withUnsafeBytes { a in other.withUnsafeBytes { b in (StringPoolBuilder.head(a), StringPoolBuilder.head(b)) } }
        if heads.0 != heads.1 {
            #expect((heads.0 < heads.1) == shorter.lexicographicallyPrecedes(other))
        }
    }

    /// The writer's first pass gathers strings in parallel chunks: whatever the chunk size,
    /// the ids, the use stream and the slugs' ids are those of one chunk (a sequential pass).
    @Test(arguments: [1, 7, 64, 250])
    func gatheringInChunksNumbersStringsAsOnePass(_ chunkSize: Int) throws {
        let codes = CanonicalTable.canonical(SampleTables.random(seed: 42, codes: 600)).codes
        var sequential = CollectingRefs(), chunked = CollectingRefs()
        let whole = try StringGathering.collect(codes, into: &sequential, chunkSize: Int.max)
        let gathered = try StringGathering.collect(codes, into: &chunked, chunkSize: chunkSize)
        #expect(gathered.codeStarts == whole.codeStarts && gathered.codeStarts.count == codes.count)
        #expect(chunked.stream == sequential.stream && chunked.pool.stringCount == sequential.pool.stringCount)
        #expect(sequential.stream.count > 3 * codes.count)
        // Each code's uses start with its slug, and the slugs' ids are a sequential pass's.
        let slugs = whole.codeStarts.map { sequential.stream[Int($0)] }
        for (index, code) in codes.enumerated() {
            #expect(sequential.pool.add(code.slug).id == Int(slugs[index]))
        }
    }

    /// The writer's second pass encodes codes in parallel chunks, each storing its own detail
    /// blocks once before they join the section: whatever the chunk size, the file's bytes are
    /// one chunk's (a sequential pass). Every third code gets the detail block of the first
    /// (a detail block holds no slug and no id), so blocks repeat within and across chunks.
    @Test(arguments: [1, 7, 64, 250])
    func writingInChunksGivesOnePassBytes(_ chunkSize: Int) throws {
        var table = SampleTables.random(seed: 7, codes: 600)
        let model = table.codes[0]
        for index in stride(from: 3, to: table.codes.count, by: 3) {
            table.codes[index].status = model.status
            table.codes[index].launch = model.launch
            table.codes[index].retire = model.retire
            table.codes[index].utm = model.utm
            table.codes[index].routes = model.routes
        }
        let sequential = try QRTWriter.write(table, chunkSize: Int.max)
        #expect(try QRTWriter.write(table, chunkSize: chunkSize) == sequential)
        #expect(try QRTReader(bytes: sequential).table() == CanonicalTable.canonical(table))
    }

    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, Int(UInt32.max), Int.max])
    func varints(value: Int) throws {
        var writer = ByteWriter()
        writer.varint(UInt64(value))
        writer.signed(Int64(value))
        writer.signed(-Int64(value) - 1)
        let bytes = writer.bytes
        try bytes.withUnsafeBytes { buffer in
            let raw = RawBytes(base: try #require(buffer.baseAddress), count: buffer.count)
            var cursor = Cursor(raw, from: 0, to: buffer.count, place: "test")
            #expect(try cursor.varint() == UInt64(value))
            #expect(try cursor.signed() == Int64(value))
            #expect(try cursor.signed() == -Int64(value) - 1)
            #expect(cursor.isAtEnd)
        }
    }

    @Test func nonMinimalVarintsAreRejected() throws {
        let bytes: [UInt8] = [0x80, 0x00]
        try bytes.withUnsafeBytes { buffer in
            var cursor = Cursor(RawBytes(base: try #require(buffer.baseAddress), count: 2), from: 0, to: 2, place: "test")
            #expect(throws: QRTError.malformed("test at byte 0: a number is not in its shortest form")) { try cursor.varint() }
        }
    }

    @Test func utf8Check() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Check.isValid($0) } }
        #expect(valid(Array("ascii é 日本 🎉".utf8)))
        #expect(!valid([0xC3]))
        #expect(!valid([0xC0, 0x80]))  // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))  // above U+10FFFF
        #expect(!valid([0x80]))
        #expect(!valid([0xE2, 0x28, 0xA1]))
    }
}

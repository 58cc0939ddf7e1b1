import Foundation
import Routing
import TableFormat
import Testing
import TestSupport
@testable import Workspace

/// The `.qrt` writer's memo on disk (`TableWriterMemoFile`): it reads back as written, and a
/// damaged, short, long or foreign file is no memo, never a trap.
@Suite struct TableWriterMemoFileTests {
    /// The memo of a small table of three parts.
    static func memo() throws -> WriterMemo {
        let codes = (0..<12).map { number in
            TableCode(id: "C-\(number)", domain: "qr.acme.example", slug: String(format: "s%02d", number), state: .active,
                      target: "https://www.acme.example/eu/retail/product-\(number % 5)/setup",
                      utm: number % 3 == 0 ? [QueryParameter(name: "utm_source", value: "qr")] : [])
        }
        let table = RedirectTable(domains: [TableDomain(host: "qr.acme.example")], codes: codes)
        let parts = WriterMemo.Parts(keys: (0..<3).map { Optional(WriterMemo.PartKey(Array(repeating: UInt8($0 + 1), count: 32))) },
                                     sources: codes.indices.map { (Int32($0 % 3), Int32($0 / 3)) })
        return try #require(try QRTWriter.write(table, parts: parts, memo: nil).memo)
    }

    @Test func readsBackAsWritten() throws {
        let memo = try Self.memo()
        let bytes = TableWriterMemoFile.bytes(memo)
        #expect(TableWriterMemoFile.parse(bytes) == memo)
        #expect(TableWriterMemoFile.bytes(memo) == bytes)
        #expect(memo.parts.count == 3)
    }

    /// Every truncation, one byte more, every bit flipped in the header and a sample of the
    /// body's bytes, and a wrong magic: refused.
    @Test func damageIsRefused() throws {
        let bytes = TableWriterMemoFile.bytes(try Self.memo())
        for length in 0..<bytes.count {
            #expect(TableWriterMemoFile.parse(Array(bytes[..<length])) == nil, "cut at \(length)")
        }
        #expect(TableWriterMemoFile.parse(bytes + [0]) == nil)
        for offset in Array(0..<16) + Array(stride(from: 16, to: bytes.count, by: 7)) {
            for bit in [0, 3, 7] {
                var damaged = bytes
                damaged[offset] ^= UInt8(1 << bit)
                #expect(TableWriterMemoFile.parse(damaged) == nil, "bit \(bit) of byte \(offset)")
            }
        }
    }

    /// A body whose checksum is right but whose fields do not hold together, or of another
    /// version: refused too.
    @Test func aBodyThatDoesNotHoldTogetherIsRefused() throws {
        let memo = try Self.memo()
        // The file's layout, with the memo's fields but `ends`, and no parts.
        func file(ends: [UInt32], version: UInt64 = TableWriterMemoFile.version) -> [UInt8] {
            var writer = RecordWriter()
            writer.varint(version)
            writer.rawBytes(memo.arena[...])
            for words in [ends, memo.sorted, memo.stream, memo.codeStarts] { writer.rawBytes(words.withUnsafeBytes { ArraySlice($0) }) }
            writer.count(0)
            let body = writer.finish()
            var bytes = TableWriterMemoFile.magic
            withUnsafeBytes(of: body.withUnsafeBytes { RecordChecksum.xxh64($0) }.littleEndian) { bytes += $0 }
            return bytes + body
        }
        #expect(TableWriterMemoFile.parse(file(ends: memo.ends))?.parts.isEmpty == true)
        var ends = memo.ends
        ends[0] = 0x7FFF_FFFF
        #expect(TableWriterMemoFile.parse(file(ends: ends)) == nil)
        #expect(TableWriterMemoFile.parse(file(ends: Array(memo.ends.dropLast()))) == nil)
        #expect(TableWriterMemoFile.parse(file(ends: memo.ends, version: TableWriterMemoFile.version + 1)) == nil)
    }

    @Test func savedAndReadFromAFolder() throws {
        let folder = try TemporaryFolder("memo")
        defer { folder.remove() }
        #expect(TableWriterMemoFile.read(in: folder.path + "/cache") == nil)
        let memo = try Self.memo()
        TableWriterMemoFile.save(memo, in: folder.path + "/cache")
        #expect(TableWriterMemoFile.read(in: folder.path + "/cache") == memo)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/cache") == [TableWriterMemoFile.fileName])
    }
}

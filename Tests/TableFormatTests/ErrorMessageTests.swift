import Routing
import Testing
@testable import TableFormat

/// The messages a user sees for the common ways a table goes bad.
@Suite struct ErrorMessageTests {
    static let bytes: [UInt8] = (try? QRTWriter.write(SampleTables.everything)) ?? []

    static func message(_ bytes: [UInt8], _ verification: QRTVerification = .full) -> String {
        do {
            _ = try QRTReader(bytes: bytes, verification: verification)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func empty() {
        #expect(Self.message([]) == "truncated: a table starts with a 32-byte header, file has 0 bytes")
    }

    @Test func notATable() {
        #expect(Self.message(Array("{\"format\": \"qrops-redirect-table\", \"version\": 1}".utf8))
            == "bad magic: not a qrops redirect table (found 7b 22 66 6f 72 6d 61 74, expected 89 51 52 54 0d 0a 1a 0a)")
    }

    @Test func futureVersion() {
        var bytes = Self.bytes
        bytes[8] = 3
        #expect(Self.message(bytes) == "unsupported version 3 (this qrops reads 1)")
    }

    @Test func truncated() {
        #expect(Self.message(Array(Self.bytes.prefix(500))) == "truncated: header says \(Self.bytes.count) bytes, file has 500")
        #expect(Self.message(Array(Self.bytes.prefix(40))) == "truncated: header says \(Self.bytes.count) bytes, file has 40")
    }

    @Test func damagedHeader() {
        var bytes = Self.bytes
        bytes[20] ^= 0x01  // the file size field
        #expect(Self.message(bytes).hasPrefix("checksum mismatch in the header (stored 0x"))
    }

    @Test func damagedSection() {
        var bytes = Self.bytes
        bytes[bytes.count - 3] ^= 0x40  // in the string pool, the last section
        #expect(Self.message(bytes).hasPrefix("checksum mismatch in section STRS (stored 0x"))
        // A header-only open does not read the pool; verify() does.
        let reader = try? QRTReader(bytes: bytes, verification: .header)
        #expect(reader != nil)
        #expect(throws: QRTError.self) { try reader?.verify() }
    }

    @Test func badStringReferenceBehindValidChecksums() throws {
        let reader = try QRTReader(bytes: Self.bytes)
        var bytes = Self.bytes
        let record = reader.header.range(.codes).lowerBound + 3 * QRTLayout.codeRecordSize
        CorruptionTests.store(0x00FF_FFFF, in: &bytes, at: record)  // code entry 3's slug
        let pool = reader.header.range(.strings).count
        #expect(Self.message(CorruptionTests.resealed(bytes))
            == "string offset 16777215 out of range in the slug of code entry 3")
        // Under header verification the lookup of that entry reports it.
        let lazy = try QRTReader(bytes: CorruptionTests.resealed(bytes), verification: .header)
        #expect(throws: QRTError.malformed("string offset 16777215 out of range in slug of code entry 3 (section STRS has \(pool) bytes)")) {
            try lazy.code(at: 3)
        }
        #expect(throws: QRTError.self) { try lazy.table() }
    }

    @Test func codesOutOfOrder() throws {
        let reader = try QRTReader(bytes: Self.bytes)
        var bytes = Self.bytes
        let codes = reader.header.range(.codes).lowerBound
        let size = QRTLayout.codeRecordSize
        let first = Array(bytes[codes..<codes + size])
        bytes[codes..<codes + size] = bytes[codes + size..<codes + 2 * size]
        bytes[codes + size..<codes + 2 * size] = first[...]
        #expect(Self.message(CorruptionTests.resealed(bytes)) == "code entry 1 is out of order or repeats a slug of its domain")
    }
}

import Routing
import TestSupport
import Testing
@testable import TableFormat

/// Damaged tables are rejected with a `QRTError`, never a trap: truncated at every length,
/// bytes and bits flipped, and (with checksums recomputed, as a malicious writer would)
/// structures broken behind the checksum's back.
@Suite struct CorruptionTests {
    static let small: [UInt8] = (try? QRTWriter.write(SampleTables.everything)) ?? []
    static let bigger: [UInt8] = (try? QRTWriter.write(SampleTables.random(seed: 777, codes: 600))) ?? []
    static let medium: [UInt8] = (try? QRTWriter.write(SampleTables.random(seed: 778, codes: 120))) ?? []

    /// Opens `bytes`; returns the error, or nil when the table was accepted.
    static func rejection(_ bytes: [UInt8], _ verification: QRTVerification = .full) -> QRTError? {
        do {
            _ = try QRTReader(bytes: bytes, verification: verification)
            return nil
        } catch {
            return error
        }
    }

    /// With `.header` verification a damaged table may open; then every lookup, `table()` and
    /// `verify()` must still return normally or throw a `QRTError`.
    static func exercise(_ bytes: [UInt8], slugs: [(String, String)]) -> Bool {
        guard let reader = try? QRTReader(bytes: bytes, verification: .header) else { return true }
        for (host, slug) in slugs {
            if let domain = reader.domain(host: host) {
                _ = reader.code(domain: domain, slugKey: domain.slugKey(slug))
                _ = try? reader.lookup(domain: domain, slugKey: domain.slugKey(slug))
                _ = Router.resolve(ScanRequest(host: host, path: "/" + slug, query: "mode=technician", at: 1_800_000_000), in: reader)
            }
        }
        _ = try? reader.table()
        return (try? reader.verify()) == nil
    }

    static let smallSlugs = SampleTables.everything.codes.map { ($0.domain, $0.slug) }

    @Test func truncatedAtEveryLength() {
        #expect(!Self.small.isEmpty)
        for length in 0..<Self.small.count {
            let prefix = Array(Self.small[..<length])
            for verification in [QRTVerification.full, .header] {
                guard let error = Self.rejection(prefix, verification) else {
                    Issue.record("a table truncated to \(length) of \(Self.small.count) bytes was accepted")
                    return
                }
                if length >= QRTLayout.headerSize + QRTLayout.directorySize {
                    #expect(error == .truncated(expected: Self.small.count, actual: length))
                }
            }
        }
    }

    @Test func truncatedAtRandomLengths() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<300 {
            let length = Int.random(in: 0..<Self.bigger.count, using: &random)
            #expect(Self.rejection(Array(Self.bigger[..<length])) != nil, "length \(length)")
            #expect(Self.rejection(Array(Self.bigger[..<length]), .header) != nil, "length \(length)")
        }
    }

    @Test func trailingBytesAreRejected() {
        #expect(Self.rejection(Self.small + [0]) == .trailingBytes(expected: Self.small.count, actual: Self.small.count + 1))
    }

    @Test func everyByteChangedIsRejected() {
        var random = SplitMix64(seed: 2)
        for offset in Self.small.indices {
            var bytes = Self.small
            bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
            guard Self.rejection(bytes) != nil else {
                Issue.record("changing byte \(offset) went unnoticed")
                return
            }
            #expect(Self.exercise(bytes, slugs: Self.smallSlugs), "byte \(offset): verify() accepted a damaged table")
        }
    }

    @Test func everyBitFlipIsRejected() {
        for offset in Self.small.indices {
            for bit in 0..<8 {
                var bytes = Self.small
                bytes[offset] ^= 1 << UInt8(bit)
                guard Self.rejection(bytes) != nil else {
                    Issue.record("flipping bit \(bit) of byte \(offset) went unnoticed")
                    return
                }
            }
        }
    }

    @Test func randomDamageToALargerTable() {
        var random = SplitMix64(seed: 3)
        let table = SampleTables.random(seed: 777, codes: 600)
        let slugs = table.codes.prefix(50).map { ($0.domain, $0.slug) }
        for trial in 0..<2_000 {
            var bytes = Self.bigger
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let offset = Int.random(in: 0..<bytes.count, using: &random)
                bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
            }
            #expect(Self.rejection(bytes) != nil, "trial \(trial)")
            if trial % 10 == 0 { #expect(Self.exercise(bytes, slugs: slugs), "trial \(trial)") }
        }
    }

    /// Recomputes every checksum, as someone crafting a bad file would.
    static func resealed(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        guard bytes.count >= QRTLayout.firstSectionOffset else { return bytes }
        for section in QRTLayout.sections {
            let entry = QRTLayout.headerSize + section.rawValue * QRTLayout.directoryEntrySize
            let offset = Int(littleEndian(bytes, entry + 4)), length = Int(littleEndian(bytes, entry + 8))
            guard offset + length <= bytes.count else { continue }
            store(CRC32C.checksum(Array(bytes[offset..<offset + length])), in: &bytes, at: entry + 12)
        }
        let checksum = QRTWriter.headerChecksum(Array(bytes[0..<32]), Array(bytes[32..<QRTLayout.headerSize + QRTLayout.directorySize]))
        store(checksum, in: &bytes, at: 28)
        return bytes
    }

    static func littleEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    static func store(_ value: UInt32, in bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    /// Damage past the header with valid checksums: the structural checks must catch what
    /// would mislead a lookup; whatever they accept must decode and route without trapping.
    @Test(arguments: ["small", "medium"])
    func structuralDamageBehindValidChecksums(which: String) throws {
        let original = which == "small" ? Self.small : Self.medium
        let trials = which == "small" ? 1_500 : 600
        var random = SplitMix64(seed: 4)
        let clean = try QRTReader(bytes: original)
        let slugs = try clean.table().codes.prefix(20).map { ($0.domain, $0.slug) }
        var accepted = 0
        for _ in 0..<trials {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let offset = Int.random(in: QRTLayout.firstSectionOffset..<bytes.count, using: &random)
                bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
            }
            bytes = Self.resealed(bytes)
            guard let reader = try? QRTReader(bytes: bytes) else { continue }
            accepted += 1
            // Accepted: everything must work (a change that keeps the table well-formed, such as
            // a different letter in a target).
            let table = try reader.table()
            #expect(table.codes.count == clean.codeCount)
            for (host, slug) in slugs {
                if let domain = reader.domain(host: host) {
                    _ = Router.resolve(ScanRequest(host: host, path: "/" + slug, at: 1_800_000_000), in: reader)
                    _ = try reader.lookup(domain: domain, slugKey: domain.slugKey(slug))
                }
            }
            // And the header-only reader of the same bytes agrees.
            let lazy = try QRTReader(bytes: bytes, verification: .header)
            #expect(try lazy.table() == table)
        }
        #expect(accepted < trials)
    }

    @Test func structuralDamageUnderHeaderVerificationNeverTraps() throws {
        var random = SplitMix64(seed: 5)
        for _ in 0..<1_000 {
            var bytes = Self.small
            let offset = Int.random(in: QRTLayout.firstSectionOffset..<bytes.count, using: &random)
            bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
            _ = Self.exercise(Self.resealed(bytes), slugs: Self.smallSlugs)
        }
    }
}

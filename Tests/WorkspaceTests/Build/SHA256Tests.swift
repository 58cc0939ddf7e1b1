import Foundation
import Testing
import TestSupport
@testable import Workspace

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    /// The FIPS 180-4 / NIST example messages and their digests.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(_ message: String, _ expected: String) {
        #expect(SHA256.hash(message).hex == expected)
    }

    /// The CPU's SHA extensions (when it has them) and the portable code agree on every
    /// length around the block boundaries, from any alignment, and on the standard vectors.
    @Test func hardwareAndPortableCodeAgree() {
        var generator = SplitMix64(seed: 5)
        for length in Array(0...300) + [4_096, 65_537] {
            let bytes = (0..<(length + 3)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let offset = length % 4
            var portable = SHA256.portable()
            var fast = SHA256()
            bytes.withUnsafeBytes { buffer in
                let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)])
                portable.update(slice)
                fast.update(slice)
            }
            #expect(portable.finalize() == fast.finalize(), "length \(length)")
            #expect(fast.finalize() == SHA256.hash(Array(bytes[offset..<(offset + length)])))
        }
        var portable = SHA256.portable()
        portable.update("abc")
        #expect(portable.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var million = SHA256.portable()
        million.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(million.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func oneMillionA() {
        let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest.hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Fed in pieces of any size, the digest is the same as in one piece.
    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127, 1000])
    func piecesGiveTheSameDigest(_ pieceSize: Int) {
        let message = (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            let end = min(message.count, start + pieceSize)
            hasher.update(Array(message[start..<end]))
            start = end
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// Every length around the padding boundaries agrees with coreutils' `sha256sum`.
    @Test func agreesWithSha256sumAcrossPaddingBoundaries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lengths = Array(0...130) + [1_000, 4_095, 4_096, 65_537]
        var expected: [String: String] = [:]
        for length in lengths {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length) }
            try Data(bytes).write(to: folder.appendingPathComponent("m\(length)"))
            expected["m\(length)"] = SHA256.hash(bytes).hex
        }
        let output = try Sha256sum.run(lengths.map { "m\($0)" }, in: folder.path)
        var checked = 0
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            #expect(expected[String(parts[1])] == String(parts[0]), "length \(parts[1])")
            checked += 1
        }
        #expect(checked == lengths.count)
    }

    @Test func hexRoundTrips() throws {
        let digest = SHA256.hash("qrops")
        #expect(SHA256.Digest(hex: digest.hex) == digest)
        #expect(SHA256.Digest(hex: digest.hex.uppercased()) == digest)
        #expect(SHA256.Digest(hex: "xyz") == nil)
        #expect(SHA256.Digest(hex: String(repeating: "g", count: 64)) == nil)
    }
}

/// coreutils' `sha256sum`, the reference. Missing is a failure (scripts/install-deps.sh).
enum Sha256sum {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "sha256sum is not installed; run scripts/install-deps.sh" }
    }

    static func run(_ arguments: [String], in directory: String) throws -> String {
        guard let tool = ["/usr/bin/sha256sum", "/bin/sha256sum"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import Testing
@testable import Workspace

@Suite("File operations: whole files read back exactly")
struct FileOpsTests {
    /// Files read whole come back byte for byte, at sizes below, at and across the point where
    /// the buffer is advised into huge pages (`FileOps.adviseHugePages`: four 2 MiB pages and up),
    /// and from an offset (`readBytes(_:count:at:)`, as the artwork manifest is read); from 16 MiB
    /// on in 4 MiB pieces read concurrently (`readInPieces`), also when the last piece is short.
    @Test(arguments: [0, 1, 4_095, (8 << 20) + 12_345, 16 << 20, (16 << 20) + 1, (21 << 20) + 777])
    func filesReadWholeAreTheirBytes(_ size: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-fileops-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // No two neighbouring pages alike, so a page read into the wrong place shows.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 0x9E37_79B1) >> 11) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/file"))
        let fd = try FileOps.openFolder(folder)
        defer { close(fd) }
        #expect(FileOps.read("file", in: fd, limit: Int(Int32.max)) == bytes)
        #expect(FileOps.read("file", in: fd, limit: size - 1) == nil)
        let file = open(folder + "/file", O_RDONLY)
        defer { close(file) }
        let start = size / 3
        guard case .success(let tail) = FileOps.readBytes(file, count: size - start, at: start) else {
            Issue.record("reading from \(start) failed")
            return
        }
        #expect(tail == Array(bytes[start...]))
    }

    /// Asked for more than the file holds, a read in pieces gives what is there: the bytes up to
    /// the first piece that came back short.
    @Test func aReadInPiecesPastTheEndGivesWhatIsThere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-fileops-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<((17 << 20) + 5)).map { UInt8(truncatingIfNeeded: ($0 &* 0x9E37_79B1) >> 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/file"))
        let file = open(folder + "/file", O_RDONLY)
        defer { close(file) }
        guard case .success(let read) = FileOps.readBytes(file, count: 40 << 20, at: 3) else {
            Issue.record("the read failed")
            return
        }
        #expect(read == Array(bytes[3...]))
    }
}

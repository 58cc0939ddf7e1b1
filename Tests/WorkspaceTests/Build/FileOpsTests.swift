import Foundation
import Testing
@testable import Workspace

@Suite("File operations: whole files read back exactly")
struct FileOpsTests {
    /// Files read whole come back byte for byte, at sizes below, at and across the point where
    /// the buffer is advised into huge pages (`FileOps.adviseHugePages`: four 2 MiB pages and up),
    /// and from an offset (`readBytes(_:count:at:)`, as the artwork manifest is read).
    @Test(arguments: [0, 1, 4_095, (8 << 20) + 12_345])
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
}

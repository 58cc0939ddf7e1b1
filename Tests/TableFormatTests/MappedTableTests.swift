import Foundation
import Routing
import Testing
import Workspace
@testable import TableFormat

@Suite struct MappedTableTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "qrops-table-\(UUID().uuidString).qrt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [QRTVerification.full, .header])
    func opensAMappedFile(verification: QRTVerification) throws {
        let path = try Self.temporaryFile(try QRTWriter.write(SampleTables.everything))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try MappedTable.open(path: path, verification: verification)
        #expect(try reader.table() == SampleTables.everything)
        let request = ScanRequest(host: "qr.acme.example", path: "/paused-1", at: 0)
        #expect(Router.resolve(request, in: reader).outcome == .fallback(.paused))
    }

    @Test func missingFile() {
        #expect(throws: MappedTable.OpenError.io(path: "/nonexistent/redirects.qrt", message: "cannot open: No such file or directory")) {
            try MappedTable.open(path: "/nonexistent/redirects.qrt")
        }
    }

    @Test func emptyFile() throws {
        let path = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: MappedTable.OpenError.invalid(path: path, .tooShort(actual: 0))) { try MappedTable.open(path: path) }
    }

    @Test func aDirectoryIsNotATable() {
        #expect(throws: MappedTable.OpenError.io(path: "/tmp", message: "not a regular file")) { try MappedTable.open(path: "/tmp") }
    }
}

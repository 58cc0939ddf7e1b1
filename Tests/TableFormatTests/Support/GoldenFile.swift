import Foundation
import Testing

/// Compares output with `Golden/<name>`; `QROPS_RECORD=1` writes the file instead. Binary
/// output is kept as a hex dump (`hexDump`), so a change shows as a readable line diff.
enum GoldenFile {
    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    static var directory: URL {
        if FileManager.default.fileExists(atPath: sourceDirectory.path) { return sourceDirectory }
        return Bundle.module.resourceURL?.appendingPathComponent("Golden", isDirectory: true) ?? sourceDirectory
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["QROPS_RECORD"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: sourceDirectory.appendingPathComponent(name))
            return
        }
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with QROPS_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : nil
            let new = index < actualLines.count ? String(actualLines[index]) : nil
            guard old != new else { continue }
            if let old { diff.append("-\(index + 1): \(old)") }
            if let new { diff.append("+\(index + 1): \(new)") }
            if diff.count > 40 { diff.append("..."); break }
        }
        let message = "output differs from golden file \(name) (- golden, + actual; re-record with QROPS_RECORD=1):\n"
            + diff.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// `xxd`-style: offset, 16 bytes in hex, the printable ASCII.
    static func hexDump(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        for start in stride(from: 0, to: bytes.count, by: 16) {
            let row = bytes[start..<min(start + 16, bytes.count)]
            var hex = row.map { String(format: "%02x", $0) }.joined(separator: " ")
            hex += String(repeating: " ", count: 47 - hex.count)
            let text = String(row.map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." })
            lines.append(String(format: "%08x  ", start) + hex + "  |" + text + "|")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

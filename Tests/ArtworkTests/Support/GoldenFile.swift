import Foundation
import Testing

/// Compares output with `Golden/<name>`. A missing or different file fails the test with a
/// line diff (a hex dump for binary data); `QROPS_RECORD=1` writes the file instead.
enum GoldenFile {
    /// The folder in the source tree (written when recording), found from this file's path.
    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    /// Where golden files are read from: the source tree, or the copy in the test bundle when
    /// the tests run without their sources.
    static var directory: URL {
        if FileManager.default.fileExists(atPath: sourceDirectory.path) { return sourceDirectory }
        return Bundle.module.resourceURL?.appendingPathComponent("Golden", isDirectory: true) ?? sourceDirectory
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["QROPS_RECORD"] == "1" }

    static func check(_ actual: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try Data(actual).write(to: sourceDirectory.appendingPathComponent(name))
            return
        }
        let url = directory.appendingPathComponent(name)
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with QROPS_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != actual else { return }
        let diff = LineDiff.render(expected: lines([UInt8](expected)), actual: lines(actual))
        Issue.record("output differs from golden file \(name) (- golden, + actual):\n\(diff)", sourceLocation: sourceLocation)
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Array(actual.utf8), named: name, sourceLocation: sourceLocation)
    }

    /// Text lines, or 16-byte hex-dump lines when the data holds a NUL byte.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        guard bytes.contains(0) else {
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return stride(from: 0, to: bytes.count, by: 16).map { start in
            let slice = bytes[start..<min(start + 16, bytes.count)]
            return String(format: "%08x ", start) + slice.map { String(format: "%02x", $0) }.joined(separator: " ")
        }
    }
}

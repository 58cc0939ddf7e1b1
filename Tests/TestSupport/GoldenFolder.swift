import Foundation
import Testing

/// A test target's golden files: `Golden/` beside the target's `Support/` folder. A missing or
/// different file fails the test with a line diff (`TextDiff`); `QROPS_RECORD=1` rewrites the
/// file instead. Each target makes one with its own `#filePath` and bundle (see, for example,
/// `Tests/DiagnosticsTests/Support/Golden.swift`).
public struct GoldenFolder: Sendable {
    /// The folder in the source tree (written when recording).
    public let sourceDirectory: URL
    /// The copy in the test bundle, for tests run without their sources.
    private let bundleDirectory: URL?

    /// `supportFile`: a file in the target's `Support/` folder (pass `#filePath`);
    /// `bundleResources`: the target's `Bundle.module.resourceURL`.
    public init(supportFile: String, bundleResources: URL?) {
        sourceDirectory = URL(fileURLWithPath: supportFile)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Golden", isDirectory: true)
        bundleDirectory = bundleResources?.appendingPathComponent("Golden", isDirectory: true)
    }

    /// Where golden files are read from: the source tree when it is there, else the bundle.
    public var directory: URL {
        if FileManager.default.fileExists(atPath: sourceDirectory.path) { return sourceDirectory }
        return bundleDirectory ?? sourceDirectory
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["QROPS_RECORD"] == "1" }

    /// Compares bytes, not `String`s: Swift's `==` treats canonically equivalent text
    /// (`é` and `e` + U+0301) as equal, and goldens must be byte-exact.
    public func expectMatch(_ actual: String, file name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if Self.isRecording {
            record(actual, file: name, sourceLocation: sourceLocation)
            return
        }
        let url = directory.appendingPathComponent(name)
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "Golden file \(name) is missing. Run with QROPS_RECORD=1 to record it. Actual output:\n\(actual)",
                sourceLocation: sourceLocation
            )
            return
        }
        guard expected != Data(actual.utf8) else { return }
        let expectedText = String(decoding: expected, as: UTF8.self)
        let report = "Output differs from golden file \(name) (- golden, + actual); if the change is intended, "
            + "re-record with QROPS_RECORD=1:\n" + TextDiff.unified(expectedText, actual)
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }

    /// The same for bytes: text is diffed by lines, data holding a NUL byte as 16-byte hex lines.
    public func expectMatch(_ actual: [UInt8], file name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if Self.isRecording {
            record(actual, file: name, sourceLocation: sourceLocation)
            return
        }
        let url = directory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("Golden file \(name) is missing. Run with QROPS_RECORD=1 to record it.", sourceLocation: sourceLocation)
            return
        }
        let expected = [UInt8](data)
        guard expected != actual else { return }
        let report = "Output differs from golden file \(name) (- golden, + actual); if the change is intended, "
            + "re-record with QROPS_RECORD=1:\n" + TextDiff.unified(lines: Self.lines(expected), Self.lines(actual))
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }

    /// Text lines, or offset-and-hex lines of 16 bytes when the data holds a NUL byte.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        guard bytes.contains(0) else {
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return stride(from: 0, to: bytes.count, by: 16).map { start in
            let row = bytes[start..<min(start + 16, bytes.count)]
            return String(format: "%08x ", start) + row.map { String(format: "%02x", $0) }.joined(separator: " ")
        }
    }

    private func record(_ actual: String, file name: String, sourceLocation: Testing.SourceLocation) {
        record(Array(actual.utf8), file: name, sourceLocation: sourceLocation)
    }

    /// Writes the file, creating its folders (names may hold `/`).
    private func record(_ actual: [UInt8], file name: String, sourceLocation: Testing.SourceLocation) {
        let url = sourceDirectory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url, options: .atomic)
        } catch {
            Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
        }
    }
}

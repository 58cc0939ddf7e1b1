import Foundation
import Testing

/// Golden files in `Tests/EndToEndTests/Golden`. A missing or different file fails the test
/// with a diff; `QROPS_RECORD=1` rewrites the file instead.
enum Golden {
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

    /// Compares bytes, not `String`s: Swift's `==` treats canonically equivalent text
    /// (`é` and `e` + U+0301) as equal, and goldens must be byte-exact.
    static func expectMatch(
        _ actual: String,
        file name: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if isRecording {
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

    private static func record(_ actual: String, file name: String, sourceLocation: Testing.SourceLocation) {
        do {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: sourceDirectory.appendingPathComponent(name), options: .atomic)
        } catch {
            Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
        }
    }
}

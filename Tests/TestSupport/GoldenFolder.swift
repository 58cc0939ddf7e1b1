import Foundation
import Testing

/// A test target's golden files: `Golden/` beside the target's `Support/` folder. A missing or
/// different file fails the test with a line diff (`TextDiff`); `QROPS_RECORD=1` rewrites the
/// file instead. Each target makes one with its own `#filePath` and bundle (see its
/// `Support/Golden.swift`).
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

    private func record(_ actual: String, file name: String, sourceLocation: Testing.SourceLocation) {
        do {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: sourceDirectory.appendingPathComponent(name), options: .atomic)
        } catch {
            Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
        }
    }
}

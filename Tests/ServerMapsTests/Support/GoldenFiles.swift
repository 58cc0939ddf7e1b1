import Foundation
import Testing

/// Emitted files compared with `Golden/<target>/<file>`; `QROPS_RECORD=1` writes them instead
/// (re-record only on purpose). A difference fails with the first differing lines.
enum GoldenFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["QROPS_RECORD"] == "1" }

    static func check(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with QROPS_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != bytes else { return }
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let context = (max(0, first - 2)..<min(max(old.count, new.count), first + 4)).map { line in
            let a = line < old.count ? String(old[line]) : "(end)"
            let b = line < new.count ? String(new[line]) : "(end)"
            return a == b ? "  \(line + 1): \(a)" : "- \(line + 1): \(a)\n+ \(line + 1): \(b)"
        }
        let header = "\(name) differs from its golden file (- golden, + actual; \(old.count) vs \(new.count) lines):\n"
        Issue.record(Comment(rawValue: header + context.joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}

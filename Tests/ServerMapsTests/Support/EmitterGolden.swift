import Foundation
import Routing
import ServerMaps
import Testing

/// Golden files of an emitter on the fixture portfolio: `Golden/<target>/<emitted path>` for
/// every emitted file, and `Golden/<target>/findings.txt` for what it reported. Re-record on
/// purpose with `QROPS_RECORD=1`; a difference fails with the first differing line.
enum EmitterGolden {
    static let folder = FixturePaths.root.appendingPathComponent("Tests/ServerMapsTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["QROPS_RECORD"] == "1" }

    /// The instant the shared vectors are taken at (so the golden config is the one replayed).
    static func fixtureResult(_ emit: (RedirectTable, EmitOptions) -> EmitResult) async throws -> EmitResult {
        let vectors = try RoutingVectors.load()
        let at = RoutingVectors.byInstant(vectors).first?.at ?? 0
        let table = try await FixturePortfolio.table(now: at)
        return emit(table, EmitOptions(at: at))
    }

    static func check(_ result: EmitResult, target: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var expected = result.files.map { (path: $0.path, bytes: $0.bytes) }
        let findings = result.findings.map { finding in
            "\(finding.severity.rawValue) [\(finding.rule)] \(finding.codeID ?? "-"): \(finding.message)" + (finding.hint.map { " (hint: \($0))" } ?? "")
        }
        expected.append((target + "/findings.txt", Array((findings.joined(separator: "\n") + "\n").utf8)))
        for file in expected {
            let url = folder.appendingPathComponent(file.path)
            if recording {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
                continue
            }
            guard let golden = FileManager.default.contents(atPath: url.path) else {
                Issue.record("missing golden file \(file.path): record it with QROPS_RECORD=1", sourceLocation: sourceLocation)
                continue
            }
            if Array(golden) != file.bytes {
                Issue.record("\(file.path) differs from its golden file: \(firstDifference(Array(golden), file.bytes))", sourceLocation: sourceLocation)
            }
        }
    }

    static func firstDifference(_ golden: [UInt8], _ actual: [UInt8]) -> String {
        let goldenLines = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(goldenLines.count, actualLines.count) {
            let expected = index < goldenLines.count ? String(goldenLines[index]) : "(end of file)"
            let got = index < actualLines.count ? String(actualLines[index]) : "(end of file)"
            if expected != got { return "line \(index + 1)\n- \(expected)\n+ \(got)" }
        }
        return "same lines, different bytes"
    }
}

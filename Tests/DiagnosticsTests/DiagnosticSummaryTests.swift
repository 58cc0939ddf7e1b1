import Testing
import Diagnostics

@Suite("Summary line")
struct DiagnosticSummaryTests {
    private static func diagnostics(_ severities: [Severity], suppressed: Int = 0) -> [Diagnostic] {
        let active = severities.map { Diagnostic($0, "r", "m", at: .file("f")) }
        let quiet = (0..<suppressed).map { _ in
            Diagnostic(.error, "r", "m", at: .file("f"), suppression: Suppression(reason: "why"))
        }
        return active + quiet
    }

    @Test(arguments: [
        ([], 0, 0, "no problems in 0 files"),
        ([], 0, 1, "no problems in 1 file"),
        ([.error], 0, 1, "1 error in 1 file"),
        ([.error, .error, .warning], 1, 3, "2 errors, 1 warning in 3 files (1 suppressed)"),
        ([.warning, .warning], 0, 5, "2 warnings in 5 files"),
        ([.note], 2, 5, "1 note in 5 files (2 suppressed)"),
        ([], 4, 9, "no problems in 9 files (4 suppressed)"),
    ] as [([Severity], Int, Int, String)])
    func sentence(_ severities: [Severity], _ suppressed: Int, _ files: Int, _ expected: String) {
        let summary = DiagnosticSummary(Self.diagnostics(severities, suppressed: suppressed), filesChecked: files)
        #expect(summary.sentence == expected)
    }
}

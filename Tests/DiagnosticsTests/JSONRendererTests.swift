import Foundation
import Testing
import Diagnostics

@Suite("JSON renderer")
struct JSONRendererTests {
    private let sample = SampleDiagnostics.self
    private var output: String {
        JSONRenderer(toolVersion: sample.toolVersion).render(sample.diagnostics, filesChecked: sample.filesChecked)
    }

    private func parsed() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func matchesGolden() {
        Golden.expectMatch(output, file: "diagnostics.json")
    }

    @Test func hasTheDocumentedTopLevel() throws {
        let document = try parsed()
        #expect(Set(document.keys) == ["version", "tool", "summary", "diagnostics"])
        #expect(document["version"] as? Int == 1)
        let tool = try #require(document["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "qrops")
        #expect(tool["version"] as? String == sample.toolVersion)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["errors": 6, "warnings": 3, "notes": 1, "suppressed": 1, "files": 31])
    }

    @Test func everyDiagnosticHasEveryDocumentedKey() throws {
        let diagnostics = try #require(try parsed()["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == sample.diagnostics.count)
        let keys: Set = ["rule", "severity", "message", "file", "line", "column", "length", "hint", "notes", "suppressed"]
        for diagnostic in diagnostics {
            #expect(Set(diagnostic.keys) == keys)
            for note in try #require(diagnostic["notes"] as? [[String: Any]]) {
                #expect(Set(note.keys) == ["message", "file", "line", "column"])
            }
            if let suppressed = diagnostic["suppressed"] as? [String: Any] {
                #expect(Set(suppressed.keys) == ["reason", "until"])
            } else {
                #expect(diagnostic["suppressed"] is NSNull)
            }
        }
    }

    @Test func diagnosticsAreInReportOrder() throws {
        let diagnostics = try #require(try parsed()["diagnostics"] as? [[String: Any]])
        let places = diagnostics.compactMap { entry -> String? in
            guard let file = entry["file"] as? String, let line = entry["line"] as? Int else { return nil }
            return "\(file):\(line)"
        }
        let expected = sample.diagnostics.sorted(by: Diagnostic.reportOrder).map { "\($0.location.file):\($0.location.line)" }
        #expect(places == expected)
    }

    @Test func awkwardTextRoundTrips() throws {
        let diagnostics = try #require(try parsed()["diagnostics"] as? [[String: Any]])
        let entry = try #require(diagnostics.first { $0["rule"] as? String == "destination-unsafe" })
        let message = try #require(entry["message"] as? String)
        #expect(Array(message.unicodeScalars) == Array(sample.awkwardMessage.unicodeScalars))
        #expect(entry["file"] as? String == sample.oddPath)
    }

    @Test func suppressionAndNotesAreCarried() throws {
        let diagnostics = try #require(try parsed()["diagnostics"] as? [[String: Any]])
        let suppressed = try #require(diagnostics.first { $0["rule"] as? String == "retire-soon" })
        let suppression = try #require(suppressed["suppressed"] as? [String: String])
        #expect(suppression == ["reason": "print run PR-2026-114 ends first", "until": "2027-01-01"])

        let slug = try #require(diagnostics.first { $0["rule"] as? String == "slug-unique" })
        let notes = try #require(slug["notes"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect(notes.first?["line"] as? Int == 2)
        #expect(notes.last?["file"] is NSNull)
    }

    @Test func emptyRun() {
        #expect(JSONRenderer(toolVersion: "0").render([], filesChecked: 0) == """
            {
              "version": 1,
              "tool": {
                "name": "qrops",
                "version": "0"
              },
              "summary": {
                "errors": 0,
                "warnings": 0,
                "notes": 0,
                "suppressed": 0,
                "files": 0
              },
              "diagnostics": []
            }

            """)
    }
}

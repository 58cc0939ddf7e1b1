import Testing
import Diagnostics

@Suite("Determinism")
struct DeterminismTests {
    enum Format: String, CaseIterable, CustomTestStringConvertible {
        case human, humanColour, json, sarif, github

        var testDescription: String { rawValue }

        var renderer: any DiagnosticRenderer {
            let sample = SampleDiagnostics.self
            switch self {
            case .human: return HumanRenderer(colour: false, sources: sample.sources)
            case .humanColour: return HumanRenderer(colour: true, sources: sample.sources)
            case .json: return JSONRenderer(toolVersion: sample.toolVersion)
            case .sarif:
                return SARIFRenderer(toolVersion: sample.toolVersion, rules: sample.rules, informationURI: sample.informationURI)
            case .github: return GitHubRenderer()
            }
        }
    }

    /// Orders the same findings could arrive in (parallel loading makes any order possible).
    private static var inputOrders: [[Diagnostic]] {
        let original = SampleDiagnostics.diagnostics
        return [
            original,
            original.reversed(),
            Array(original[4...] + original[..<4]),
            original.sorted { $0.message.count < $1.message.count },
        ]
    }

    @Test(arguments: Format.allCases)
    func sameBytesWhateverTheInputOrder(_ format: Format) {
        let outputs = Self.inputOrders.map {
            Array(format.renderer.render($0, filesChecked: SampleDiagnostics.filesChecked).utf8)
        }
        for output in outputs.dropFirst() {
            #expect(output == outputs[0])
        }
    }

    @Test(arguments: Format.allCases)
    func sameBytesTwice(_ format: Format) {
        let renderer = format.renderer
        let first = renderer.render(SampleDiagnostics.diagnostics, filesChecked: 1)
        let second = renderer.render(SampleDiagnostics.diagnostics, filesChecked: 1)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    @Test func tiesAreBrokenByTheRemainingFields() {
        let place = Diagnostics.SourceLocation(file: "f", line: 1, column: 1)
        let a = Diagnostic(.warning, "r", "m", at: place, hint: "a")
        let b = Diagnostic(.error, "r", "m", at: place, hint: "b")
        let c = Diagnostic(.error, "r", "m", at: place, hint: "c")
        #expect([c, a, b].sortedForReport() == [b, c, a])
        #expect([a, b, c].sortedForReport() == [b, c, a])
    }
}

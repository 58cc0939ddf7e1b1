import Testing
import Diagnostics

@Suite("GitHub Actions renderer")
struct GitHubRendererTests {
    private let sample = SampleDiagnostics.self
    private var output: String { GitHubRenderer().render(sample.diagnostics) }

    @Test func matchesGolden() {
        Golden.expectMatch(output, file: "github.txt")
    }

    /// One special character per case: how it is written in a message and in a property.
    @Test(arguments: [
        ("%", "%25", "%25"),
        ("\r", "%0D", "%0D"),
        ("\n", "%0A", "%0A"),
        ("\r\n", "%0D%0A", "%0D%0A"),
        (":", ":", "%3A"),
        (",", ",", "%2C"),
        ("::", "::", "%3A%3A"),
        ("%0A", "%250A", "%250A"),
        ("%3A", "%253A", "%253A"),
        ("=", "=", "="),
        ("\"'\\", "\"'\\", "\"'\\"),
        ("é日本", "é日本", "é日本"),
        ("plain text", "plain text", "plain text"),
    ] as [(String, String, String)])
    func escaping(_ input: String, _ data: String, _ property: String) {
        #expect(Array(GitHubRenderer.escapeData(input).utf8) == Array(data.utf8))
        #expect(Array(GitHubRenderer.escapeProperty(input).utf8) == Array(property.utf8))
    }

    @Test func oneLinePerUnsuppressedFinding() {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count - 1 == sample.diagnostics.filter { !$0.isSuppressed }.count)
        #expect(!output.contains("retire-soon"))
        #expect(!output.unicodeScalars.contains("\r"))
    }

    @Test func commandsFollowSeverity() {
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 6)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 1)
    }

    @Test func exampleLines() {
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "::error file=codes/retail/eu/coffee-x1.yaml,line=15,col=13,endColumn=38,title=qrops [https-only]"
                + "::destination must use https%0Ahint: use https://www.acme.example/x"
        ))
        #expect(lines.contains(
            "::error file=codes/retail/eu/tea.yaml,title=qrops [missing-owner]"
                + "::code has no owner%0Ahint: add `owner:` with a key from policies/owners.yaml"
        ))
    }

    /// Parsing the output the way the Actions runner does gives back the original text.
    @Test func runnerRecoversTheOriginalText() throws {
        let line = try #require(output.split(separator: "\n").first { $0.contains("destination-unsafe") })
        let command = try #require(WorkflowCommand(String(line)))
        #expect(command.name == "error")
        #expect(command.properties["file"] == sample.oddPath)
        #expect(command.properties["line"] == "1")
        #expect(command.properties["col"] == "9")
        #expect(command.properties["endColumn"] == "25")
        #expect(command.properties["title"] == "qrops [destination-unsafe]")
        let expected = sample.awkwardMessage + "\nhint: remove the control characters, then run: qrops lint, again"
        #expect(Array(command.message.unicodeScalars) == Array(expected.unicodeScalars))
    }
}

/// A minimal reader of `::name key=value,key=value::message`, decoding `%XX` as the runner does.
private struct WorkflowCommand {
    var name: String
    var properties: [String: String] = [:]
    var message: String

    init?(_ line: String) {
        guard line.hasPrefix("::") else { return nil }
        let body = line.dropFirst(2)
        guard let end = body.range(of: "::") else { return nil }
        let head = body[..<end.lowerBound]
        message = Self.unescape(String(body[end.upperBound...]))
        let nameEnd = head.firstIndex(of: " ") ?? head.endIndex
        name = String(head[..<nameEnd])
        for pair in head[nameEnd...].dropFirst().split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            properties[String(parts[0])] = Self.unescape(String(parts[1]))
        }
    }

    private static func unescape(_ text: String) -> String {
        let codes: [String: String] = ["%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","]
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "%", let replacement = codes[String(rest.prefix(3))] {
                output += replacement
                rest = rest.dropFirst(3)
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }
}

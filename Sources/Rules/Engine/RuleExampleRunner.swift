import Catalog
import Diagnostics
import YAMLTree

/// Runs a rule's documented examples: the examples are the tests (see STYLE.md). Pure.
public enum RuleExampleRunner {
    /// The policies every example runs against unless it brings its own.
    public static let standardPolicies = """
        version: 1
        default-domain: qr.acme.example
        owners:
          retail-eu: {name: Retail Europe, reviewers: ["@acme/retail-eu"]}
          retail-na: {name: Retail North America}
          old-team: {name: Disbanded team, active: false}
        domains:
          qr.acme.example: {fallback: "https://www.acme.example/qr", not-found: "https://www.acme.example/qr/unknown"}
          go.acme.example: {fallback: "https://www.acme.example/go"}
        destinations:
          allowed: [www.acme.example, .acme.example, apps.apple.com, play.google.com]
        use-cases:
          packaging: {max-lifespan: 10y, required-labels: [region]}
          events: {max-lifespan: 6mo}
          direct-mail: {max-lifespan: 2y}
        compliance:
          general: {}
          alcohol: {reviewers: ["@acme/legal"], required-labels: [age-gate], allowed-destinations: [www.acme.example], regulated: true}
        naming:
          id: '^[A-Z]{3}-[A-Z]{2}-[0-9]{4}$'
          name: '^[a-z0-9-]+(_[a-z0-9-]+){4,}_v[0-9]+$'
        lifecycle: {retiring-soon: 30d}
        utm: {required-for: [direct-mail]}
        artwork: {min-module: 0.33mm, min-contrast: 3, min-quiet-zone: 4}

        """

    /// "Now" for every example: fixed, so lifecycle examples never rot.
    public static let now = Instant.parse("2026-06-01T00:00:00Z") ?? Instant(seconds: 0)

    public struct Outcome: Sendable {
        /// Where the `↓` was (file, 1-based line and column), if there was one.
        public var marker: (file: String, line: Int, column: Int)?
        /// Findings of the rule under test, after severities are configured.
        public var findings: [Diagnostic]
        /// Problems with the example itself (bad YAML, schema errors): must be empty.
        public var exampleProblems: [Diagnostic]
    }

    /// How examples name the base in note locations (`base:codes/example.yaml`).
    public static let baseRef = "base"

    public static func run(_ rule: any Rule.Type, example: RuleExample) -> Outcome {
        let (text, codeMarker) = stripMarker(example.code)
        let (policyText, policyMarker) = stripMarker(example.policies ?? standardPolicies)
        let (baseText, baseMarker) = example.base.map(stripMarker) ?? ("", nil)
        let marker = codeMarker.map { (file: "codes/example.yaml", line: $0.line, column: $0.column) }
            ?? baseMarker.map { (file: baseRef + ":codes/example.yaml", line: $0.line, column: $0.column) }
            ?? policyMarker.map { (file: "policies/example.yaml", line: $0.line, column: $0.column) }
        var problems: [Diagnostic] = []
        let catalog = decode(code: text, policies: policyText, problems: &problems)
        let engine = RuleEngine(rules: [rule])
        let context = RuleContext(policies: catalog.policies, now: now)
        var findings = engine.checkCodes(catalog.codes[...], context: context) + engine.checkCatalog(catalog, context: context)
        if example.base != nil {
            let base = decode(code: baseText, policies: policyText, problems: &problems)
            findings += engine.checkAgainstBase(BaseContext(base: base, head: catalog, ref: baseRef), head: catalog, context: context)
        }
        return Outcome(marker: marker, findings: findings.filter { $0.ruleID == rule.description.id }, exampleProblems: problems)
    }

    /// One code file and one policy file as a catalog. A code file holding only comments stands
    /// for a file that does not exist.
    private static func decode(code text: String, policies policyText: String, problems: inout [Diagnostic]) -> Catalog {
        var files = FileTable()
        let policyID = files.add("policies/example.yaml")
        let codeID = files.add("codes/example.yaml")
        let policyLoad = YAMLLoader.load(policyText, path: "policies/example.yaml", fileID: policyID)
        problems += policyLoad.diagnostics
        let (policies, policyProblems) = PolicyDecoder.decode(policyLoad.document.map { [$0] } ?? [], files: files)
        problems += policyProblems
        var codes: [Code] = []
        if !isOnlyComments(text) {
            let codeLoad = YAMLLoader.load(text, path: "codes/example.yaml", fileID: codeID)
            problems += codeLoad.diagnostics
            if let document = codeLoad.document {
                let decoded = CodeFileDecoder.decode(document, inherited: nil, files: files)
                codes = decoded.codes
                problems += decoded.diagnostics
            }
        }
        return Catalog(codes: codes, policies: policies, files: files)
    }

    static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
    }

    /// Removes the first `↓` and returns where it was.
    static func stripMarker(_ text: String) -> (String, (line: Int, column: Int)?) {
        var line = 1
        var column = 1
        var output = ""
        var marker: (line: Int, column: Int)?
        for scalar in text.unicodeScalars {
            if scalar == "↓", marker == nil {
                marker = (line, column)
                continue
            }
            output.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (output.hasSuffix("\n") ? output : output + "\n", marker)
    }
}

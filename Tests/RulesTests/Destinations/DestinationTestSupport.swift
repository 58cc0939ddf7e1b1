import Catalog
import Diagnostics
@testable import Rules
import YAMLTree

/// Runs the full decode and every destination rule over one code whose `target:` is a
/// destination written as a double-quoted YAML scalar (so any character can be tested).
enum DestinationHarness {
    static let policies = """
        version: 1
        default-domain: qr.acme.example
        owners:
          retail-eu: {name: Retail Europe}
        domains:
          qr.acme.example: {fallback: "https://www.acme.example/qr"}
          go.acme.example: {fallback: "https://www.acme.example/go"}
        destinations:
          allowed: [www.acme.example, .acme.example, apps.apple.com, play.google.com, "b\\u00FCcher.example"]
        compliance:
          general: {}
          alcohol: {allowed-destinations: [www.acme.example]}

        """

    struct Outcome {
        /// Findings of the destination rules.
        var findings: [Diagnostic]
        /// Diagnostics from reading and decoding (for example `malformed-url`).
        var problems: [Diagnostic]

        var ids: Set<String> { Set(findings.map(\.ruleID) + problems.map(\.ruleID)) }
    }

    static func run(destination: String, compliance: String? = nil, policies: String = policies) -> Outcome {
        var code = """
            id: RET-EU-0001
            slug: cx1
            owner: retail-eu
            status: active

            """
        if let compliance { code += "compliance: \(compliance)\n" }
        code += "target: \(yamlDoubleQuoted(destination))\n"
        return run(code: code, policies: policies)
    }

    static func run(code: String, policies: String = policies) -> Outcome {
        var files = FileTable()
        let policyID = files.add("policies/example.yaml")
        let codeID = files.add("codes/example.yaml")
        var problems: [Diagnostic] = []
        let policyLoad = YAMLLoader.load(policies, path: "policies/example.yaml", fileID: policyID)
        problems += policyLoad.diagnostics
        let (decodedPolicies, policyProblems) = PolicyDecoder.decode(policyLoad.document.map { [$0] } ?? [], files: files)
        problems += policyProblems
        let codeLoad = YAMLLoader.load(code, path: "codes/example.yaml", fileID: codeID)
        problems += codeLoad.diagnostics
        var codes: [Code] = []
        if let document = codeLoad.document {
            let decoded = CodeFileDecoder.decode(document, inherited: nil, files: files)
            codes = decoded.codes
            problems += decoded.diagnostics
        }
        let engine = RuleEngine(rules: RuleRegistry.destinationRules)
        let context = RuleContext(policies: decodedPolicies, now: RuleExampleRunner.now)
        let catalog = Catalog(codes: codes, policies: decodedPolicies, files: files)
        let findings = engine.checkCodes(codes[...], context: context) + engine.checkCatalog(catalog, context: context)
        return Outcome(findings: findings, problems: problems)
    }

    /// A YAML double-quoted scalar holding exactly `text`: printable ASCII as is, `"` and `\`
    /// escaped, everything else as `\uXXXX` / `\UXXXXXXXX` (so line breaks, U+2028 and
    /// invisible characters survive YAML's line folding).
    static func yamlDoubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\r": output += "\\r"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += scalar.value > 0xFFFF
                    ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return output + "\""
    }
}

import Catalog
import Diagnostics
import Rules
import YAMLTree

/// Runs the rule engine (all rules unless told otherwise) over one code file's text and a
/// policy text, as `qrops lint` would, without touching the disk.
enum GovernanceHarness {
    /// The examples' fixed "now": 2026-06-01T00:00:00Z.
    static let now = RuleExampleRunner.now

    struct Run {
        /// Findings of the rules, after severities and suppressions are applied.
        var findings: [Diagnostic]
        /// Problems with the input itself (YAML and schema errors); tests expect none.
        var problems: [Diagnostic]

        func findings(of id: String) -> [Diagnostic] { findings.filter { $0.ruleID == id } }
    }

    static func lint(_ code: String, policies: String = RuleExampleRunner.standardPolicies,
                     rules: [any Rule.Type] = RuleRegistry.all, at time: Instant = now) -> Run {
        var files = FileTable()
        let policyID = files.add("policies/example.yaml")
        let codeID = files.add("codes/example.yaml")
        let policyLoad = YAMLLoader.load(policies, path: "policies/example.yaml", fileID: policyID)
        let (decoded, policyProblems) = PolicyDecoder.decode(policyLoad.document.map { [$0] } ?? [], files: files)
        var problems = policyLoad.diagnostics + policyProblems
        let codeLoad = YAMLLoader.load(code, path: "codes/example.yaml", fileID: codeID)
        problems += codeLoad.diagnostics
        var codes: [Code] = []
        if let document = codeLoad.document {
            let result = CodeFileDecoder.decode(document, inherited: nil, files: files)
            codes = result.codes
            problems += result.diagnostics
        }
        let engine = RuleEngine(rules: rules)
        let context = RuleContext(policies: decoded, now: time)
        let catalog = Catalog(codes: codes, policies: decoded, files: files)
        let findings = engine.checkCodes(codes[...], context: context) + engine.checkCatalog(catalog, context: context)
        return Run(findings: findings.sorted(by: Diagnostic.reportOrder), problems: problems)
    }

    /// A minimal valid code with `extra` lines appended (each a top-level key).
    static func code(_ extra: String = "", status: String = "active", slug: String = "cx1") -> String {
        """
        id: RET-EU-0001
        slug: \(slug)
        owner: retail-eu
        status: \(status)
        target: https://www.acme.example/x

        """ + extra
    }
}

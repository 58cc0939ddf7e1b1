import Catalog
import Review
import Rules
import Workspace

/// A base and a head portfolio from in-memory files, decoded by the real pipeline, for the
/// diff tests.
struct PortfolioPair {
    static let policies = """
        version: 1
        owners:
          team-a: {name: Team A, reviewers: ["@acme/team-a"]}
          team-b: {name: Team B, reviewers: ["@acme/team-b", "@acme/team-a"]}
        domains:
          qr.example.com: {fallback: "https://www.example.com/qr"}
          go.example.com: {fallback: "https://www.example.com/go"}
        default-domain: qr.example.com
        destinations:
          allowed: [www.example.com, www.example.org]
        compliance:
          general: {}
          alcohol: {reviewers: ["@acme/legal"], regulated: true}

        """

    static func code(_ id: String, slug: String, status: String = "active", target: String = "https://www.example.com/x",
                     extra: String = "") -> String {
        "id: \(id)\nslug: \(slug)\nowner: team-a\nstatus: \(status)\ntarget: \(target)\n" + extra
    }

    static func catalog(_ files: [String: String], policies: String = PortfolioPair.policies) async -> Catalog {
        var all = files
        all["policies/p.yaml"] = policies
        return await LintPipeline.run(MemoryRepository(files: all), now: RuleExampleRunner.now, engine: RuleEngine(rules: [])).catalog
    }

    static func diff(base: [String: String], head: [String: String], basePolicies: String = PortfolioPair.policies,
                     headPolicies: String = PortfolioPair.policies, classifier: RiskClassifier = RiskClassifier()) async -> [CodeChange] {
        CatalogDiff.compare(base: await catalog(base, policies: basePolicies), head: await catalog(head, policies: headPolicies),
                            classifier: classifier)
    }
}

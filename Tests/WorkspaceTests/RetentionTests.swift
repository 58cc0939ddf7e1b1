import Catalog
import Diagnostics
import Foundation
import Routing
import Rules
import Testing
@testable import Workspace

/// `qrops lint` and `qrops build` lint with `.routing` retention: each code forgets its labels,
/// tags, name, owner, use, compliance, change reason and expectations once its file's
/// code-scoped rules have run. Nothing read later may depend on them: the findings (with every
/// rule on), the redirect table and the artwork plan must be what `.everything` gives.
@Suite("Lint retention: what the build forgets changes no finding and no output")
struct RetentionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Every rule's documented examples (those without a git base), each as a repository,
    /// linted with every rule on.
    @Test(arguments: RuleRegistry.all.map { $0.description.id })
    func ruleExamplesGiveTheSameFindings(ruleID: String) async throws {
        let rule = try #require(RuleRegistry.rule(withID: ruleID))
        let examples = (rule.description.triggering + rule.description.nonTriggering).filter { $0.base == nil }
        for example in examples {
            let repository = MemoryRepository(files: [
                "policies/example.yaml": unmarked(example.policies ?? RuleExampleRunner.standardPolicies),
                "codes/example.yaml": unmarked(example.code),
            ])
            try await expectSameOutcome(repository, now: RuleExampleRunner.now, "\(ruleID): \(example.code)")
        }
    }

    /// The example portfolio and the repository fixtures.
    @Test(arguments: ["", "Tests/Fixtures/broken", "Tests/Fixtures/diff/base", "Tests/Fixtures/diff/head"])
    func repositoriesGiveTheSameFindingsTableAndPlan(folder: String) async throws {
        let path = folder.isEmpty ? Self.root : Self.root + "/" + folder
        try await expectSameOutcome(DiskRepository(root: path), now: Instant.parse("2026-11-21") ?? Instant(seconds: 0), folder)
    }

    /// A whole-catalog finding (`slug-confusable`) is configured by the code it is about after
    /// the per-file pass: by its use case's rule settings, and by its `ignore:` entries. Both
    /// must survive the retention.
    @Test(arguments: [
        "use: packaging\n",
        "ignore:\n  - {rule: slug-confusable, reason: \"Printed before the rule existed.\", until: 2030-01-01}\n",
    ])
    func wholeCatalogFindingsAreConfiguredByTheirCode(configuration: String) async throws {
        let policies = RuleExampleRunner.standardPolicies.replacingOccurrences(
            of: "packaging: {max-lifespan: 10y, required-labels: [region]}",
            with: "packaging: {max-lifespan: 10y, rules: {slug-confusable: off}}")
        #expect(policies != RuleExampleRunner.standardPolicies)
        let code = "id: RET-EU-000%d\nslug: %@\nowner: retail-eu\nstatus: active\nname: a_b_c_d_e_v1\nlabels: {region: eu}\ntags: [box]\ntarget: https://www.acme.example/%d\n"
        let repository = MemoryRepository(files: [
            "policies/example.yaml": policies,
            "codes/a.yaml": String(format: code, 1, "promo-10", 1),
            "codes/b.yaml": String(format: code, 2, "promo-lo", 2) + configuration,
        ])
        let unconfigured = MemoryRepository(files: repository.files.mapValues { String(decoding: $0, as: UTF8.self) }
            .merging(["codes/b.yaml": String(format: code, 2, "promo-lo", 2)]) { $1 })
        // The configuration matters: without it the finding is an active warning.
        let plain = await LintPipeline.run(unconfigured, now: RuleExampleRunner.now, retention: .routing)
        let configured = await LintPipeline.run(repository, now: RuleExampleRunner.now, retention: .routing)
        func active(_ result: LintPipeline.Result) -> Int {
            result.diagnostics.filter { $0.ruleID == "slug-confusable" && $0.suppression == nil }.count
        }
        #expect(active(plain) == 1)
        #expect(active(configured) == 0)
        try await expectSameOutcome(repository, now: RuleExampleRunner.now, configuration)
    }

    private func expectSameOutcome(_ repository: some RepositorySource, now: Instant, _ what: String) async throws {
        let everything = await LintPipeline.run(repository, now: now, retention: .everything)
        let routing = await LintPipeline.run(repository, now: now, retention: .routing)
        #expect(routing.diagnostics == everything.diagnostics, "\(what)")
        #expect(TableCompiler.compile(routing.catalog) == TableCompiler.compile(everything.catalog), "\(what)")
        let planned = (routing: BuildPlanner.plan(routing.catalog), everything: BuildPlanner.plan(everything.catalog))
        #expect(planned.routing.diagnostics == planned.everything.diagnostics, "\(what)")
        #expect(planned.routing.codesByStatus == planned.everything.codesByStatus, "\(what)")
        #expect(planned.routing.printedCodes == planned.everything.printedCodes, "\(what)")
        func described(_ plan: BuildPlanner.Plan) -> [String] { plan.artwork.map { "\($0.codeID.value) \($0.payload) \($0.formats)" } }
        #expect(described(planned.routing) == described(planned.everything), "\(what)")
        // And the retention did forget: no code keeps a label.
        #expect(routing.catalog.codes.allSatisfy { $0.labels.isEmpty && $0.tags.isEmpty && $0.name == nil && $0.expect.isEmpty })
    }

    /// Examples mark the reported position with `↓`.
    private func unmarked(_ text: String) -> String { text.replacingOccurrences(of: "↓", with: "") }
}

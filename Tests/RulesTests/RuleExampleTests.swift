import Catalog
import Foundation
import Diagnostics
import Rules
import Testing

/// Every registered rule's examples, run as tests: triggering examples must produce a finding
/// of that rule exactly at the `↓`, non-triggering ones none at all.
@Suite("Rule examples are the tests")
struct RuleExampleTests {
    static let ruleIDs = RuleRegistry.all.map { $0.description.id }

    @Test(arguments: ruleIDs)
    func triggeringExamplesFireAtTheMarker(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(withID: id))
        #expect(!rule.description.triggering.isEmpty, "\(id) has no triggering example")
        for example in rule.description.triggering {
            let outcome = RuleExampleRunner.run(rule, example: example)
            #expect(outcome.exampleProblems.isEmpty, "\(id): the example itself is invalid: \(outcome.exampleProblems.map(\.message))")
            let marker = try #require(outcome.marker, "\(id): a triggering example needs a ↓ marker")
            #expect(outcome.findings.contains {
                $0.location.file == marker.file && $0.location.line == marker.line && $0.location.column == marker.column
            }, "\(id): expected a finding at \(marker.file):\(marker.line):\(marker.column), got \(outcome.findings.map { "\($0.location.line):\($0.location.column) \($0.message)" })")
            #expect(outcome.findings.allSatisfy { $0.severity == rule.description.descriptor.defaultSeverity || $0.suppression != nil },
                    "\(id): findings use the default severity")
        }
    }

    @Test(arguments: ruleIDs)
    func nonTriggeringExamplesAreClean(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(withID: id))
        #expect(!rule.description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in rule.description.nonTriggering {
            let outcome = RuleExampleRunner.run(rule, example: example)
            #expect(outcome.exampleProblems.isEmpty, "\(id): the example itself is invalid: \(outcome.exampleProblems.map(\.message))")
            #expect(outcome.findings.isEmpty, "\(id): unexpected \(outcome.findings.map(\.message))")
        }
    }
}

@Suite("Rule registry")
struct RuleRegistryTests {
    @Test func idsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.allDescriptors.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for id in ids {
            #expect(id.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleIsDocumented() {
        for descriptor in RuleRegistry.allDescriptors {
            #expect(!descriptor.name.isEmpty, "\(descriptor.id) has no name")
            #expect(descriptor.summary.count > 10, "\(descriptor.id) has no summary")
            #expect(descriptor.rationale.count > 40, "\(descriptor.id) has no rationale")
        }
    }
}

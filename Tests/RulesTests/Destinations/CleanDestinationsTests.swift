import Catalog
import Diagnostics
@testable import Rules
import Testing
import YAMLTree

/// The engine skips destinations that every destination rule already passed in the same
/// `checkCodes` call (`CleanDestinations`): the findings must be exactly those of running every
/// rule on every code, in the same order.
@Suite("Clean destinations are checked once")
struct CleanDestinationsTests {
    /// Repeated clean and reported destinations, the same text in two compliance categories
    /// (allowed in one, not in the other), and a split whose arms repeat the target.
    static let codes = """
        codes:
          - id: RET-EU-0001
            slug: a1
            owner: retail-eu
            status: active
            target: https://www.acme.example/a
            fallback: https://shop.example/x
          - id: RET-EU-0002
            slug: a2
            owner: retail-eu
            status: active
            target: https://www.acme.example/a
            fallback: https://shop.example/x
          - id: RET-EU-0003
            slug: a3
            owner: retail-eu
            status: active
            compliance: general
            target: https://shop.acme.example/a
            routes:
              - when: {device: [ios]}
                target: http://www.acme.example/b
          - id: RET-EU-0004
            slug: a4
            owner: retail-eu
            status: active
            compliance: alcohol
            target: https://shop.acme.example/a
            routes:
              - when: {device: [ios]}
                target: http://www.acme.example/b
              - split:
                  - {weight: 50, target: https://shop.acme.example/a}
                  - {weight: 50, target: https://www.acme.example/a}
          - id: RET-EU-0005
            slug: a5
            owner: retail-eu
            status: active
            compliance: general
            target: https://shop.acme.example/a
            fallback: https://shop.example/x

        """

    private static func decoded() throws -> (codes: [Code], context: RuleContext) {
        var files = FileTable()
        let policyID = files.add("policies/example.yaml")
        let codeID = files.add("codes/example.yaml")
        let policyDocument = try #require(YAMLLoader.load(DestinationHarness.policies, path: "policies/example.yaml", fileID: policyID).document)
        let (policies, policyProblems) = PolicyDecoder.decode([policyDocument], files: files)
        #expect(policyProblems.isEmpty)
        let codeDocument = try #require(YAMLLoader.load(codes, path: "codes/example.yaml", fileID: codeID).document)
        let (codes, problems) = CodeFileDecoder.decode(codeDocument, inherited: nil, files: files)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(codes.count == 5)
        return (codes, RuleContext(policies: policies, now: RuleExampleRunner.now))
    }

    @Test func findingsEqualRunningEveryRuleOnEveryCode() throws {
        let (codes, context) = try Self.decoded()
        let engine = RuleEngine()
        var expected: [Diagnostic] = []
        for code in codes {
            var findings: [Diagnostic] = []
            for rule in engine.rules { rule.check(code, context: context, into: &findings) }
            expected += findings.compactMap { engine.configure($0, code: code, context: context) }
        }
        let actual = engine.checkCodes(codes[...], context: context)
        #expect(actual == expected)
        // The repeated findings are all there: every occurrence of a reported destination.
        let lines = { (rule: String) in actual.filter { $0.ruleID == rule }.map(\.location.line) }
        #expect(lines("https-only") == [22, 31])
        #expect(lines("destination-allowed") == [7, 13, 28, 33, 41])
    }

    @Test func onlyUnreportedDestinationsAreRemembered() throws {
        let (codes, _) = try Self.decoded()
        var clean = CleanDestinations()
        let first = clean.unchecked(in: codes[0])
        #expect(first.map(\.text) == ["https://www.acme.example/a", "https://shop.example/x"])
        clean.record(first, reported: [false, true])
        #expect(clean.unchecked(in: codes[1]).map(\.text) == ["https://shop.example/x"])
        // Same text, other category: not vouched for.
        let general = clean.unchecked(in: codes[2])
        #expect(general.map(\.text) == ["https://shop.acme.example/a", "http://www.acme.example/b"])
        clean.record(general, reported: [false, true])
        let alcohol = clean.unchecked(in: codes[3])
        #expect(alcohol.map(\.text) == [
            "https://shop.acme.example/a", "http://www.acme.example/b", "https://shop.acme.example/a", "https://www.acme.example/a",
        ])
        #expect(alcohol.map(\.category) == Array(repeating: "alcohol", count: 4))
        #expect(clean.unchecked(in: codes[4]).map(\.text) == ["https://shop.example/x"])
    }
}

import Catalog
import Diagnostics
import Rules
import Testing

@Suite("Policy patterns: PCRE-style shorthands on POSIX regcomp")
struct CompiledPatternTests {
    private func pattern(_ source: String) throws -> CompiledPattern {
        try CompiledPattern.compile(source).get()
    }

    @Test(arguments: [
        // pattern, value, matches
        (#"^[A-Z]{3}-\d{4}$"#, "RET-0001", true),
        (#"^[A-Z]{3}-\d{4}$"#, "RET-001", false),
        (#"^[A-Z]{3}-\d{4}$"#, "xRET-0001", false),
        ("RET", "xRETx", true),                        // unanchored: anywhere
        ("^RET", "xRET", false),
        (#"^\w+$"#, "a_B9", true),
        (#"^\w+$"#, "a-b", false),
        (#"^a\sb$"#, "a b", true),
        (#"^a\sb$"#, "a\tb", true),
        (#"^\D+$"#, "abc", true),
        (#"^\D+$"#, "a1", false),
        (#"^\S+$"#, "a b", false),
        (#"^\W$"#, "-", true),
        (#"^[\d-]+$"#, "12-3", true),
        (#"^[\d-]+$"#, "12a", false),
        (#"^[\w.]+$"#, "a.b_c", true),
        (#"^[a\-z]$"#, "-", true),
        (#"^[a\-z]$"#, "b", false),
        (#"^[\]x]+$"#, "]x]", true),
        (#"^[^\d]+$"#, "abc", true),
        (#"^[^\d]+$"#, "ab1", false),
        (#"^[\^]$"#, "^", true),
        (#"^[[:alpha:]\d]+$"#, "ab12", true),
        (#"^a\.b$"#, "a.b", true),
        (#"^a\.b$"#, "axb", false),
        ("^[a-z0-9-]+(_[a-z0-9-]+){4,}_v[0-9]+$", "retail_eu_packaging_coffee-x1_setup_v2", true),
        ("^[a-z0-9-]+(_[a-z0-9-]+){4,}_v[0-9]+$", "retail_eu_packaging_v2", false),
    ])
    func matches(_ source: String, _ value: String, _ expected: Bool) throws {
        #expect(try pattern(source).matches(value) == expected, "\(source) on \(value)")
    }

    @Test func translationIsPOSIXExtended() throws {
        #expect(try pattern(#"^\d[\d\w]\s$"#).translated == "^[0-9][0-9A-Za-z0-9_][[:space:]]$")
        #expect(try pattern(#"[\-a\]]"#).translated == "[]a-]")
    }

    @Test(arguments: [
        ("^[A-Z", "a `[` is never closed"),
        (#"abc\"#, "the pattern ends with a lone `\\`"),
        (#"[\D]"#, "`\\D` inside `[...]` is not supported; write the class out"),
    ])
    func translationProblems(_ source: String, _ message: String) {
        guard case .failure(let problem) = CompiledPattern.compile(source) else {
            Issue.record("\(source) should not compile")
            return
        }
        #expect(problem.description == message)
    }

    @Test(arguments: ["a{2,1}", "(ab", "*a", "(?i)abc", "a{99999}"])
    func regcompProblemsAreReportedNotThrown(_ source: String) {
        guard case .failure(let problem) = CompiledPattern.compile(source) else {
            Issue.record("\(source) should not compile")
            return
        }
        #expect(!problem.description.isEmpty)
    }

    @Test func aValueWithNULNeverMatches() throws {
        #expect(try !pattern("^a").matches("a\u{0}b"))
        #expect(try pattern("^a").matches("ab"))
    }

    @Test func oneCompiledPatternIsSafeToShareAcrossThreads() async throws {
        let shared = try pattern(#"^[A-Z]{3}-[A-Z]{2}-\d{4}$"#)
        let results = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var count = 0
                    for index in 0..<5_000 {
                        let value = index % 2 == 0 ? "RET-EU-\(1000 + index % 9000)" : "ret-eu-\(task)"
                        if shared.matches(value) { count += 1 }
                    }
                    return count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: 2_500, count: 8))
    }

    @Test func anInvalidPatternIsReportedOnceAtThePolicyAndPerCodeChecksSkip() throws {
        let policies = """
            version: 1
            owners:
              retail-eu: {}
            naming:
              id: '^[A-Z]{3}-(\\d{4}$'
              name: '^[a-z_]+$'

            """
        let codes = """
            codes:
              - {id: RET-1, slug: a, owner: retail-eu, status: draft, name: Bad Name}
              - {id: RET-2, slug: b, owner: retail-eu, status: draft, name: good_name}

            """
        let run = GovernanceHarness.lint(codes, policies: policies)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.message))")
        let invalid = run.findings(of: SchemaRule.policyInvalid)
        #expect(invalid.count == 1)
        let first = try #require(invalid.first)
        #expect(first.location == SourceLocation(file: "policies/example.yaml", line: 5, column: 7))
        #expect(first.message.hasPrefix("`naming.id` is not a usable regular expression: "))
        #expect(run.findings(of: "id-convention").isEmpty)
        // The other, valid pattern still works.
        #expect(run.findings(of: "name-convention").map(\.location.line) == [2])
    }
}

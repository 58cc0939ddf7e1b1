import Catalog
import Diagnostics
import Routing

/// `expect-failed`: every `expect:` entry, run through the routing engine, gets what it says.
public struct ExpectFailedRule: Rule {
    public static let description = RuleDescription(
        id: "expect-failed",
        name: "Expectation failed",
        severity: .error,
        summary: "Each `expect:` entry simulates a scan with the routing engine; the scan must reach the entry's `target` (and `status` / `location` when given).",
        rationale: """
            Routing is code, and code needs tests. An `expect:` entry describes a scan (device or User-Agent, \
            language or Accept-Language, country, time, query, client) and where it must land. Lint and build run \
            each entry through the same routing engine as `qrops resolve` and the redirect table, so a route \
            reordered, a window mistyped or a fallback removed fails the pull request instead of a printed code. \
            `target` is compared with the chosen destination as written (before the scan's query and UTM \
            parameters), `location` with the exact Location header, `status` with the HTTP status. `at` defaults \
            to the time lint runs. A `draft` code is checked as the active code it will become.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {device: [android]}
                    target: https://play.google.com/store/apps/details?id=example
                expect:
                  - ↓when: {device: ios}
                    target: https://play.google.com/store/apps/details?id=example
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2027-01-01
                target: https://www.acme.example/x
                expect:
                  - ↓when: {at: 2027-06-01T00:00:00Z}
                    target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                utm: {source: qr}
                expect:
                  - ↓when: {}
                    target: https://www.acme.example/x
                    location: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                retire: 2027-01-01
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                utm: {source: qr, medium: packaging}
                routes:
                  - when: {device: [ios]}
                    target: https://apps.apple.com/app/id1
                  - when: {language: [fr], country: [FR, BE]}
                    target: https://www.acme.example/fr/x
                expect:
                  - when: {device: ios}
                    target: https://apps.apple.com/app/id1
                    location: https://apps.apple.com/app/id1?utm_source=qr&utm_medium=packaging
                    status: 302
                  - when: {accept-language: "fr-CH, en;q=0.5", country: BE}
                    target: https://www.acme.example/fr/x
                  - when: {language: fr, country: US}
                    target: https://www.acme.example/x
                  - when: {at: 2027-06-01T00:00:00Z}
                    target: https://www.acme.example/support
                """),
        ]
    )

    public init() {}

    /// The instants at which the routing of `entry` can change.
    static func transitions(of entry: TableCode) -> [Instant] {
        var seconds = [entry.launch, entry.retire].compactMap { $0 }
        for route in entry.routes {
            if let after = route.condition.after { seconds.append(after) }
            if let before = route.condition.before { seconds.append(before) }
        }
        return seconds.map(Instant.init(seconds:))
    }

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard !code.expect.isEmpty else { return }
        guard let (entry, domain) = TableCompiler.entry(for: code, policies: context.policies, draftAsActive: true) else { return }
        for expectation in code.expect {
            // Routing depends on the instant only through the code's launch, retirement and
            // route windows (an expectation with its own `at` not at all).
            let now = expectation.when.at?.value ?? context.now(comparedWith: Self.transitions(of: entry))
            let answer = Router.resolve(ScanRequest(expectation: expectation, code: entry, domain: domain, now: now), code: entry, domain: domain)
            var problems: [String] = []
            if answer.destination != expectation.target.value {
                problems.append("expected target \(expectation.target.value), got \(answer.destination ?? "no destination (404)")")
            }
            if let status = expectation.status, status.value != answer.status {
                problems.append("expected status \(status.value), got \(answer.status)")
            }
            if let location = expectation.exactLocation, location.value != answer.location {
                problems.append("expected Location \(location.value), got \(answer.location ?? "none (404)")")
            }
            guard !problems.isEmpty else { continue }
            findings.append(finding(
                problems.joined(separator: "; ") + " (\(answer.outcomeDescription))", at: expectation.location,
                notes: [DiagnosticNote("how the scan was routed: " + answer.trace.joined(separator: "; "), at: expectation.location)],
                hint: "`qrops resolve` replays a scan with its reasons; fix the routes or the expectation"))
        }
    }
}

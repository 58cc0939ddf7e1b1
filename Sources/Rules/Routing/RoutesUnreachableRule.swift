import Catalog
import Diagnostics
import Routing

/// `routes-unreachable`: no route is shadowed by an earlier one that matches every scan it would.
public struct RoutesUnreachableRule: Rule {
    public static let description = RuleDescription(
        id: "routes-unreachable",
        name: "Unreachable route",
        severity: .warning,
        summary: "A route that an earlier route always shadows (the earlier one matches every scan the later one would) can never be taken.",
        rationale: """
            Routes are tried in order and the first match wins. When an earlier route's conditions are the same \
            as, or looser than, a later route's (no conditions at all; `device: [mobile]` before `device: [ios]`; \
            `language: [fr, de]` before `language: [fr]`; a wider time window), the later route is dead: \
            whoever wrote it expected scans to reach it, and none will. Reorder the routes (specific first) or \
            delete the dead one.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {device: [mobile]}
                    target: https://www.acme.example/m
                  - ↓when: {device: [ios], language: [fr]}
                    target: https://apps.apple.com/app/id1
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - split:
                      - {weight: 50, target: https://www.acme.example/a}
                      - {weight: 50, target: https://www.acme.example/b}
                  - ↓when: {country: [FR]}
                    target: https://www.acme.example/fr
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {after: 2026-12-01T00:00:00Z}
                    target: https://www.acme.example/winter
                  - ↓when: {after: 2026-12-24T00:00:00Z, before: 2026-12-27T00:00:00Z}
                    target: https://www.acme.example/holiday
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {device: [ios], language: [fr]}
                    target: https://apps.apple.com/fr/app/id1
                  - when: {device: [mobile]}
                    target: https://www.acme.example/m
                  - when: {query: {src: print}}
                    target: https://www.acme.example/print
                  - when: {query: {src: "*"}, country: [FR]}
                    target: https://www.acme.example/any-src
                  - when: {after: 2026-12-24T00:00:00Z, before: 2026-12-27T00:00:00Z}
                    target: https://www.acme.example/holiday
                  - when: {after: 2026-12-01T00:00:00Z}
                    target: https://www.acme.example/winter
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard code.routes.count > 1 else { return }
        let conditions = code.routes.map { $0.when.map(TableCompiler.condition) ?? TableCondition() }
        for later in 1..<conditions.count {
            guard let earlier = (0..<later).first(where: { Self.covers(conditions[$0], conditions[later]) }) else { continue }
            let route = code.routes[later]
            let why = conditions[earlier].isAlways ? "it has no conditions" : "its conditions match every scan route \(later + 1)'s do"
            findings.append(finding(
                "route \(later + 1) is never taken: route \(earlier + 1) comes first and \(why)",
                at: route.location,
                notes: [DiagnosticNote("route \(earlier + 1) is here", at: code.routes[earlier].location)],
                hint: "put the more specific route first, or delete the dead one"))
        }
    }

    /// Whether every scan that matches `b` also matches `a`.
    static func covers(_ a: TableCondition, _ b: TableCondition) -> Bool {
        if !a.devices.isEmpty {
            guard !b.devices.isEmpty, b.devices.allSatisfy({ wanted in a.devices.contains { ClientDevice(kind: wanted).matches($0) } }) else { return false }
        }
        if !a.languages.isEmpty {
            guard !b.languages.isEmpty, b.languages.allSatisfy(a.languages.contains) else { return false }
        }
        if !a.countries.isEmpty {
            guard !b.countries.isEmpty, b.countries.allSatisfy(a.countries.contains) else { return false }
        }
        for wanted in a.query {
            guard b.query.contains(where: { $0.name == wanted.name && (wanted.value == nil || $0.value == wanted.value) }) else { return false }
        }
        if let after = a.after {
            guard let bAfter = b.after, bAfter >= after else { return false }
        }
        if let before = a.before {
            guard let bBefore = b.before, bBefore <= before else { return false }
        }
        return true
    }
}

import Catalog
import Diagnostics

/// `domain-changed`: a published code stays on its short domain.
public struct DomainChangedRule: Rule {
    public static let description = RuleDescription(
        id: "domain-changed",
        name: "Short domains never change",
        severity: .error,
        summary: "A code that has been published (any status but `draft` on the base) stays on its short domain: its own `domain:` or the policy's `default-domain`.",
        rationale: """
            The short domain is printed inside the QR symbol together with the slug. Moving a code to another \
            domain in the repository leaves every printed copy pointing at the old one, where the code no longer \
            exists. The domain that counts is the one the code is served on: its own `domain:`, or else the \
            policy's `default-domain`, so changing `default-domain` moves (and is reported for) every published \
            code that does not name its domain. Domains are compared without case.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                ↓domain: go.acme.example
                owner: retail-eu
                status: paused
                target: https://www.acme.example/x
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: paused
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                domain: qr.acme.example
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        let defaultChanged = base.base.policies.defaultDomain?.value.lowercased() != head.policies.defaultDomain?.value.lowercased()
        for (before, after) in base.pairs(in: head) where before.status.value.hasBeenPublished {
            if before === after, !defaultChanged || before.domain != nil { continue }
            let old = base.base.policies.domain(of: before) ?? "(none)"
            let new = head.policies.domain(of: after) ?? "(none)"
            guard old.lowercased() != new.lowercased() else { continue }
            let was = before.domain.map { base.location($0.location) }
                ?? base.base.policies.defaultDomain.map { base.location($0.location) }
            let notes = [DiagnosticNote("on \(base.ref) it is served on \(old)", at: was)]
            if let domain = after.domain {
                findings.append(BaseFinding(finding(
                    "`\(after.id.value)` moved from \(old) to \(new): the domain is printed in every copy of the code",
                    at: domain.keyOrValue, length: 6, notes: notes,
                    hint: "keep it on \(old) (`domain: \(old)`); to publish on \(new), add a new code"), about: after))
            } else {
                findings.append(BaseFinding(finding(
                    "`\(after.id.value)` moved from \(old) to \(new) because `default-domain` changed: the domain is printed in every copy of the code",
                    at: after.id.keyOrValue, length: 2, notes: notes,
                    hint: "give the code `domain: \(old)`, or keep `default-domain: \(old)` in policies/"), about: after))
            }
        }
    }
}

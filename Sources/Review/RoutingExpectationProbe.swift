import Catalog
import Routing

/// The precise probe: replays each of the base code's `expect:` entries through the routing
/// engine against the base code and the head code (each with its own side's policies, so a
/// domain fallback changed in policy counts too), and reports a change when any entry's status,
/// Location or chosen destination differs. Entries without `at` are evaluated at `now`.
public struct RoutingExpectationProbe: ExpectationProbe {
    public var now: Instant

    public init(now: Instant) {
        self.now = now
    }

    public func altersExpectations(base: Code, head: Code, changes: [FieldChange], basePolicies: Policies, headPolicies: Policies) -> Bool {
        guard !base.expect.isEmpty else { return false }
        guard let before = TableCompiler.entry(for: base, policies: basePolicies, draftAsActive: true) else { return false }
        guard let after = TableCompiler.entry(for: head, policies: headPolicies, draftAsActive: true) else { return true }
        for expectation in base.expect {
            let old = Router.resolve(ScanRequest(expectation: expectation, code: before.code, domain: before.domain, now: now), code: before.code, domain: before.domain)
            let new = Router.resolve(ScanRequest(expectation: expectation, code: after.code, domain: after.domain, now: now), code: after.code, domain: after.domain)
            if old.status != new.status || old.location != new.location || old.destination != new.destination { return true }
        }
        return false
    }
}

import Catalog

/// Decides whether a change alters what a code's existing `expect:` entries see: would any of
/// the base code's expectations now resolve to another status or Location? A change that does is
/// high risk in `qrops diff` (a routing test that passed on the base describes behaviour someone
/// relies on).
///
/// The precise answer needs the routing engine (evaluate each of the base code's expectations
/// against the head code); until it is wired in, `ConservativeExpectationProbe` answers from the
/// fields that routing depends on.
public protocol ExpectationProbe: Sendable {
    /// `changes` are the field changes between `base` and `head` (never empty).
    func altersExpectations(base: Code, head: Code, changes: [FieldChange], basePolicies: Policies, headPolicies: Policies) -> Bool
}

/// Conservative: any change to a field routing reads (target, routes, fallback, status, launch,
/// retire, redirect, forward-query, utm, domain, slug) of a code that has `expect:` entries on
/// the base counts as altering them. It never misses a real change, and may flag changes
/// that leave every expectation's outcome the same.
public struct ConservativeExpectationProbe: ExpectationProbe {
    public static let routingKeys: Set<String> = [
        "target", "routes", "fallback", "status", "launch", "retire", "redirect", "forward-query", "utm", "domain", "slug",
    ]

    public init() {}

    public func altersExpectations(base: Code, head: Code, changes: [FieldChange], basePolicies: Policies, headPolicies: Policies) -> Bool {
        !base.expect.isEmpty && changes.contains { Self.routingKeys.contains($0.key) }
    }
}

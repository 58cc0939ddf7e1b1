import Catalog

/// What rules may consult besides the code: the policies, and "now" (passed in, so rules stay
/// pure and tests are reproducible).
public struct RuleContext: Sendable {
    public var policies: Policies
    public var now: Instant

    public init(policies: Policies, now: Instant) {
        self.policies = policies
        self.now = now
    }
}

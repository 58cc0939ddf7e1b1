import Catalog

/// What rules may consult besides the code: the policies, "now" (passed in, so rules stay
/// pure and tests are reproducible), and policy data prepared once per run.
public struct RuleContext: Sendable {
    public var policies: Policies
    public var now: Instant
    public let naming: NamingPatterns
    public let destinations: DestinationIndex
    public let artwork: ArtworkPolicyValues
    public let requiredLabels: RequiredLabelIndex

    public init(policies: Policies, now: Instant) {
        self.policies = policies
        self.now = now
        naming = NamingPatterns(policies: policies)
        destinations = DestinationIndex(policies: policies)
        artwork = ArtworkPolicyValues(policies: policies)
        requiredLabels = RequiredLabelIndex(policies: policies)
    }
}

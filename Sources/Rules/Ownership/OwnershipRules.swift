extension RuleRegistry {
    /// The Ownership family, in documentation order.
    static let ownershipRules: [any Rule.Type] = [
        OwnerRequiredRule.self,
        OwnerUnknownRule.self,
        OwnerInactiveRule.self,
    ]
}

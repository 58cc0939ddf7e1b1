extension RuleRegistry {
    /// The Lifecycle family, in documentation order.
    static let lifecycleRules: [any Rule.Type] = [
        RetireRequiredRule.self,
        MaxLifespanRule.self,
        LaunchAfterRetireRule.self,
        RetiringSoonRule.self,
        ExpiredButActiveRule.self,
        FallbackRequiredRule.self,
    ]
}

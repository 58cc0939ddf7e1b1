extension RuleRegistry {
    /// The Suppressions family, in documentation order.
    static let suppressionRules: [any Rule.Type] = [
        SuppressionWithoutReasonRule.self,
        SuppressionExpiredRule.self,
        SuppressionUnknownRuleRule.self,
    ]
}

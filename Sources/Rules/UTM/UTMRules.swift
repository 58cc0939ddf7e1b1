extension RuleRegistry {
    /// The UTM family, in documentation order.
    static let utmRules: [any Rule.Type] = [
        UTMRequiredRule.self,
        UTMConflictRule.self,
    ]
}

extension RuleRegistry {
    /// The Naming family, in documentation order.
    static let namingRules: [any Rule.Type] = [
        IdConventionRule.self,
        NameConventionRule.self,
        SlugCharsetRule.self,
        SlugConfusableRule.self,
        ReservedSlugRule.self,
        PolicyUnknownRuleRule.self,
    ]
}

extension RuleRegistry {
    /// The Compliance family, in documentation order.
    static let complianceRules: [any Rule.Type] = [
        UseUnknownRule.self,
        ComplianceUnknownRule.self,
        RequiredLabelsRule.self,
    ]
}

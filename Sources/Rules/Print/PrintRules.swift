extension RuleRegistry {
    /// The Print family, in documentation order.
    static let printRules: [any Rule.Type] = [
        QuietZoneTooSmallRule.self,
        ModuleTooSmallRule.self,
        ScanDistanceRule.self,
        ContrastTooLowRule.self,
        InvertedColoursRule.self,
        LogoTooLargeRule.self,
    ]
}

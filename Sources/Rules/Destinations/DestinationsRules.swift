extension RuleRegistry {
    /// The Destinations family, in documentation order.
    static let destinationRules: [any Rule.Type] = [
        HTTPSOnlyRule.self,
        ForbiddenSchemeRule.self,
        UnsafeCharactersRule.self,
        DestinationUserinfoRule.self,
        IPLiteralDestinationRule.self,
        DestinationAllowedRule.self,
        LookalikeDomainRule.self,
        RedirectLoopRule.self,
        PIIInURLRule.self,
        DestinationTooLongRule.self,
    ]
}

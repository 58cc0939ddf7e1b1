extension RuleRegistry {
    /// The Routing family (rules that run the routing engine), in documentation order.
    static let routingRules: [any Rule.Type] = [
        ExpectFailedRule.self,
        RoutesUnreachableRule.self,
    ]
}

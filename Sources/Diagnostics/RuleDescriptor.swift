/// What a renderer (SARIF's `tool.driver.rules`, `qrops explain`) needs to know about a rule.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    /// A short PascalCase-free human name, e.g. "Destination must use HTTPS".
    public var name: String
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity

    public init(id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
    }
}

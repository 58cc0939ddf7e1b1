import Catalog

/// The labels each use case and compliance category requires, prepared once per run
/// (`RuleContext.requiredLabels`): looking them up in the policies copied the whole use case
/// or category for every code.
public struct RequiredLabelIndex: Sendable {
    let byUse: [String: [Located<String>]]
    let byCategory: [String: [Located<String>]]

    init(policies: Policies) {
        byUse = policies.useCases.compactMapValues { $0.requiredLabels.isEmpty ? nil : $0.requiredLabels }
        byCategory = policies.compliance.compactMapValues { $0.requiredLabels.isEmpty ? nil : $0.requiredLabels }
    }
}

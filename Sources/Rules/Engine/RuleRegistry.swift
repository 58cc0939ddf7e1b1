import Diagnostics

/// Every policy rule, explicitly. Adding a rule: write its file in the folder of its family,
/// then list it in that family's `...Rules` array (in `<Family>/<Family>Rules.swift`).
public enum RuleRegistry {
    public static let all: [any Rule.Type] =
        ownershipRules + lifecycleRules + destinationRules + complianceRules + namingRules + utmRules
        + routingRules + suppressionRules + printRules + baseRules

    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Descriptors for every id qrops can report: policy rules plus the loader's and decoder's.
    public static var allDescriptors: [RuleDescriptor] {
        all.map { $0.description.descriptor } + BuiltinChecks.descriptors
    }
}

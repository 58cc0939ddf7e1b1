import Diagnostics

/// Every policy rule, explicitly. Adding a rule: write its file, then add it here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        OwnerUnknownRule.self,
    ]

    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Descriptors for every id qrops can report: policy rules plus the loader's and decoder's.
    public static var allDescriptors: [RuleDescriptor] {
        all.map { $0.description.descriptor } + BuiltinChecks.descriptors
    }
}

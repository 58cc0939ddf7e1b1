import Diagnostics
import Rules
import Workspace

/// Every id qrops can report, for `qrops explain` and SARIF's rule list: the policy rules and
/// reading checks (`RuleRegistry`) plus the build's own checks.
enum KnownChecks {
    static var buildChecks: [RuleDescriptor] { BuildRule.descriptors }

    static var all: [RuleDescriptor] { RuleRegistry.allDescriptors + buildChecks }
}

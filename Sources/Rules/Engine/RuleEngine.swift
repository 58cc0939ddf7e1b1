import Catalog
import Diagnostics

/// Runs the registered rules over a catalog, then applies the policy's severities
/// (`rules:` globally, per use case, per compliance category: the most specific wins) and
/// each code's `ignore:` suppressions.
public struct RuleEngine: Sendable {
    public let rules: [any Rule]
    /// The ids of `rules`: only their findings are configured. Built-in checks a rule passes on
    /// (an invalid policy pattern is `policy-invalid`) keep their severity and cannot be suppressed.
    private let ruleIDs: Set<String>
    /// The destination rules among `rules`, and for each rule its index here or -1 (see `CleanDestinations`).
    let destinationRules: [any DestinationRule]
    let destinationSlots: [Int]

    /// Ids that `ignore:` cannot silence: the rules that keep suppressions honest.
    static let unsuppressible = Set(RuleRegistry.suppressionRules.map { $0.description.id })

    public init(rules: [any Rule.Type] = RuleRegistry.all) {
        self.rules = rules.map { $0.init() }
        (destinationRules, destinationSlots) = CleanDestinations.slots(self.rules)
        ruleIDs = Set(rules.map { $0.description.id })
    }

    /// Per-code checks for a slice of codes (callers parallelise over slices).
    public func checkCodes(_ codes: ArraySlice<Code>, context: RuleContext) -> [Diagnostic] {
        var output: [Diagnostic] = []
        var findings: [Diagnostic] = []
        var clean = CleanDestinations()
        for code in codes {
            findings.removeAll(keepingCapacity: true)
            check(code, context: context, clean: &clean, into: &findings)
            for finding in findings {
                if let adjusted = configure(finding, code: code, context: context) {
                    output.append(adjusted)
                }
            }
        }
        return output
    }

    /// Whole-catalog checks.
    public func checkCatalog(_ catalog: Catalog, context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in rules { rule.check(catalog, context: context, into: &findings) }
        guard !findings.isEmpty else { return [] }
        var byFile: [String: [Code]] = [:]
        for code in catalog.codes { byFile[code.file, default: []].append(code) }
        return findings.compactMap { finding in
            let code = byFile[finding.location.file]?.last { $0.location.line <= finding.location.line }
            return configure(finding, code: code, context: context)
        }
    }

    /// The rules that compare with the base of a pull request (`qrops lint --base`, `qrops diff`),
    /// configured like every other finding, for the code each finding is about.
    public func checkAgainstBase(_ base: BaseContext, head: Catalog, context: RuleContext) -> [Diagnostic] {
        var findings: [BaseFinding] = []
        for rule in rules { rule.check(against: base, head: head, context: context, into: &findings) }
        return findings.compactMap { configure($0.diagnostic, code: $0.code, context: context) }
    }

    /// The configured severity (nil when `off`), with a code's suppression applied. An `ignore:`
    /// entry suppresses only with a reason and before its `until` (the suppression rules report
    /// the others), and never a suppression rule's own finding.
    public func configure(_ finding: Diagnostic, code: Code?, context: RuleContext) -> Diagnostic? {
        let policies = context.policies
        let id = finding.ruleID
        guard ruleIDs.contains(id) else { return finding }
        var result = finding
        var setting = policies.rules[id]?.value
        if let use = code?.use?.value, let specific = policies.useCases[use]?.rules[id] { setting = specific.value }
        if let category = code?.compliance?.value, let specific = policies.compliance[category]?.rules[id] { setting = specific.value }
        switch setting {
        case .off: return nil
        case .error: result.severity = .error
        case .warning: result.severity = .warning
        case nil: break
        }
        if let code, !Self.unsuppressible.contains(id),
           let entry = code.ignore.first(where: { $0.rule.value == id && $0.suppresses(in: context) }), let reason = entry.reason {
            result.suppression = Suppression(reason: reason.value, until: entry.until?.value.dateString, at: entry.location)
        }
        return result
    }
}

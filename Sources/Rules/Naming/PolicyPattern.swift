import Catalog
import Diagnostics

/// One regular expression from the naming policy (`naming.name`, `naming.id`, `naming.slug`),
/// compiled once per run. `compiled` is nil when the pattern cannot be used; the rule that
/// owns the setting then reports `policy-invalid` once and skips its per-code check.
public struct PolicyPattern: Sendable {
    /// The setting's path in the policy, e.g. `naming.name`.
    public let setting: String
    public let source: Located<String>
    public let compiled: CompiledPattern?
    public let problem: String?

    public init(setting: String, source: Located<String>) {
        self.setting = setting
        self.source = source
        switch CompiledPattern.compile(source.value) {
        case .success(let pattern):
            compiled = pattern
            problem = nil
        case .failure(let failure):
            compiled = nil
            problem = failure.description
        }
    }

    /// The `policy-invalid` error for a pattern that does not compile, nil for a good one.
    public var invalidDiagnostic: Diagnostic? {
        guard let problem else { return nil }
        return Diagnostic(
            .error, SchemaRule.policyInvalid, "`\(setting)` is not a usable regular expression: \(problem)",
            at: source.location, length: source.value.unicodeScalars.count,
            hint: "patterns are POSIX extended regular expressions (plus `\\d`, `\\w`, `\\s`); anchor with `^...$` to match the whole value")
    }
}

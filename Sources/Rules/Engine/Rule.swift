import Catalog
import Diagnostics

/// A YAML example for a rule's documentation, run by the test suite. `code` is one code
/// (a mapping, as in a code file); a `↓` marks where the finding must land (it is removed
/// before parsing). `policies` replaces the standard example policies when given; a rule
/// about the policies themselves puts its `↓` there instead.
///
/// `base` is the same file on the base of a pull request (`qrops lint --base`, `qrops diff`):
/// rules that compare with the base need it. A `code` holding only comments means the file is
/// gone from the pull request. The `↓` may be in `base` for a finding about the base.
public struct RuleExample: Sendable {
    public var code: String
    public var policies: String?
    public var base: String?

    public init(_ code: String, policies: String? = nil, base: String? = nil) {
        self.code = code
        self.policies = policies
        self.base = base
    }
}

/// Everything `qrops explain` prints and the tests run.
public struct RuleDescription: Sendable {
    public var descriptor: RuleDescriptor
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(id: String, name: String, severity: Severity, summary: String, rationale: String,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        descriptor = RuleDescriptor(id: id, name: name, summary: summary, rationale: rationale, defaultSeverity: severity)
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public var id: String { descriptor.id }
}

/// A policy rule: one type, one file, one id. A rule reports with its default severity; the
/// engine applies the configured severity, `off`, and suppressions.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Checks one code. Most rules only need this.
    func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic])
    /// Checks the whole catalog at once (for rules that compare codes). `qrops lint` and
    /// `qrops build` have by then dropped each code's labels, tags, name, owner, change reason
    /// and expectations (`Code.forgetDescriptiveFields`): a rule that needs those checks them per
    /// code. The retention tests run every rule's examples both ways and compare.
    func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic])
    /// Compares the pull request's catalog with its base (rules in `Rules/Base/`; they run only
    /// with `qrops lint --base REF` and in `qrops diff`). Each finding names the code it is about,
    /// whose `ignore:` and per-category severities apply.
    func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding])
}

extension Rule {
    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {}
    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {}
    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {}

    /// A finding of this rule at its default severity.
    public func finding(_ message: String, at location: SourceLocation, length: Int = 1,
                        notes: [DiagnosticNote] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(Self.description.descriptor.defaultSeverity, Self.description.id, message, at: location,
                   length: length, notes: notes, hint: hint)
    }
}

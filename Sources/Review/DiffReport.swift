import Catalog
import Diagnostics

/// Everything `qrops diff` reports: the changed codes, and the findings that decide its exit
/// status (the base rules, and reading errors in the pull request). Renderers turn it into
/// markdown, JSON or terminal text.
public struct DiffReport: Sendable {
    /// The base as the user named it, and the commit that named.
    public var baseRef: String
    public var baseCommit: String
    /// Changed codes in report order (highest risk first, then id).
    public var changes: [CodeChange]
    /// Findings in report order; unsuppressed errors make `qrops diff` exit with 1.
    public var findings: [Diagnostic]
    /// Errors reading the base itself (at `REF:path`): its codes there are unknown to the diff.
    public var baseProblems: [Diagnostic]
    /// Files with uncommitted changes; they are part of what is compared.
    public var uncommitted: [String]
    /// Codes in the pull request.
    public var codeCount: Int

    public init(baseRef: String, baseCommit: String, changes: [CodeChange], findings: [Diagnostic],
                baseProblems: [Diagnostic] = [], uncommitted: [String] = [], codeCount: Int) {
        self.baseRef = baseRef
        self.baseCommit = baseCommit
        self.changes = changes
        self.findings = findings.sorted(by: Diagnostic.reportOrder)
        self.baseProblems = baseProblems.sorted(by: Diagnostic.reportOrder)
        self.uncommitted = uncommitted
        self.codeCount = codeCount
    }

    /// Compares two catalogs and assembles the report.
    public init(baseRef: String, baseCommit: String, base: Catalog, head: Catalog, findings: [Diagnostic],
                baseProblems: [Diagnostic] = [], uncommitted: [String] = [], incompleteHeadFiles: Set<String> = [],
                classifier: RiskClassifier = RiskClassifier()) {
        self.init(
            baseRef: baseRef, baseCommit: baseCommit,
            changes: CatalogDiff.compare(base: base, head: head, incompleteHeadFiles: incompleteHeadFiles, classifier: classifier),
            findings: findings, baseProblems: baseProblems, uncommitted: uncommitted, codeCount: head.codes.count)
    }

    public var shortCommit: String { String(baseCommit.prefix(12)) }

    public func count(_ risk: Risk) -> Int { changes.filter { $0.risk == risk }.count }
    public func count(_ kind: CodeChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }

    public var errorCount: Int { findings.errorCount }
    public var warningCount: Int { findings.warningCount }

    /// Whether `qrops diff` fails: an unsuppressed error among the findings.
    public var fails: Bool { findings.fails(strict: false) }
}

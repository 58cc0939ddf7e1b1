/// How bad a finding is. `error` fails `qrops lint`; `warning` fails it only with `--strict`.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A point in a source file. `line` and `column` are 1-based; a column counts Unicode scalars
/// (code points) from the start of the line, a tab counting as one, exactly as libyaml counts.
/// `line == 0` means "the file as a whole" (for example a file that cannot be read).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    // Stored as 32-bit numbers: a portfolio holds millions of locations.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The whole file, with no line.
    public static func file(_ path: String) -> SourceLocation { SourceLocation(file: path, line: 0, column: 0) }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A secondary message attached to a diagnostic, such as "first defined here".
public struct DiagnosticNote: Sendable, Hashable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// Why a finding was suppressed by a code's `ignore:` entry.
public struct Suppression: Sendable, Hashable {
    public var reason: String
    public var until: String?
    public var location: SourceLocation?

    public init(reason: String, until: String? = nil, at location: SourceLocation? = nil) {
        self.reason = reason
        self.until = until
        self.location = location
    }
}

/// One finding: a value, rendered separately by the renderers in this module.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    /// Stable kebab-case id, e.g. `https-only` or `yaml-syntax`.
    public var ruleID: String
    public var message: String
    public var location: SourceLocation
    /// How many columns the highlighted span covers on the primary line (at least 1).
    public var length: Int
    public var notes: [DiagnosticNote]
    public var hint: String?
    /// Set when a code's `ignore:` entry suppressed this finding; suppressed findings never fail a run.
    public var suppression: Suppression?

    public init(
        _ severity: Severity,
        _ ruleID: String,
        _ message: String,
        at location: SourceLocation,
        length: Int = 1,
        notes: [DiagnosticNote] = [],
        hint: String? = nil,
        suppression: Suppression? = nil
    ) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.notes = notes
        self.hint = hint
        self.suppression = suppression
    }

    public var isSuppressed: Bool { suppression != nil }

    /// Deterministic report order: file, line, column, rule id, message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any unsuppressed finding is at or above `threshold`.
    public func fails(strict: Bool) -> Bool {
        contains { !$0.isSuppressed && ($0.severity == .error || (strict && $0.severity == .warning)) }
    }

    public var errorCount: Int { filter { !$0.isSuppressed && $0.severity == .error }.count }
    public var warningCount: Int { filter { !$0.isSuppressed && $0.severity == .warning }.count }
}

/// A diagnostic can be thrown or carried in a `Result` by the I/O edges.
extension Diagnostic: Error {}

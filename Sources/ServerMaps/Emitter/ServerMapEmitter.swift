import Routing

/// One generated-config target (nginx, Caddy, ...): a pure function from the redirect table to
/// files under `build/<folder>/`, plus findings for what the target cannot express.
public protocol ServerMapEmitter: Sendable {
    /// The name used in `policies/` (`build: {targets: [...]}`) and the output folder.
    static var target: String { get }
    static func emit(_ table: RedirectTable, options: EmitOptions) -> EmitResult
}

public struct EmitOptions: Sendable, Hashable {
    /// The instant time-dependent behaviour is compiled as of (seconds since 1970, UTC).
    public var at: Int64

    public init(at: Int64) {
        self.at = at
    }
}

/// A file an emitter writes, relative to the build folder (`nginx/redirects.map`).
public struct EmittedFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Something a target cannot express or refuses to write. The build turns it into a located
/// diagnostic at the code (found by `codeID`) naming the target.
public struct EmitterFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// A stable kebab-case id, e.g. `target-cannot-express`, `target-line-too-long`.
    public var rule: String
    public var target: String
    /// The code concerned; nil for a finding about the whole output.
    public var codeID: String?
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, rule: String, target: String, codeID: String?, message: String, hint: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.target = target
        self.codeID = codeID
        self.message = message
        self.hint = hint
    }
}

public struct EmitResult: Sendable, Hashable {
    /// In a deterministic order.
    public var files: [EmittedFile]
    public var findings: [EmitterFinding]

    public init(files: [EmittedFile] = [], findings: [EmitterFinding] = []) {
        self.files = files
        self.findings = findings
    }
}

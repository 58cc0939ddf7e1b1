import Catalog
import Diagnostics

/// Where a portfolio's files come from: the disk (`DiskRepository`), memory (tests), or
/// later git objects. The pipeline only lists and reads through this.
public protocol RepositorySource: Sendable {
    /// Every file under `codes/` and `policies/`, relative, `/`-separated.
    func list() -> RepositoryListing
    func read(_ path: String) -> Result<[UInt8], Diagnostic>
    /// `read`, with the SHA-256 of the bytes (a source that hashes what it reads anyway,
    /// `DigestingSource`, gives its own rather than hash twice).
    func readDigested(_ path: String) -> Result<(bytes: [UInt8], digest: SHA256.Digest), Diagnostic>
}

extension RepositorySource {
    public func readDigested(_ path: String) -> Result<(bytes: [UInt8], digest: SHA256.Digest), Diagnostic> {
        read(path).map { ($0, SHA256.hash($0)) }
    }
}

/// The files of a portfolio, classified, in byte order.
public struct RepositoryListing: Sendable {
    public var policies: [String] = []
    public var defaults: [String] = []
    public var codes: [String] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// Classifies paths: `policies/*.yaml` (top level only), `codes/**/_defaults.yaml`, and
    /// every other `codes/**/*.yaml`. Hidden files and folders are skipped.
    public init(paths: [String], hasPolicies: Bool, hasCodes: Bool) {
        for path in paths.sorted(by: Self.byteOrder) {
            let parts = path.split(separator: "/")
            guard parts.count >= 2, let name = parts.last, Self.isYAML(name),
                  !parts.contains(where: { $0.hasPrefix(".") }) else { continue }
            if parts[0] == "policies", parts.count == 2 {
                policies.append(path)
            } else if parts[0] == "codes" {
                if name == "_defaults.yaml" || name == "_defaults.yml" { defaults.append(path) } else { codes.append(path) }
            }
        }
        if !hasPolicies {
            diagnostics.append(Diagnostic(
                .error, SchemaRule.noPolicies, "there is no `policies/` folder", at: .file("policies/"),
                hint: "a portfolio needs policies (at least owners); see docs/repository-format.md"))
        }
        if !hasCodes {
            diagnostics.append(Diagnostic(
                .error, SchemaRule.noCodes, "there is no `codes/` folder", at: .file("codes/"),
                hint: "is this the repository root? pass its path: `qrops lint PATH`"))
        }
    }

    public static func isYAML(_ name: Substring) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// Sorting by UTF-8 bytes, the same on every machine and locale.
    public static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    public var count: Int { policies.count + defaults.count + codes.count }
}

/// An in-memory portfolio (tests, and anything already holding the bytes).
public struct MemoryRepository: RepositorySource {
    public var files: [String: [UInt8]]

    public init(files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        files = bytes
    }

    public func list() -> RepositoryListing {
        RepositoryListing(
            paths: Array(files.keys),
            hasPolicies: files.keys.contains { $0.hasPrefix("policies/") },
            hasCodes: files.keys.contains { $0.hasPrefix("codes/") })
    }

    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        guard let bytes = files[path] else {
            return .failure(Diagnostic(.error, SchemaRule.fileUnreadable, "cannot read \(path): no such file", at: .file(path)))
        }
        return .success(bytes)
    }
}

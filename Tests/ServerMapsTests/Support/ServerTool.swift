import Foundation
import Testing

/// External programs the real-server tests need. Installed by `scripts/install-deps.sh`; in CI
/// (`CI=true`) a missing one fails the test, locally it skips it with a message.
enum ServerTool {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The executable's URL, found on PATH (and the sbin folders, where Debian puts servers).
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether a test needing `name` should run: always in CI (where a missing tool then fails
    /// the test), locally only when the tool is installed.
    static func shouldRun(_ name: String) -> Bool {
        isCI || find(name) != nil
    }

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed (CI=\(ServerTool.isCI)); run scripts/install-deps.sh" }
    }

    static func require(_ name: String) throws -> URL {
        guard let url = find(name) else { throw Missing(name: name) }
        return url
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `tool` is installed, or always in CI (where its absence fails the test).
    static func serverTool(_ tool: String) -> Self {
        .enabled(
            if: ServerTool.shouldRun(tool),
            "\(tool) is not installed: skipped locally (CI=true makes this a failure); run scripts/install-deps.sh")
    }
}

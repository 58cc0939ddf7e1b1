import Foundation

/// A real git repository in a temporary folder, for the tests of `qrops diff`, `lint --base`
/// and `history`. Commits get fixed names and dates (one minute apart), so commit ids are the
/// same on every run and machine. git runs without the user's or the system's configuration.
public final class GitFixture: @unchecked Sendable {
    public let root: String
    private var clock: Int = 1_767_225_600  // 2026-01-01T00:00:00Z

    public init(_ name: String = "repo", objectFormat: String = "sha1") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrops-git-\(UUID().uuidString)").appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main", "--object-format=" + objectFormat)
    }

    /// Wraps an existing folder (a clone made by `git(...)` in another fixture).
    public init(existing root: String) {
        self.root = root
    }

    deinit {
        // The fixture's parent is the unique temporary folder.
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: root).deletingLastPathComponent().path)
    }

    /// The environment every git of the tests runs with (also passed to qrops).
    public static let environment: [String: String] = [
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Ada Author",
        "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Author",
        "GIT_COMMITTER_EMAIL": "ada@example.com",
        "LC_ALL": "C",
    ]

    public func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Copies a folder of files (e.g. a fixture's `base/`) over the work tree, replacing
    /// `codes/` and `policies/` entirely.
    public func replaceContents(with folder: String) throws {
        for name in ["codes", "policies"] { try? FileManager.default.removeItem(atPath: root + "/" + name) }
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            try write(relative, try String(contentsOfFile: folder + "/" + relative, encoding: .utf8))
        }
    }

    /// Stages everything and commits with the next fixed date; returns the commit id.
    @discardableResult
    public func commit(_ message: String, author: String = "Ada Author", email: String = "ada@example.com") throws -> String {
        try git("add", "-A")
        clock += 60
        let date = "@\(clock) +0000"
        try git("commit", "-q", "--allow-empty", "-m", message, environment: [
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        ])
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository; throws with git's stderr when it fails.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try Self.run(arguments, in: root, environment: environment)
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in Self.environment { env[key] = value }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errorBox.data = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let errData = errorBox.data
        guard process.terminationStatus == 0 else {
            throw Failure(message: "git \(arguments.joined(separator: " ")): " + String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

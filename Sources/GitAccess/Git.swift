import Foundation

/// Runs the `git` command line (`git -C DIRECTORY ...`): the one way qrops talks to git.
///
/// Every call starts one process with a fixed environment (`LC_ALL=C`, no prompts, no pager, no
/// optional locks, and without `GIT_DIR`-style variables that would override `-C`), feeds it
/// `input` and collects stdout and stderr concurrently, so that neither pipe can fill up and
/// block the child.
public struct Git: Sendable {
    /// The folder `-C` points at.
    public let directory: String
    /// The `git` executable found on `PATH`.
    public let executable: String

    public init(directory: String) throws(GitError) {
        self.directory = directory
        guard let found = Self.locate() else { throw GitError.gitNotFound }
        executable = found
    }

    /// The outcome of one git command.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
    }

    /// Runs git and returns its output whatever the exit status.
    public func capture(_ arguments: [String], input: [UInt8]? = nil) throws(GitError) -> Output {
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR"] {
            environment.removeValue(forKey: name)
        }
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GitError.commandFailed(command: Self.describe(arguments), status: -1, message: "cannot start \(executable): \(error)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        let errorHandle = stderr.fileHandleForReading
        group.enter()
        DispatchQueue.global().async {
            collected.setStderr(errorHandle.readDataToEndOfFile())
            group.leave()
        }
        if let stdin, let input {
            let handle = stdin.fileHandleForWriting
            group.enter()
            DispatchQueue.global().async {
                // git may exit before reading everything (a bad argument): EPIPE is not our error.
                try? handle.write(contentsOf: input)
                try? handle.close()
                group.leave()
            }
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: [UInt8](out),
                      stderr: String(decoding: collected.stderr, as: UTF8.self))
    }

    /// Runs git and returns stdout; a non-zero exit becomes a `GitError` that says what went wrong.
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws(GitError) -> [UInt8] {
        let output = try capture(arguments, input: input)
        guard output.status == 0 else {
            throw GitError.classify(command: Self.describe(arguments), status: output.status, stderr: output.stderr, directory: directory)
        }
        return output.stdout
    }

    /// `run` with stdout as text (without a final newline).
    public func text(_ arguments: [String]) throws(GitError) -> String {
        var text = String(decoding: try run(arguments), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    static func describe(_ arguments: [String]) -> String {
        (["git"] + arguments.prefix(4)).joined(separator: " ") + (arguments.count > 4 ? " ..." : "")
    }

    /// `git` on `PATH`, as a shell would find it.
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Writing to a git that has already exited must fail with EPIPE, not kill qrops.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
}

/// stderr, filled by a background reader.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var error = Data()

    func setStderr(_ data: Data) {
        lock.lock()
        error = data
        lock.unlock()
    }

    var stderr: Data {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}

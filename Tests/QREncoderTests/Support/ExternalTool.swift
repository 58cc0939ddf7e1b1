import Foundation
import Testing

/// Finding and running the real programs the tests compare against (ZXingReader, zbarimg,
/// qrencode, python3). A missing tool is a test failure, never a skip: they are installed by
/// scripts/install-deps.sh, and CI (CI=true) must not pass without them.
enum ExternalTool {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The executable's path on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The executable's path, recording a test failure when it is missing.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let path = find(name) { return path }
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        Issue.record("\(name) not found on PATH\(ci ? " (CI=true)" : ""); install it with scripts/install-deps.sh",
                     sourceLocation: sourceLocation)
        return nil
    }

    /// Runs a program to completion, feeding `input` on stdin, and returns its output.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read stderr on another thread so neither pipe can fill up and block the program.
        let errorData = LockedData()
        let errorRead = DispatchSemaphore(value: 0)
        let errorHandle = stderr.fileHandleForReading
        DispatchQueue.global().async {
            errorData.set(errorHandle.readDataToEndOfFile())
            errorRead.signal()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        return Output(status: process.terminationStatus, stdout: outData, stderr: errorData.value)
    }

    /// `run` off the caller's thread, for running several programs at once.
    static func runDetached(_ executable: String, _ arguments: [String]) async throws -> Output {
        try await Task.detached { try run(executable, arguments) }.value
    }
}

/// A Data slot written by one thread and read by another.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

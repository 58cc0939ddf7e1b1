#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A server running in the foreground for one test, with its output in files in its temp
/// folder. Use `ServerProcess.with(...)`: it stops the server whatever the body does (SIGTERM,
/// then SIGKILL after a grace period), so no test leaves a server behind.
final class ServerProcess: @unchecked Sendable {
    let name: String
    let port: Int
    let process: Process
    let logURL: URL

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private init(name: String, port: Int, process: Process, logURL: URL) {
        self.name = name
        self.port = port
        self.process = process
        self.logURL = logURL
    }

    /// Everything the server printed so far (stdout and stderr).
    var log: String {
        String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self)
    }

    /// Starts `executable arguments`, waits until 127.0.0.1:`port` accepts connections, runs
    /// `body`, and stops the server.
    static func with<T: Sendable>(
        _ name: String, executable: URL, arguments: [String], environment: [String: String] = [:],
        directory: URL, port: Int, readiness: TimeInterval = 60,
        _ body: (ServerProcess) async throws -> T
    ) async throws -> T {
        let server = try start(name, executable: executable, arguments: arguments, environment: environment, directory: directory, port: port)
        do {
            try await server.waitUntilReady(timeout: readiness)
            let result = try await body(server)
            server.stop()
            return result
        } catch {
            server.stop()
            throw error
        }
    }

    static func start(_ name: String, executable: URL, arguments: [String], environment: [String: String],
                      directory: URL, port: Int) throws -> ServerProcess {
        let logURL = directory.appendingPathComponent("\(name)-run.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return ServerProcess(name: name, port: port, process: process, logURL: logURL)
    }

    /// Polls every 50 ms until the port accepts. Gives up only after `timeout` seconds of wall
    /// time AND as many polls as that would take: when the whole test suite runs in parallel on a
    /// small machine, this task may not be scheduled for a long while, and that is not the
    /// server's fault.
    func waitUntilReady(timeout: TimeInterval) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        let polls = Int(timeout * 20)
        var attempt = 0
        while attempt < polls || Date() < deadline {
            attempt += 1
            guard process.isRunning else {
                throw Failure(description: "\(name) exited with status \(process.terminationStatus) before accepting connections:\n\(log)")
            }
            if LoopbackSocket.isAccepting(port: port) { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw Failure(description: "\(name) did not accept connections on port \(port) within \(Int(timeout)) s:\n\(log)")
    }

    /// SIGTERM, then SIGKILL if it has not exited after five seconds. Idempotent.
    func stop() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs a program to completion (a config check), returning its status and combined output.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL) throws -> (status: Int32, output: String) {
        let logURL = directory.appendingPathComponent(".check-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logURL) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self))
    }
}

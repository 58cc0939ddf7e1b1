import Foundation
import Testing

/// A command-line program the tests need (decoders, rasterisers). A missing tool is a test
/// failure, never a skip: they are installed by `scripts/install-deps.sh`, and CI sets CI=true.
struct ExternalTool: Sendable {
    let name: String
    let url: URL

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String {
            let ci = ProcessInfo.processInfo.environment["CI"] == "true" ? " (CI=true)" : ""
            return "\(name) is not installed\(ci); run scripts/install-deps.sh"
        }
    }

    struct Output: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    /// Finds `name` on PATH or throws `Missing`.
    static func find(_ name: String) throws -> ExternalTool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ExternalTool(name: name, url: candidate)
            }
        }
        throw Missing(name: name)
    }

    /// Runs the tool to completion; output goes through temporary files so a chatty tool can
    /// never block on a full pipe.
    func run(_ arguments: [String], in directory: URL) async throws -> Output {
        let token = UUID().uuidString
        let outURL = directory.appendingPathComponent(".\(name)-\(token).out")
        let errURL = directory.appendingPathComponent(".\(name)-\(token).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let stdout = (try? Data(contentsOf: outURL)) ?? Data()
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Output(status: status, stdout: stdout, stderr: stderr)
    }
}

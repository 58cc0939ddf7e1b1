import Foundation
import Routing
import ServerMaps

/// One configured, running server: emitted files written to a temp folder, the server's own
/// config check passed without a warning, the server started on a free loopback port. The
/// folder and the process are gone when `with` returns, whatever happened.
enum ServerSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func with<T: Sendable>(_ server: ServerUnderTest, emitted: EmitResult, _ body: (_ port: Int) async throws -> T) async throws -> T {
        let executable = try ServerTool.require(server.tool)
        let directory = try TemporaryDirectory(server.name)
        defer { directory.remove() }
        var lastError: (any Error)?
        // A free port can be taken between our probe and the server's bind: try again then.
        for _ in 1...3 {
            let port = try LoopbackSocket.freePort()
            let launch = try server.configure(emitted, directory.url, port, executable)
            try check(server, launch, executable: executable, directory: directory.url)
            do {
                return try await ServerProcess.with(
                    server.name, executable: executable, arguments: launch.runArguments, environment: launch.environment,
                    directory: directory.url, port: port
                ) { _ in try await body(port) }
            } catch let error as ServerProcess.Failure where error.description.contains("in use") {
                lastError = error
            }
        }
        throw lastError ?? Failure(description: "\(server.name) could not be started")
    }

    /// The server's own configuration check must pass and print no warning.
    static func check(_ server: ServerUnderTest, _ launch: ServerLaunch, executable: URL, directory: URL) throws {
        guard let arguments = launch.checkArguments else { return }
        let (status, output) = try ServerProcess.run(executable, arguments, environment: launch.environment, in: directory)
        guard status == 0 else {
            throw Failure(description: "\(server.name) config check (\(arguments.joined(separator: " "))) failed with status \(status):\n\(output)")
        }
        let warnings = output.split(separator: "\n").filter { line in
            let lower = line.lowercased()
            return (lower.contains("warn") || lower.contains("[alert]") || lower.contains("[emerg]"))
                && !launch.tolerated.contains { line.contains($0) }
        }
        guard warnings.isEmpty else {
            throw Failure(description: "\(server.name) config check printed warnings:\n" + warnings.joined(separator: "\n"))
        }
    }
}

import Foundation
import Routing
import ServerMaps

extension ServerUnderTest {
    /// Caddy 2.6+: the emitted `caddy/qrops.caddy` imported in a plain-HTTP site on the port,
    /// with the admin API off and Caddy's storage in the temp folder.
    static let caddy = ServerUnderTest(
        name: "caddy", tool: "caddy",
        emit: { CaddyEmitter.emit($0, options: $1) },
        configure: { emitted, directory, port, _ in
            try EmittedFiles.write(emitted.files, into: directory)
            let caddyfile = """
                {
                \tadmin off
                \tauto_https off
                \thttp_port \(port)
                \tstorage file_system \(directory.appendingPathComponent("caddy-data").path)
                }

                http://:\(port) {
                \tbind 127.0.0.1
                \timport caddy/qrops.caddy
                }

                """
            try Data(caddyfile.utf8).write(to: directory.appendingPathComponent("Caddyfile"))
            let environment = [
                "XDG_CONFIG_HOME": directory.appendingPathComponent("caddy-config").path,
                "XDG_DATA_HOME": directory.appendingPathComponent("caddy-data").path,
                "HOME": directory.path,
            ]
            return ServerLaunch(
                checkArguments: ["validate", "--config", "Caddyfile", "--adapter", "caddyfile"],
                runArguments: ["run", "--config", "Caddyfile", "--adapter", "caddyfile"],
                // The test site is plain HTTP on purpose (no certificates on loopback).
                tolerated: ["automatic HTTPS is completely disabled"],
                environment: environment)
        },
        splitsMatchEngine: false)
}

/// Writes emitted files under a folder (the harness's `configure` gets a plain URL).
enum EmittedFiles {
    static func write(_ files: [EmittedFile], into directory: URL) throws {
        for file in files {
            let target = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: target)
        }
    }
}

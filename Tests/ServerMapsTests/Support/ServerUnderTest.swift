// The real-server harness: every emitter is proven against the web server that loads its output.
//
// HOW TO ADD A SERVER (Caddy, Apache, ...), in three steps:
//   1. In a new file `Support/<Name>Server.swift`, add a `static let <name> = ServerUnderTest(...)`
//      in an `extension ServerUnderTest`: its `tool` (the executable looked up on PATH), `emit` (your
//      emitter), and `configure`, which writes the emitted files plus a minimal main config around
//      them into the temp folder it is given (listening on 127.0.0.1:<port>, pid/log/temp files in
//      that folder, foreground, no root needed) and returns the `ServerLaunch`: the arguments of the
//      server's own config check (`nginx -t`, `haproxy -c`) and of the foreground run.
//   2. Add it to `ServerUnderTest.all` below (the injection test runs every server in that list).
//   3. Add a test file that calls the shared checks, for example:
//
//        @Suite struct CaddyServerTests {
//            @Test(.serverTool("caddy")) func answersEveryVector() async throws {
//                try await VectorReplay.checkAllVectors(on: .caddy)
//            }
//        }
//
// The harness starts the server on a free loopback port, waits until it accepts connections,
// replays the vectors with a raw HTTP/1.1 client (bound to the vector's `client` address, so
// splits see that address), compares status and Location byte for byte with the engine, and stops
// the server whatever happens. A missing tool fails the test when CI=true and skips it otherwise.
import Foundation
import Routing
import ServerMaps

/// A real web server the generated configuration is tested against.
struct ServerUnderTest: Sendable, CustomStringConvertible {
    /// `nginx`, `haproxy`, `caddy`, `apache`: also the emitter's target name.
    var name: String
    /// The executable (found on PATH).
    var tool: String
    var emit: @Sendable (RedirectTable, EmitOptions) -> EmitResult
    /// Writes `emitted` and a main config into `directory` for a server on 127.0.0.1:`port`.
    var configure: @Sendable (_ emitted: EmitResult, _ directory: URL, _ port: Int, _ executable: URL) throws -> ServerLaunch
    /// Whether the server picks split arms exactly as the engine (MurmurHash2 of
    /// `"<client address>:<code id>"`). When false (the emitter reports a finding for each split),
    /// a split vector passes when the server answers with any one of the split's arms.
    var splitsMatchEngine: Bool = true
    /// Vectors the server is documented to answer differently (docs/servers/<name>.md), by
    /// vector name: the answer it must give instead, and why.
    var divergences: [String: Divergence] = [:]

    var description: String { name }

    /// Every server the shared tests (vectors, injection corpus) run against.
    static let all: [ServerUnderTest] = [.nginx, .haproxy, .caddy, .apache]
}

/// A documented difference from the engine on one vector: the server must answer exactly this.
struct Divergence: Sendable {
    var status: Int
    var location: String?
    var reason: String
}

/// How to check and run a configured server.
struct ServerLaunch: Sendable {
    /// The config check (`-t`, `-c`); nil when the server has none.
    var checkArguments: [String]?
    /// Runs the server in the foreground.
    var runArguments: [String]
    /// Lines of the check's output that are acceptable even though they mention a warning
    /// (nothing by default: a warning fails the check).
    var tolerated: [String] = []
    var environment: [String: String] = [:]
}

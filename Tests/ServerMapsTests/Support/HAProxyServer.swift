import Foundation
import ServerMaps

extension ServerUnderTest {
    /// HAProxy in the foreground (`-db`), the generated folder installed as `qrops/` next to the
    /// main config, which sends every request to the generated backend.
    static let haproxy = ServerUnderTest(
        name: "haproxy", tool: "haproxy",
        emit: { HAProxyEmitter.emit($0, options: $1) },
        configure: { emitted, directory, port, _ in
            try TemporaryDirectory.write(emitted.files, into: directory, replacingPrefix: "haproxy/", with: "qrops/")
            let config = """
                global
                    maxconn 256
                    pidfile \(directory.path)/haproxy.pid

                defaults
                    mode http
                    timeout connect 5s
                    timeout client 10s
                    timeout server 10s

                frontend short_domains
                    bind 127.0.0.1:\(port)
                    default_backend \(HAProxyEmitter.backend)

                """
            try Data(config.utf8).write(to: directory.appendingPathComponent("haproxy.cfg"))
            let files = ["-f", directory.path + "/haproxy.cfg", "-f", directory.path + "/qrops/qrops.cfg"]
            return ServerLaunch(checkArguments: ["-c"] + files, runArguments: files + ["-db"])
        },
        splitsMatchEngine: false,
        divergences: [
            "forwarded query: raw UTF-8 is encoded": Divergence(
                status: 400, location: nil,
                reason: "HAProxy refuses raw non-ASCII bytes in the request line with 400 before any rule runs (browsers always percent-encode them)"),
        ])
}

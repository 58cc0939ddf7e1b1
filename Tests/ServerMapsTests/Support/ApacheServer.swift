#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Routing
import ServerMaps

extension ServerUnderTest {
    /// Apache httpd 2.4 reading the RewriteMap as text (`codes.txt`).
    static let apache = ApacheHarness.server(name: "apache", dbm: false)
    /// The same with the map turned into `codes.db` by the emitted `make-dbm.sh` (the real
    /// httxt2dbm), as large portfolios run it.
    static let apacheDBM = ApacheHarness.server(name: "apache-dbm", dbm: true)
}

/// A self-contained httpd config around the emitted `apache/qrops.conf`: the modules it needs,
/// one `<VirtualHost>` on the port, every runtime file in the temp folder, foreground (`-X`).
enum ApacheHarness {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let moduleFolders = ["/usr/lib/apache2/modules", "/usr/lib64/httpd/modules", "/usr/lib/httpd/modules", "/usr/libexec/apache2"]

    static func server(name: String, dbm: Bool) -> ServerUnderTest {
        ServerUnderTest(
            name: name, tool: "apache2",
            emit: { ApacheEmitter.emit($0, options: $1) },
            configure: { emitted, directory, port, _ in
                try EmittedFiles.write(emitted.files, into: directory)
                let apacheFolder = directory.appendingPathComponent("apache")
                if dbm { try makeDBM(in: apacheFolder) }
                let config = try mainConfig(directory: directory, port: port, dbm: dbm)
                try Data(config.utf8).write(to: directory.appendingPathComponent("httpd.conf"))
                let file = directory.appendingPathComponent("httpd.conf").path
                return ServerLaunch(checkArguments: ["-t", "-f", file], runArguments: ["-X", "-f", file])
            },
            splitsMatchEngine: false)
    }

    static func mainConfig(directory: URL, port: Int, dbm: Bool) throws -> String {
        guard let modules = moduleFolders.first(where: { FileManager.default.fileExists(atPath: $0 + "/mod_rewrite.so") }) else {
            throw Failure(description: "no Apache module folder with mod_rewrite.so in \(moduleFolders)")
        }
        let root = directory.path
        // As root, httpd switches to an unprivileged user for its workers: the temp folder is
        // world-readable, so `nobody` can read the maps.
        let user = getuid() == 0 ? "User nobody\nGroup nogroup\n" : ""
        return """
            ServerRoot "\(root)"
            Listen 127.0.0.1:\(port)
            PidFile "\(root)/httpd.pid"
            ErrorLog "\(root)/error.log"
            LogLevel warn
            Mutex file:\(root) default
            ServerName localhost
            \(user)LoadModule mpm_event_module \(modules)/mod_mpm_event.so
            LoadModule authz_core_module \(modules)/mod_authz_core.so
            LoadModule rewrite_module \(modules)/mod_rewrite.so
            LoadModule headers_module \(modules)/mod_headers.so
            Define QROPS_APACHE "\(root)/apache"
            \(dbm ? "Define QROPS_APACHE_DBM\n" : "")<VirtualHost 127.0.0.1:\(port)>
                Include "${QROPS_APACHE}/qrops.conf"
            </VirtualHost>

            """
    }

    /// Runs the emitted `make-dbm.sh` (which runs httxt2dbm).
    static func makeDBM(in folder: URL) throws {
        let script = folder.appendingPathComponent("make-dbm.sh")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        let (status, output) = try ServerProcess.run(URL(fileURLWithPath: "/bin/sh"), [script.path], environment: environment, in: folder)
        guard status == 0, FileManager.default.fileExists(atPath: folder.appendingPathComponent("codes.db").path) else {
            throw Failure(description: "make-dbm.sh failed with status \(status):\n\(output)")
        }
    }
}

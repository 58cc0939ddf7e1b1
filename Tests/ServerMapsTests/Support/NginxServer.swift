import Foundation
import ServerMaps

extension ServerUnderTest {
    /// nginx in the foreground (`-g 'daemon off;'`) with its prefix, pid, logs and temp paths in
    /// the test's folder; the generated folder is installed as `<conf dir>/qrops/`.
    static let nginx = ServerUnderTest(
        name: "nginx", tool: "nginx",
        emit: { NginxEmitter.emit($0, options: $1) },
        configure: { emitted, directory, port, _ in
            let root = directory.path
            try TemporaryDirectory.write(emitted.files, into: directory, replacingPrefix: "nginx/", with: NginxEmitter.installFolder + "/")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            let config = """
                worker_processes 1;
                pid \(root)/nginx.pid;
                error_log \(root)/error.log warn;
                events { worker_connections 256; }
                http {
                    include \(NginxEmitter.installFolder)/qrops-http.conf;
                    access_log off;
                    client_body_temp_path \(root)/tmp/body;
                    proxy_temp_path \(root)/tmp/proxy;
                    fastcgi_temp_path \(root)/tmp/fastcgi;
                    uwsgi_temp_path \(root)/tmp/uwsgi;
                    scgi_temp_path \(root)/tmp/scgi;
                    server {
                        listen 127.0.0.1:\(port) default_server;
                        server_name _;
                        include \(NginxEmitter.installFolder)/qrops-server.conf;
                    }
                }

                """
            try Data(config.utf8).write(to: directory.appendingPathComponent("nginx.conf"))
            let common = ["-p", root + "/", "-c", root + "/nginx.conf", "-e", root + "/error.log"]
            return ServerLaunch(checkArguments: ["-t"] + common, runArguments: common + ["-g", "daemon off;"])
        })
}

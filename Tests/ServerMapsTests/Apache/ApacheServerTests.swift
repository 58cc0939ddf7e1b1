import Foundation
import Routing
import ServerMaps
import Testing

/// Apache httpd loaded with the generated config answers the shared vectors like the engine,
/// with the map read as text and as a DBM file made by the real httxt2dbm, and `apache2 -t`
/// passes without a warning.
@Suite struct ApacheServerTests {
    @Test(.serverTool("apache2")) func answersEveryVectorFromTheTextMap() async throws {
        try await VectorReplay.checkAllVectors(on: .apache)
    }

    @Test(.serverTool("apache2"), .serverTool("httxt2dbm")) func answersEveryVectorFromTheDBMMap() async throws {
        try await VectorReplay.checkAllVectors(on: .apacheDBM)
    }

    /// mod_rewrite reads map lines through a 1024-byte buffer: a line of exactly 1024 bytes
    /// works (in both map forms), a longer one is refused with a finding and left out.
    @Test(.serverTool("apache2"), .serverTool("httxt2dbm"), arguments: [false, true])
    func mapLinesUpToTheLimitWork(dbm: Bool) async throws {
        let host = "qr.limit.example"
        let key = host + "/long"
        func destination(lineBytes: Int) -> String {
            // `key 302||<destination>||`
            let fixed = key.utf8.count + 1 + "302||".utf8.count + "||".utf8.count
            let base = "https://www.limit.example/"
            return base + String(repeating: "a", count: lineBytes - fixed - base.utf8.count)
        }
        let fits = destination(lineBytes: 1024)
        let domain = TableDomain(host: host, notFound: "https://www.limit.example/unknown")
        var table = RedirectTable(domains: [domain], codes: [
            TableCode(id: "LIM-1", domain: host, slug: "long", state: .active, target: fits),
            TableCode(id: "LIM-2", domain: host, slug: "short", state: .active, target: "https://www.limit.example/short"),
        ])
        let emitted = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.isEmpty)
        let mapText = String(decoding: emitted.files.first { $0.path == "apache/codes.txt" }?.bytes ?? [], as: UTF8.self)
        #expect(mapText.split(separator: "\n").map(\.utf8.count).max() == 1024)
        let probes = ["/long", "/short", "/longer"].map { path in
            let answer = Router.resolve(ScanRequest(host: host, path: path, at: 0), in: TableIndex(table))
            return VectorReplay.Probe(name: path, host: host, target: Array(path.utf8), headers: [], client: "127.0.0.1", accepted: [(answer.status, answer.location)])
        }
        let mismatches = try await ServerSession.with(dbm ? .apacheDBM : .apache, emitted: emitted) { port in
            try VectorReplay.replay(probes, port: port)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")

        table.codes[0].target = destination(lineBytes: 1025)
        let refused = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(refused.findings.map(\.rule) == ["target-line-too-long"])
        #expect(refused.findings.first?.codeID == "LIM-1")
        let refusedMap = String(decoding: refused.files.first { $0.path == "apache/codes.txt" }?.bytes ?? [], as: UTF8.self)
        #expect(!refusedMap.contains(key + " "))
    }
}

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
    /// works (in both map forms); a longer answer is written into qrops.conf instead (with `%`
    /// escaped, the query still forwarded) and answered exactly; a route's answer that long is
    /// refused with a finding.
    @Test(.serverTool("apache2"), .serverTool("httxt2dbm"), arguments: [false, true])
    func answersTooLongForAMapLineStillWork(dbm: Bool) async throws {
        let host = "qr.limit.example"
        func destination(lineBytes: Int, key: String) -> String {
            // `host/key 302||<destination>||`
            let fixed = (host + "/" + key).utf8.count + 1 + "302||".utf8.count + "||".utf8.count
            let base = "https://www.limit.example/"
            return base + String(repeating: "a", count: lineBytes - fixed - base.utf8.count)
        }
        let long = "https://www.limit.example/%41%20b?x=" + String(repeating: "y", count: 1500) + "#f"
        let domain = TableDomain(host: host, notFound: "https://www.limit.example/unknown")
        let table = RedirectTable(domains: [domain], codes: [
            TableCode(id: "LIM-1", domain: host, slug: "fits", state: .active, target: destination(lineBytes: 1024, key: "fits")),
            TableCode(id: "LIM-2", domain: host, slug: "long", state: .active, target: long, forwardQuery: true),
            TableCode(id: "LIM-3", domain: host, slug: "routed", state: .active, target: "https://www.limit.example/r", routes: [
                TableRoute(condition: TableCondition(countries: ["FR"]), outcome: .target(long)),
            ]),
            TableCode(id: "LIM-4", domain: host, slug: "short", state: .active, target: "https://www.limit.example/short"),
        ])
        let emitted = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.map(\.rule) == ["target-line-too-long"] && emitted.findings.first?.codeID == "LIM-3")
        let mapText = String(decoding: emitted.files.first { $0.path == "apache/codes.txt" }?.bytes ?? [], as: UTF8.self)
        let conf = String(decoding: emitted.files.first { $0.path == "apache/qrops.conf" }?.bytes ?? [], as: UTF8.self)
        #expect(mapText.split(separator: "\n").map(\.utf8.count).max() == 1024)
        #expect(!mapText.contains(host + "/long ") && conf.contains("=\(host)/long"))
        // The refused code is not served (it answers not-found), so it is not probed.
        let probes = ["/fits", "/long", "/long?a=%7C|b", "/short", "/missing"].map { target in
            let request = ScanRequest(url: "https://" + host + target, at: 0)
            let answer = request.map { Router.resolve($0, in: TableIndex(table)) }
            return VectorReplay.Probe(name: target, host: host, target: Array(target.utf8), headers: [], client: "127.0.0.1",
                                      accepted: [(answer?.status ?? 0, answer?.location)])
        }
        let mismatches = try await ServerSession.with(dbm ? .apacheDBM : .apache, emitted: emitted) { port in
            try VectorReplay.replay(probes, port: port)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
    /// Splits keep their weights and are sticky per client address (MD5 of
    /// `<client address>:<code id>` instead of the engine's MurmurHash2): each of 120 clients gets
    /// the same arm on every scan, both arms are used, about in the ratio of the weights.
    @Test(.serverTool("apache2")) func splitsAreStickyPerClientWithTheirWeights() async throws {
        let host = "qr.split.example"
        let table = RedirectTable(domains: [TableDomain(host: host)], codes: [
            TableCode(id: "SPLIT-1", domain: host, slug: "ab", state: .active, target: "https://www.split.example/default", routes: [
                TableRoute(condition: TableCondition(), outcome: .split([
                    TableSplitArm(weight: 1, target: "https://www.split.example/a"), TableSplitArm(weight: 3, target: "https://www.split.example/b"),
                ])),
            ]),
        ])
        let emitted = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.map(\.rule) == ["target-split-not-engine"])
        let clients = (1...120).map { "127.0.\($0 / 100).\($0 % 100 + 1)" }
        let arms = try await ServerSession.with(.apache, emitted: emitted) { port in
            try clients.map { client in
                let answers = try (1...2).map { _ in
                    try RawHTTPClient.get(port: port, target: Array("/ab".utf8), host: host, headers: [], from: client).location
                        .map { String(decoding: $0, as: UTF8.self) }
                }
                return answers
            }
        }
        #expect(arms.allSatisfy { $0[0] == $0[1] }, "a client got two different arms")
        let a = arms.filter { $0[0] == "https://www.split.example/a" }.count
        let b = arms.filter { $0[0] == "https://www.split.example/b" }.count
        #expect(a + b == clients.count)
        #expect((15...45).contains(a), "arm a (weight 1 of 4) got \(a) of \(clients.count) clients")
    }
}

import Foundation
import Routing
import ServerMaps
import Testing

/// The map hash sizes hold beyond the fixture: a synthetic table of 30,000 codes loads into the
/// real nginx without the "could not build optimal map_hash" warning (`ServerSession` fails on
/// any warning of `nginx -t`), and nginx's own size search (as simulated) succeeds on its first
/// try for the largest map. 1,000,000 codes: `Benchmarks/servers/run.sh`.
@Suite struct NginxScaleTests {
    static func table(_ count: Int) -> RedirectTable {
        let domain = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr")
        let codes = (0..<count).map { index in
            TableCode(id: "S-\(index)", domain: domain.host, slug: "s" + String(index * 7919 + 100_000, radix: 36), state: .active,
                      target: "https://www.acme.example/p/\(index)")
        }.sorted { $0.slug < $1.slug }
        return RedirectTable(domains: [domain], codes: codes)
    }

    @Test func sizesLetNginxBuildTheLargestMapOnItsFirstTry() throws {
        var keys = NginxHashSizing.Keys()
        for code in Self.table(50_000).codes { keys.add(code.domain + "/" + code.slug) }
        let sizing = try #require(NginxHashSizing.compute([keys]))
        let chosen = try #require(NginxHashSizing.nginxSize(for: keys, maxSize: sizing.maxSize, bucket: sizing.bucketSize))
        #expect(chosen == sizing.maxSize - 1000, "nginx would search \(chosen - (sizing.maxSize - 1000)) sizes")
        #expect(sizing.bucketSize <= 256, "buckets of \(sizing.bucketSize) bytes make lookups scan many keys")
        #expect(sizing.maxSize <= 4 * 50_000 + 1000)
    }

    @Test(.serverTool("nginx")) func thirtyThousandCodesLoadWithoutWarning() async throws {
        let table = Self.table(30_000)
        let emitted = NginxEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.isEmpty)
        let probes = [0, 12_345, 29_999].map { index in
            let code = table.codes[index]
            return VectorReplay.Probe(name: code.slug, host: code.domain, target: Array("/\(code.slug.uppercased())".utf8), headers: [],
                                      client: "127.0.0.1", accepted: [(302, code.target)])
        }
        let mismatches = try await ServerSession.with(.nginx, emitted: emitted) { port in try VectorReplay.replay(probes, port: port) }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}

import Foundation
import Routing
import ServerMaps
import Testing

/// The Apache files' text: golden files, and destinations kept out of the rules file.
@Suite struct ApacheEmitterTests {
    @Test func matchesGoldenFiles() async throws {
        try EmitterGolden.check(try await EmitterGolden.fixtureResult(ApacheEmitter.emit), target: "apache")
    }

    /// Destinations only ever appear in the map (whose values mod_rewrite does not expand),
    /// never in `qrops.conf` (where `$1`, `%{VAR}`, `${map:x}` and `${DEFINE}` would expand).
    @Test func destinationsOnlyInTheMap() async throws {
        let result = try await EmitterGolden.fixtureResult(ApacheEmitter.emit)
        let conf = String(decoding: result.files.first { $0.path == "apache/qrops.conf" }?.bytes ?? [], as: UTF8.self)
        let map = String(decoding: result.files.first { $0.path == "apache/codes.txt" }?.bytes ?? [], as: UTF8.self)
        #expect(!conf.contains("https://"))
        #expect(map.contains("https://www.acme.example/plain"))
    }

    /// Whitespace, controls and `|` (the map's field separator) are refused, never written.
    @Test(arguments: ["https://x.example/a b", "https://x.example/a\tb", "https://x.example/a\nqr.example/evil 302||https://evil.example||",
                      "https://x.example/a|b", "https://x.example/a\u{1}b"])
    func refusesValuesTheMapCannotHold(_ destination: String) {
        let table = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "BAD-1", domain: "qr.example", slug: "bad", state: .active, target: destination),
        ])
        let result = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(result.findings.map(\.rule) == ["target-unsafe-value"])
        let map = String(decoding: result.files.first { $0.path == "apache/codes.txt" }?.bytes ?? [], as: UTF8.self)
        #expect(!map.contains("evil") && !map.contains("qr.example/bad"))
        #expect(map.split(separator: "\n").allSatisfy { $0.hasPrefix("#") || $0.split(separator: " ").count == 2 })
    }

    /// The emitted script builds the DBM file with the real httxt2dbm, and leaves no temp file.
    @Test(.serverTool("httxt2dbm")) func makeDBMScriptBuildsTheMap() throws {
        let table = SyntheticPortfolio.table(count: 200)
        let result = ApacheEmitter.emit(table, options: EmitOptions(at: 0))
        let directory = try TemporaryDirectory("apache-dbm")
        defer { directory.remove() }
        try directory.write(result.files)
        let folder = directory.url.appendingPathComponent("apache")
        try ApacheHarness.makeDBM(in: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["codes.db", "codes.txt", "make-dbm.sh", "qrops.conf"])
    }
}

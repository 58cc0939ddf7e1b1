import Routing
import ServerMaps
import Testing

/// A portfolio without codes (or with only unknown hosts) still gives a configuration each
/// server loads without warning, and every scan gets 404.
@Suite struct EmptyTableTests {
    @Test(.enabled(if: [ServerUnderTest.nginx, .haproxy].allSatisfy { ServerTool.shouldRun($0.tool) }, "nginx or haproxy is not installed: skipped locally"),
          arguments: [ServerUnderTest.nginx, .haproxy])
    func emptyTableLoadsAndAnswers404(_ server: ServerUnderTest) async throws {
        let emitted = server.emit(RedirectTable(domains: [], codes: []), EmitOptions(at: 0))
        #expect(emitted.findings.isEmpty)
        let probe = VectorReplay.Probe(name: "anything", host: "qr.acme.example", target: Array("/cx1?a=1".utf8), headers: [],
                                       client: "127.0.0.1", accepted: [(404, nil)], cacheControl: "no-store", vary: [])
        let mismatches = try await ServerSession.with(server, emitted: emitted) { port in try VectorReplay.replay([probe], port: port) }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}

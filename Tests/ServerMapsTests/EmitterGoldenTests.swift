import Foundation
import Routing
import ServerMaps
import Testing

/// Every file the nginx and HAProxy emitters write for the fixture portfolio, as of the
/// vectors' instant, byte for byte (`Golden/<target>/`). The output is deterministic: emitting
/// twice gives the same bytes.
@Suite struct EmitterGoldenTests {
    static func fixture() async throws -> (RedirectTable, Int64) {
        let vectors = try RoutingVectors.load()
        let at = RoutingVectors.byInstant(vectors).first?.at ?? 0
        return (try await FixturePortfolio.table(now: at), at)
    }

    static func check(_ emitter: any ServerMapEmitter.Type) async throws {
        let (table, at) = try await fixture()
        let result = emitter.emit(table, options: EmitOptions(at: at))
        #expect(result == emitter.emit(table, options: EmitOptions(at: at)), "\(emitter.target) output is not deterministic")
        #expect(!result.files.isEmpty)
        for file in result.files {
            #expect(file.path.hasPrefix(emitter.target + "/"))
            GoldenFiles.check(file.bytes, named: file.path)
        }
        let findings = result.findings.map { "\($0.severity.rawValue) \($0.rule) \($0.codeID ?? "-"): \($0.message)" }.joined(separator: "\n")
        GoldenFiles.check(Array((findings.isEmpty ? "" : findings + "\n").utf8), named: "\(emitter.target)/findings.txt")
    }

    @Test func nginx() async throws { try await Self.check(NginxEmitter.self) }
    @Test func haproxy() async throws { try await Self.check(HAProxyEmitter.self) }

    /// The registry lists each emitter once, under its own target name.
    @Test func registryListsMineByTarget() {
        #expect(emitter(forTarget: "nginx") == NginxEmitter.self)
        #expect(emitter(forTarget: "haproxy") == HAProxyEmitter.self)
        let targets = allEmitters.map { $0.target }
        #expect(Set(targets).count == targets.count)
    }
}

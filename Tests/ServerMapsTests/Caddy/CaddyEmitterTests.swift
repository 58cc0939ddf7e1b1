import Foundation
import Routing
@testable import ServerMaps
import Testing

/// The Caddy config's text: golden file, and the properties that keep it safe and fast.
@Suite struct CaddyEmitterTests {
    @Test func matchesGoldenFiles() async throws {
        try EmitterGolden.check(try await EmitterGolden.fixtureResult(CaddyEmitter.emit), target: "caddy")
    }

    /// `{`, `}`, quotes, backslashes, backticks and whitespace never reach the file: such
    /// destinations and slugs are refused with an error finding naming the code.
    @Test(arguments: ["https://x.example/{http.request.header.Cookie}", "https://x.example/{$HOME}", "https://x.example/a\"b",
                      "https://x.example/a\\b", "https://x.example/a`b", "https://x.example/a b", "https://x.example/a\nb", "https://x.example/}"])
    func refusesValuesCaddyWouldExpand(_ destination: String) {
        let table = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "BAD-1", domain: "qr.example", slug: "bad", state: .active, target: destination),
            TableCode(id: "OK-1", domain: "qr.example", slug: "ok", state: .active, target: "https://x.example/ok"),
        ])
        let result = CaddyEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(result.findings.map(\.rule) == ["target-unsafe-value"])
        #expect(result.findings.first?.codeID == "BAD-1" && result.findings.first?.severity == .error)
        let text = String(decoding: result.files[0].bytes, as: UTF8.self)
        #expect(!text.contains("/bad"))
        #expect(text.contains("\"/ok\""))
    }

    /// A single large domain becomes a tree: no map is longer than a leaf, and every code is in
    /// exactly one map.
    @Test func shardsLargeDomains() {
        let table = SyntheticPortfolio.table(count: 5000)
        let text = String(decoding: CaddyEmitter.emit(table, options: EmitOptions(at: 0)).files[0].bytes, as: UTF8.self)
        #expect(CaddyOutputShape.largestMap(text) <= CaddyEmitter.leafCapacity)
        for code in table.codes.prefix(200) {
            let entries = text.components(separatedBy: "\t\"/\(code.slug)\" ").count - 1
            #expect(entries == 1, "\(code.slug) appears in \(entries) maps")
        }
    }

    /// Splits cannot be hashed like nginx does: the largest arm answers, with a warning.
    @Test func splitBecomesItsLargestArmWithAWarning() {
        let table = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "AB-1", domain: "qr.example", slug: "ab", state: .active, target: "https://x.example/ab", routes: [
                TableRoute(condition: TableCondition(), outcome: .split([
                    TableSplitArm(weight: 1, target: "https://x.example/a"), TableSplitArm(weight: 3, target: "https://x.example/b"),
                ])),
            ]),
        ])
        let result = CaddyEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(result.findings.map(\.rule) == ["target-split-not-engine"])
        #expect(result.findings.first?.severity == .warning && result.findings.first?.codeID == "AB-1")
        let text = String(decoding: result.files[0].bytes, as: UTF8.self)
        #expect(text.contains("\"/ab\" \"302||https://x.example/b\""))
    }
}

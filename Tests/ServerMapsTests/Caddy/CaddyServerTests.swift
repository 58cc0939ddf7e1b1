import Foundation
import Routing
@testable import ServerMaps
import Testing

/// Caddy loaded with the generated config answers the shared vectors like the engine, and its
/// own check (`caddy validate`) passes without a warning.
@Suite struct CaddyServerTests {
    @Test(.serverTool("caddy")) func answersEveryVector() async throws {
        try await VectorReplay.checkAllVectors(on: .caddy)
    }

    /// The prefix tree at work: a portfolio far above one leaf's capacity, every code found
    /// (early and late in the sort order, slugs that share long prefixes, upper-case scans),
    /// and unknown slugs next to real ones still not found.
    @Test(.serverTool("caddy")) func findsEveryCodeOfAShardedPortfolio() async throws {
        let table = SyntheticPortfolio.table(count: 4000)
        let emitted = CaddyEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.isEmpty)
        let text = String(decoding: emitted.files[0].bytes, as: UTF8.self)
        #expect(CaddyOutputShape.largestMap(text) <= CaddyEmitter.leafCapacity, "a leaf map holds more codes than the tree allows")
        #expect(text.components(separatedBy: "map {vars.qrops_key}").count > 4, "the portfolio should need several leaves")
        let probes = SyntheticPortfolio.probes(table, sample: 200)
        let mismatches = try await ServerSession.with(.caddy, emitted: emitted) { port in
            try VectorReplay.replay(probes, port: port)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

/// Facts about an emitted Caddyfile.
enum CaddyOutputShape {
    /// The number of entries in the largest `map` block (the default line excluded).
    static func largestMap(_ text: String) -> Int {
        var largest = 0
        var current: Int?
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("map {vars.qrops_key") {
                current = 0
            } else if current != nil, trimmed == "}" {
                largest = max(largest, current ?? 0)
                current = nil
            } else if current != nil, !trimmed.hasPrefix("default ") {
                current? += 1
            }
        }
        return largest
    }
}

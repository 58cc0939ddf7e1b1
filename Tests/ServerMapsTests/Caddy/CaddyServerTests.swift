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

extension CaddyServerTests {
    /// Codes whose routes test the language wait for the language step and are looked up again
    /// in a tree of their own: a portfolio of several leaves where every third code routes on
    /// the language (some also on the device), others on the device only (answered before the
    /// step), plus slugs outside the tree's characters, answers like the engine for scans with
    /// and without Accept-Language.
    @Test(.serverTool("caddy")) func routesOnTheLanguageAcrossTheTree() async throws {
        var table = SyntheticPortfolio.table(count: 3000)
        for index in table.codes.indices {
            let base = "https://www.scale.example/r/\(table.codes[index].slug)"
            switch index % 3 {
            case 0:
                table.codes[index].routes = [
                    TableRoute(condition: TableCondition(devices: [.android], languages: ["pt"]), outcome: .target(base + "/android-pt")),
                    TableRoute(condition: TableCondition(languages: ["fr"]), outcome: .target(base + "/fr")),
                    TableRoute(condition: TableCondition(languages: index % 2 == 0 ? ["de", "es"] : ["es"]), outcome: .target(base + "/de-es")),
                ]
            case 1 where index % 2 == 0:
                table.codes[index].routes = [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target(base + "/ios"))]
            default:
                break
            }
        }
        for number in 0..<3 {
            table.codes.append(TableCode(id: "ODD-\(number)", domain: SyntheticPortfolio.host, slug: "caf\u{E9}-\(number)", state: .active,
                                         target: "https://www.scale.example/odd/\(number)", routes: [
                                             TableRoute(condition: TableCondition(languages: ["fr"]), outcome: .target("https://www.scale.example/odd/\(number)/fr")),
                                         ]))
        }
        let emitted = CaddyEmitter.emit(table, options: EmitOptions(at: 0))
        #expect(emitted.findings.isEmpty)
        let text = String(decoding: emitted.files[0].bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "map {vars.qrops_key}").count > 3, "the portfolio should need several leaves")
        let afterLanguage = text.components(separatedBy: "route @qrops_language").last ?? ""
        #expect(afterLanguage.components(separatedBy: "handle").count > 10, "the codes on the language should need several leaves of their own")
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
        let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
        let scans: [(userAgent: String?, language: String?)] = [
            (nil, "fr-CA,en;q=0.5"), (iPhone, "en;q=0.9, es"), (android, "pt-BR, fr;q=0.9"), (iPhone, "pt-BR"), (nil, nil), (nil, "de;q=0, fr;q=0"),
        ]
        let index = TableIndex(table)
        var probes: [VectorReplay.Probe] = []
        for (offset, code) in table.codes.enumerated() where offset % 37 == 0 || offset >= table.codes.count - 5 {
            let path = "/" + (code.slug.unicodeScalars.allSatisfy(\.isASCII) ? code.slug : code.slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? code.slug)
            for scan in scans {
                var request = ScanRequest(host: SyntheticPortfolio.host, path: path, at: 0)
                request.userAgent = scan.userAgent
                request.acceptLanguage = scan.language
                let answer = Router.resolve(request, in: index)
                var headers: [(String, String)] = []
                if let userAgent = scan.userAgent { headers.append(("User-Agent", userAgent)) }
                if let language = scan.language { headers.append(("Accept-Language", language)) }
                probes.append(VectorReplay.Probe(name: "\(path) \(scan.language ?? "-")", host: SyntheticPortfolio.host, target: Array(path.utf8),
                                                 headers: headers, client: "127.0.0.1", accepted: [(answer.status, answer.location)],
                                                 cacheControl: answer.cacheControl, vary: answer.vary))
            }
        }
        let reached = Set(probes.compactMap { probe in probe.accepted.first?.location?.split(separator: "/").last.map(String.init) })
        #expect(reached.isSuperset(of: ["fr", "de-es", "android-pt", "ios"]), "the probes should reach every kind of route: \(reached.filter { !$0.contains("?") }.sorted())")
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

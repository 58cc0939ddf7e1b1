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

    /// The preferred language is worked out once per scan: each language's CEL (several KB)
    /// is written once however many codes and domains route on it, and the routes test the
    /// variable (a regression wrote the CEL into every route: 255 MB at 100,000 codes).
    @Test func writesEachLanguageExpressionOnce() throws {
        let domains = [TableDomain(host: "qr.example"), TableDomain(host: "go.example", caseSensitiveSlugs: true)]
        var codes: [TableCode] = []
        for domain in domains {
            for number in 1...50 {
                codes.append(TableCode(id: "\(domain.host)-\(number)", domain: domain.host, slug: "c\(number)", state: .active, target: "https://x.example/\(number)", routes: [
                    TableRoute(condition: TableCondition(languages: ["fr"]), outcome: .target("https://x.example/fr/\(number)")),
                    TableRoute(condition: TableCondition(devices: [.ios], languages: number.isMultiple(of: 2) ? ["DE", "fr"] : ["fr"]), outcome: .target("https://x.example/ios/\(number)")),
                ]))
            }
        }
        let result = CaddyEmitter.emit(RedirectTable(domains: domains, codes: codes), options: EmitOptions(at: 0))
        #expect(result.findings.isEmpty)
        let text = String(decoding: result.files[0].bytes, as: UTF8.self)
        let french = try #require(AcceptLanguageCEL.prefers(["fr"]))
        let german = try #require(AcceptLanguageCEL.prefers(["de"]))
        #expect(Self.count(french, in: text) == 1)
        #expect(Self.count(german, in: text) == 1)
        #expect(Self.count("expression `", in: text) == 2, "one CEL per distinct language, nothing else")
        #expect(Self.count("@qrops_lang_fr expression", in: text) == 1 && Self.count("vars @qrops_lang_fr qrops_language fr", in: text) == 1)
        #expect(Self.count("vars {vars.qrops_language} fr\n", in: text) == 100)
        #expect(Self.count("vars_regexp {vars.qrops_language} ^(?:fr)$\n", in: text) == 50)
        #expect(Self.count("vars_regexp {vars.qrops_language} ^(?:de|fr)$\n", in: text) == 50)
        #expect(text.count < 100_000, "\(text.count) bytes for 100 small codes (the CEL in each route: over 1 MB)")
    }

    /// Without routes on the language there is no language step at all.
    @Test func noLanguageStepWithoutLanguageRoutes() {
        let table = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "APP-1", domain: "qr.example", slug: "app", state: .active, target: "https://x.example/app", routes: [
                TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://x.example/ios")),
            ]),
        ])
        let text = String(decoding: CaddyEmitter.emit(table, options: EmitOptions(at: 0)).files[0].bytes, as: UTF8.self)
        #expect(!text.contains("qrops_language") && !text.contains("expression"))
        #expect(Self.count("route @qrops_host", in: text) == 1)
    }

    /// The header test in front of each language's CEL never hides a preferred language:
    /// whenever the engine prefers a language, its test matches the header. It does filter.
    @Test func headerTestNeverHidesThePreferredLanguage() throws {
        let tricky = [";fr", "de;q=0.1,;;fr;q=0.5", "\tfr\t;q=1", "FR", "x-fr, fr", "fr_CA", "en,fr;q=1.0", "zh-Hant-TW", "*;q=0.5, Fr-be", "x-klingon,en", "en\t, de"]
        let headers = try RoutingVectors.load().compactMap(\.acceptLanguage) + tricky
        var tested = 0
        for header in headers {
            guard let preferred = AcceptLanguage.preferred(header) else { continue }
            let test = try NSRegularExpression(pattern: CaddyPreferredLanguage.named(preferred))
            #expect(test.firstMatch(in: header, range: NSRange(header.startIndex..., in: header)) != nil, "\(preferred) in \(header)")
            tested += 1
        }
        #expect(tested > 30)
        let french = try NSRegularExpression(pattern: CaddyPreferredLanguage.named("fr"))
        for header in ["french", "de-CH, en;q=0.5", "frr", "afr", "xfr-ch"] {
            #expect(french.firstMatch(in: header, range: NSRange(header.startIndex..., in: header)) == nil, "fr in \(header)")
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

import Foundation
import Routing
@testable import ServerMaps
import Testing
import TestSupport

/// The regexes the Caddy and Apache configs test request facts with agree with the router.
@Suite struct RequestPatternTests {
    static let conditions: [QueryCondition] = [
        QueryCondition(name: "src", value: "print"), QueryCondition(name: "promo", value: nil),
        QueryCondition(name: "e", value: ""), QueryCondition(name: "a b", value: "x&y=z+"),
        QueryCondition(name: "k", value: "caf\u{E9}"),
    ]

    /// Random raw queries built from the conditions' own characters, raw and percent-encoded in
    /// either hex case, plus delimiters: the pattern matches exactly when the router's route
    /// does (the patterns use only syntax ICU, RE2 and PCRE read alike).
    @Test(arguments: conditions)
    func queryPatternAgreesWithTheRouter(_ condition: QueryCondition) throws {
        let pattern = try #require(RequestPattern.query(condition, .re2))
        let regex = try NSRegularExpression(pattern: pattern)
        let domain = TableDomain(host: "qr.example")
        let code = TableCode(id: "Q-1", domain: "qr.example", slug: "q", state: .active, target: "https://x.example/other", routes: [
            TableRoute(condition: TableCondition(query: [condition]), outcome: .target("https://x.example/match")),
        ])
        var random = SplitMix64(seed: 0x5155_4552_59)
        let pieces = Self.pieces(condition)
        var matched = 0
        for _ in 0..<3000 {
            var query = ""
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                query += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            var request = ScanRequest(host: "qr.example", path: "/q", query: query, at: 0)
            request.client = nil
            let routed = Router.resolve(request, code: code, domain: domain).destination == "https://x.example/match"
            let found = regex.firstMatch(in: query, range: NSRange(query.startIndex..., in: query)) != nil
            #expect(routed == found, "query `\(query)`: router \(routed), pattern \(found) (\(pattern))")
            if routed { matched += 1 }
        }
        #expect(matched > 100, "the generator should hit the condition often enough to test it")
    }

    /// Fragments a query is made of: the name and value whole, raw or encoded byte by byte.
    static func pieces(_ condition: QueryCondition) -> [String] {
        func spellings(_ text: String) -> [String] {
            let raw = text
            let upper = text.utf8.map { String(format: "%%%02X", $0) }.joined()
            let lower = text.utf8.map { String(format: "%%%02x", $0) }.joined()
            let mixed = text.unicodeScalars.enumerated().map { $0.offset % 2 == 0 ? String($0.element) : String($0.element).utf8.map { String(format: "%%%02X", $0) }.joined() }.joined()
            return [raw, upper, lower, mixed]
        }
        var pieces = ["&", "=", "x", "&x=1", "+", "%", "&&"]
        pieces += spellings(condition.name)
        pieces += spellings(condition.value ?? "v")
        pieces += spellings(condition.name).map { $0 + "=" }
        pieces += spellings(condition.name).map { "&" + $0 + "=" }
        return pieces
    }

    @Test func queryConditionsThatCannotBeExact() {
        #expect(RequestPattern.query(QueryCondition(name: "", value: "x"), .pcre) == nil)
        #expect(RequestPattern.query(QueryCondition(name: "a%", value: "x"), .pcre) == nil)
        #expect(RequestPattern.query(QueryCondition(name: "a", value: "100%"), .re2) == nil)
    }

    /// ASCII-only case folding: `K` (U+212A) does not match `k`, as in the router.
    @Test func caselessIsASCIIOnly() throws {
        let regex = try NSRegularExpression(pattern: "^" + RequestPattern.caseless("kit", .re2) + "$")
        for (text, expected) in [("kit", true), ("KIT", true), ("kIt", true), ("\u{212A}it", false), ("kit ", false)] {
            #expect((regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil) == expected, "\(text)")
        }
    }
}

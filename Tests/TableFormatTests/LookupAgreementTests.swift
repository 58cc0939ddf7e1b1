import Catalog
import Routing
import TestSupport
import Testing
@testable import TableFormat

/// `Router.resolve` answers the same over the `.qrt` reader as over the in-memory `TableIndex`.
@Suite struct LookupAgreementTests {
    static let userAgents: [String?] = [
        nil, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Googlebot/2.1", "Mozilla/5.0 (BlackBerry; U; BlackBerry 9900)",
    ]
    static let languages: [String?] = [nil, "fr-FR,fr;q=0.9", "de", "ja;q=0.5, en;q=0.8", "*"]
    static let countries: [String?] = [nil, "FR", "be", "DE", "JP", "US"]
    static let queries: [String?] = [nil, "", "mode=technician", "mode=owner&s=1", "s=ABC#x", "utm_source=other&a=%20b"]

    static func requests(for table: RedirectTable, count: Int, seed: UInt64) -> [ScanRequest] {
        var random = SplitMix64(seed: seed)
        var requests: [ScanRequest] = []
        let hosts = table.domains.map(\.host) + ["unknown.example"]
        for _ in 0..<count {
            var host = hosts[Int.random(in: 0..<hosts.count, using: &random)]
            var path: String
            if !table.codes.isEmpty, Int.random(in: 0..<4, using: &random) != 0 {
                let code = table.codes[Int.random(in: 0..<table.codes.count, using: &random)]
                host = code.domain
                path = "/" + code.slug
                switch Int.random(in: 0..<5, using: &random) {
                case 0: path = "/" + code.slug.uppercased()
                case 1: path = path + "/"
                case 2: path = "//x/.." + path
                case 3: path = "/" + code.slug.lowercased()
                default: break
                }
            } else {
                path = ["/", "/nope", "/a/b", "/%63x1", "/" + SampleTables.randomSlug(&random)][Int.random(in: 0..<5, using: &random)]
            }
            if Int.random(in: 0..<6, using: &random) == 0 { host = host.uppercased() + ":443" }
            var request = ScanRequest(host: host, path: path, query: queries[Int.random(in: 0..<queries.count, using: &random)],
                                      at: Int64.random(in: 1_690_000_000...1_910_000_000, using: &random))
            request.userAgent = userAgents[Int.random(in: 0..<userAgents.count, using: &random)]
            request.acceptLanguage = languages[Int.random(in: 0..<languages.count, using: &random)]
            request.country = countries[Int.random(in: 0..<countries.count, using: &random)]
            request.client = Bool.random(using: &random) ? nil : "203.0.113.\(Int.random(in: 0..<255, using: &random))"
            requests.append(request)
        }
        return requests
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomRequestsOnRandomTables(seed: Int) throws {
        let table = CanonicalTable.canonical(SampleTables.random(seed: UInt64(seed) * 7919, codes: 40 * seed))
        let reader = try QRTReader(bytes: try QRTWriter.write(table))
        let index = TableIndex(table)
        for request in Self.requests(for: table, count: 2_000, seed: UInt64(seed)) {
            let expected = Router.resolve(request, in: index)
            let actual = Router.resolve(request, in: reader)
            #expect(actual == expected, "\(request)")
            if actual != expected { return }
        }
    }

    @Test func everyCodeOfTheHandMadeTable() throws {
        let table = SampleTables.everything
        let reader = try QRTReader(bytes: try QRTWriter.write(table))
        let index = TableIndex(table)
        for code in table.codes {
            for domainCase in [code.domain, code.domain.uppercased()] {
                for slug in [code.slug, code.slug.uppercased(), code.slug.lowercased(), "missing-" + code.slug] {
                    let encoded = slug.unicodeScalars.map { $0.isASCII ? String($0) : DestinationComposer.encode(String($0)) }.joined()
                    for at: Int64 in [0, 1_772_323_199, 1_772_323_200, 1_796_083_200, 1_930_089_600] {
                        var request = ScanRequest(host: domainCase, path: "/" + encoded, query: "mode=technician", at: at)
                        request.country = "DE"
                        request.client = "198.51.100.7"
                        #expect(Router.resolve(request, in: reader) == Router.resolve(request, in: index))
                    }
                }
            }
        }
    }

    @Test func lookupIsCaseFoldedOnlyWhereTheDomainSaysSo() throws {
        let reader = try QRTReader(bytes: try QRTWriter.write(SampleTables.everything))
        let qr = try #require(reader.domain(host: "qr.acme.example"))
        let go = try #require(reader.domain(host: "go.acme.example"))
        #expect(reader.code(domain: qr, slugKey: "coffee-x1")?.id == "RET-EU-0000001")
        #expect(reader.code(domain: qr, slugKey: "Coffee-X1") == nil)  // keys arrive folded
        #expect(reader.code(domain: go, slugKey: "CX1")?.id == "GO-2")
        #expect(reader.code(domain: go, slugKey: "cx1")?.id == "GO-1")
        #expect(reader.code(domain: go, slugKey: "Cx1") == nil)
        #expect(reader.code(domain: go, slugKey: "café")?.id == "ÜNI-1")
        #expect(reader.code(domain: TableDomain(host: "elsewhere.example"), slugKey: "cx1") == nil)
        #expect(reader.codeIndex(domain: qr, slugKey: "extremes") == 5)
    }

    @Test func resolvesThroughTheRouter() throws {
        let reader = try QRTReader(bytes: try QRTWriter.write(SampleTables.everything))
        var request = try #require(ScanRequest(url: "https://QR.acme.example/coffee-x1?mode=technician", at: 1_800_000_000))
        request.userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
        let answer = Router.resolve(request, in: reader)
        #expect(answer.status == 301)
        // Route 2 takes every device but iOS.
        #expect(answer.location == "https://play.google.com/store/apps/details?id=example.acme&utm_source=qr&utm_medium=packaging&utm_campaign=coffee-x1&mode=technician")
        #expect(answer.outcome == .route(1))
        #expect(answer.codeID == "RET-EU-0000001")
    }
}

import Catalog
import Routing
import TestSupport

/// Tables for the tests: a hand-made one with every field, and seeded random ones.
enum SampleTables {
    static let qr = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown")
    static let go = TableDomain(host: "go.acme.example", caseSensitiveSlugs: true, countryHeader: "X-Country")

    /// Every field and every kind of value, in canonical order (as `TableCompiler` makes it).
    static let everything = RedirectTable(domains: [go, qr], codes: [
        TableCode(id: "GO-2", domain: "go.acme.example", slug: "CX1", state: .active, status: 307,
                  target: "https://www.acme.example/go/upper", fallback: nil),
        TableCode(id: "ÜNI-1", domain: "go.acme.example", slug: "café", state: .active,
                  target: "https://www.acme.example/ünïcode/日本?q=été#frag",
                  utm: [QueryParameter(name: "utm_campaign", value: "été 🎉 & co")]),
        TableCode(id: "GO-1", domain: "go.acme.example", slug: "cx1", state: .active, status: 308,
                  target: "https://www.acme.example/go/lower", forwardQuery: true, fallback: "https://www.acme.example/go"),
        TableCode(id: "RET-EU-0000003", domain: "qr.acme.example", slug: "archived-1", state: .archived,
                  target: "https://www.acme.example/eu/retail/old", fallback: "https://www.acme.example/eu/retail"),
        TableCode(id: "RET-EU-0000001", domain: "qr.acme.example", slug: "Coffee-X1", state: .active,
                  launch: 1_772_323_200, retire: 1_930_089_600, status: 301,
                  target: "https://www.acme.example/eu/retail/coffee-x1/setup", forwardQuery: true,
                  utm: [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_medium", value: "packaging"),
                        QueryParameter(name: "utm_campaign", value: "coffee-x1")],
                  routes: [
                      TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/app/acme/id0000000001")),
                      TableRoute(condition: TableCondition(devices: [.android, .mobile, .desktop]), outcome: .target("https://play.google.com/store/apps/details?id=example.acme")),
                      TableRoute(condition: TableCondition(languages: ["fr", "de"], countries: ["FR", "BE", "CH"]),
                                 outcome: .target("https://www.acme.example/fr/retail/coffee-x1/setup")),
                      TableRoute(condition: TableCondition(query: [QueryCondition(name: "mode", value: "technician"), QueryCondition(name: "s", value: nil)]),
                                 outcome: .target("https://www.acme.example/eu/retail/coffee-x1/setup/technician")),
                      TableRoute(condition: TableCondition(after: 1_796_083_200, before: 1_798_761_600), outcome: .target("https://www.acme.example/holiday")),
                      TableRoute(condition: TableCondition(countries: ["DE"]), outcome: .split([
                          TableSplitArm(weight: 50, target: "https://www.acme.example/eu/retail/coffee-x1/setup-a"),
                          TableSplitArm(weight: 30, target: "https://www.acme.example/eu/retail/coffee-x1/setup-b"),
                          TableSplitArm(weight: 20, target: "https://www.acme.example/eu/retail/coffee-x1/setup-c"),
                      ])),
                      TableRoute(condition: TableCondition(), outcome: .split([TableSplitArm(weight: 1, target: "https://www.acme.example/only-arm")])),
                  ],
                  fallback: "https://www.acme.example/eu/retail/coffee-x1"),
        TableCode(id: "EXT-1", domain: "qr.acme.example", slug: "extremes", state: .active,
                  launch: -62_167_219_200, retire: 253_402_300_799, status: 302, target: "",
                  routes: [TableRoute(condition: TableCondition(after: -1, before: 253_402_300_799), outcome: .target("https://www.acme.example/x\u{0}y\n\"z\\"))]),
        TableCode(id: "RET-EU-0000002", domain: "qr.acme.example", slug: "paused-1", state: .paused, target: nil,
                  utm: [QueryParameter(name: "utm_source", value: "qr")]),
        TableCode(id: "RET-EU-0000004", domain: "qr.acme.example", slug: "retired-1", state: .retired,
                  launch: -86_400, retire: 0, target: "https://www.acme.example/eu/retail/gone", fallback: "https://www.acme.example/qr"),
    ])

    /// A seeded random table with `codes` codes over one to four domains.
    static func random(seed: UInt64, codes count: Int) -> RedirectTable {
        var random = SplitMix64(seed: seed)
        var domains: [TableDomain] = []
        let hosts = ["qr.acme.example", "go.acme.example", "scan.example.org", "q.example"]
        for host in hosts.prefix(Int.random(in: 1...4, using: &random)) {
            domains.append(TableDomain(
                host: host, fallback: Bool.random(using: &random) ? "https://www.acme.example/\(host)/fallback" : nil,
                notFound: Bool.random(using: &random) ? "https://www.acme.example/\(host)/unknown" : nil,
                caseSensitiveSlugs: Int.random(in: 0..<4, using: &random) == 0,
                countryHeader: Bool.random(using: &random) ? TableDomain.defaultCountryHeader : "X-Geo-Country"))
        }
        var codes: [TableCode] = []
        var keys = Set<String>()
        while codes.count < count {
            let domain = domains[Int.random(in: 0..<domains.count, using: &random)]
            let slug = randomSlug(&random)
            guard keys.insert(domain.host + "\u{0}" + domain.slugKey(slug)).inserted else { continue }
            codes.append(randomCode(&random, number: codes.count, domain: domain.host, slug: slug))
        }
        return RedirectTable(domains: domains, codes: codes)
    }

    static let slugPieces = ["cx", "coffee", "Kettle", "tea", "box", "é", "日本", "a-b", "x_y", "Z"]
    static let hostsAndPaths = ["https://www.acme.example/eu/retail/", "https://www.acme.example/us/offers/",
                                "https://service.acme.example/apac/", "https://apps.apple.com/app/acme-kitchen/",
                                "https://play.google.com/store/apps/details?id=example.acme.", "https://www.acme.example/ünï/"]
    static let products = ["coffee-x1", "kettle-k2", "tea-tin", "soundbar-s5", "日本茶"]

    static func randomSlug(_ random: inout SplitMix64) -> String {
        var slug = ""
        for _ in 0..<Int.random(in: 1...3, using: &random) { slug += slugPieces[Int.random(in: 0..<slugPieces.count, using: &random)] }
        return slug + String(Int.random(in: 0..<500, using: &random), radix: 36)
    }

    static func randomURL(_ random: inout SplitMix64) -> String {
        var url = hostsAndPaths[Int.random(in: 0..<hostsAndPaths.count, using: &random)]
        url += products[Int.random(in: 0..<products.count, using: &random)]
        switch Int.random(in: 0..<4, using: &random) {
        case 0: url += "/setup"
        case 1: url += "/manual-\(Int.random(in: 0..<100, using: &random))"
        case 2: url += "?lang=fr&x=\(Int.random(in: 0..<9, using: &random))"
        default: break
        }
        if Int.random(in: 0..<10, using: &random) == 0 { url += "#top" }
        return url
    }

    static func randomInstant(_ random: inout SplitMix64) -> Int64? {
        Bool.random(using: &random) ? nil : Int64.random(in: 1_700_000_000...1_900_000_000, using: &random)
    }

    static func randomCode(_ random: inout SplitMix64, number: Int, domain: String, slug: String) -> TableCode {
        let state = TableState.allCases[Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1..<4, using: &random) : 0]
        var utm: [QueryParameter] = []
        if Bool.random(using: &random) {
            utm.append(QueryParameter(name: "utm_source", value: "qr"))
            if Bool.random(using: &random) { utm.append(QueryParameter(name: "utm_medium", value: ["packaging", "display", "mail ✉"][Int.random(in: 0..<3, using: &random)])) }
            utm.append(QueryParameter(name: "utm_campaign", value: products[Int.random(in: 0..<products.count, using: &random)]))
        }
        var routes: [TableRoute] = []
        for _ in 0..<[0, 0, 1, 2, 4][Int.random(in: 0..<5, using: &random)] {
            routes.append(randomRoute(&random))
        }
        return TableCode(
            id: "R-\(number)-\(["EU", "NA", "ÄP"][Int.random(in: 0..<3, using: &random)])", domain: domain, slug: slug, state: state,
            launch: randomInstant(&random), retire: randomInstant(&random),
            status: [301, 302, 302, 302, 307, 308][Int.random(in: 0..<6, using: &random)],
            target: Int.random(in: 0..<8, using: &random) == 0 ? nil : randomURL(&random),
            forwardQuery: Int.random(in: 0..<4, using: &random) == 0, utm: utm, routes: routes,
            fallback: Int.random(in: 0..<4, using: &random) == 0 ? nil : randomURL(&random))
    }

    static func randomRoute(_ random: inout SplitMix64) -> TableRoute {
        var condition = TableCondition()
        if Int.random(in: 0..<3, using: &random) == 0 {
            condition.devices = (0..<Int.random(in: 1...2, using: &random)).map { _ in Device.allCases[Int.random(in: 0..<4, using: &random)] }
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            condition.languages = ["fr", "de", "ja"].filter { _ in Bool.random(using: &random) }
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            condition.countries = ["FR", "BE", "DE", "JP"].filter { _ in Bool.random(using: &random) }
        }
        if Int.random(in: 0..<4, using: &random) == 0 {
            condition.query = [QueryCondition(name: "mode", value: Bool.random(using: &random) ? "technician" : nil)]
        }
        if Int.random(in: 0..<4, using: &random) == 0 { condition.after = randomInstant(&random) }
        if Int.random(in: 0..<4, using: &random) == 0 { condition.before = randomInstant(&random) }
        if Int.random(in: 0..<4, using: &random) == 0 {
            let arms = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                TableSplitArm(weight: Int.random(in: 1...100, using: &random), target: randomURL(&random))
            }
            return TableRoute(condition: condition, outcome: .split(arms))
        }
        return TableRoute(condition: condition, outcome: .target(randomURL(&random)))
    }
}

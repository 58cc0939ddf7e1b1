import Catalog
import Testing
@testable import Routing

/// The outcome table of docs/routing.md, row by row.
@Suite struct RouterOutcomeTests {
    static let acme = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr",
                                  notFound: "https://www.acme.example/qr/unknown")
    static let bare = TableDomain(host: "bare.example")
    static let cased = TableDomain(host: "cs.example", notFound: "https://cs.example/404", caseSensitiveSlugs: true)

    static let launch = seconds("2026-03-01")
    static let retire = seconds("2031-03-01")

    static func code(_ id: String, _ slug: String, _ state: TableState = .active, domain: String = "qr.acme.example",
                     target: String? = "https://www.acme.example/target", fallback: String? = "https://www.acme.example/own-fallback",
                     status: Int = 302, routes: [TableRoute] = []) -> TableCode {
        TableCode(id: id, domain: domain, slug: slug, state: state, launch: launch, retire: retire, status: status, target: target,
                  forwardQuery: true, utm: [QueryParameter(name: "utm_source", value: "qr")], routes: routes, fallback: fallback)
    }

    static let table = RedirectTable(domains: [bare, cased, acme], codes: [
        code("B-1", "paused", .paused, domain: "bare.example", fallback: nil),
        code("B-2", "live", domain: "bare.example", fallback: nil),
        code("B-3", "noroute", domain: "bare.example", target: nil, fallback: nil,
             routes: [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/x"))]),
        code("C-1", "CamelCase", domain: "cs.example", target: "https://cs.example/camel"),
        code("A-1", "live"),
        code("A-2", "paused", .paused),
        code("A-3", "archived", .archived),
        code("A-4", "retired", .retired, fallback: "https://www.acme.example/qr"),
        code("A-5", "noroute", target: nil,
             routes: [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/x"))]),
        code("A-6", "perm301", status: 301),
        code("A-7", "temp307", status: 307),
        code("A-8", "perm308", status: 308),
        code("A-9", "split301", status: 301, routes: [TableRoute(condition: TableCondition(), outcome: .split([
            TableSplitArm(weight: 1, target: "https://www.acme.example/only"), TableSplitArm(weight: 0, target: "https://www.acme.example/never"),
        ]))]),
    ])

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var url: String
        var at = "2026-06-01T12:00:00Z"
        var userAgent: String?
        var status: Int
        var location: String?
        var cacheControl = "no-store"
        var outcome: Resolution.Outcome
        var codeID: String?
        var vary: [String] = []
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "active, no routes: the target, with UTM and the (empty) forwarded query", url: "https://qr.acme.example/live",
            status: 302, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-1"),
        Row(name: "forwarded query comes last", url: "https://qr.acme.example/live?s=1",
            status: 302, location: "https://www.acme.example/target?utm_source=qr&s=1", outcome: .target, codeID: "A-1"),
        Row(name: "slug case folds on a case-insensitive domain", url: "https://QR.ACME.EXAMPLE:443/LIVE/",
            status: 302, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-1"),
        Row(name: "paused: the code's fallback exactly (no UTM, no query)", url: "https://qr.acme.example/paused?s=1",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.paused), codeID: "A-2"),
        Row(name: "archived: fallback", url: "https://qr.acme.example/archived",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.archived), codeID: "A-3"),
        Row(name: "retired: fallback (here the domain's, as compiled into the code)", url: "https://qr.acme.example/retired",
            status: 302, location: "https://www.acme.example/qr", outcome: .fallback(.retired), codeID: "A-4"),
        Row(name: "active before launch: fallback", url: "https://qr.acme.example/live", at: "2026-02-28T23:59:59Z",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.notLaunched), codeID: "A-1"),
        Row(name: "active at launch: routes", url: "https://qr.acme.example/live", at: "2026-03-01T00:00:00Z",
            status: 302, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-1"),
        Row(name: "active just before retire: routes", url: "https://qr.acme.example/live", at: "2031-02-28T23:59:59Z",
            status: 302, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-1"),
        Row(name: "active at retire: fallback", url: "https://qr.acme.example/live", at: "2031-03-01T00:00:00Z",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.pastRetire), codeID: "A-1"),
        Row(name: "active after retire: fallback", url: "https://qr.acme.example/live", at: "2040-01-01T00:00:00Z",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.pastRetire), codeID: "A-1"),
        Row(name: "no route matches and no target: fallback, varying like the routes", url: "https://qr.acme.example/noroute",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.noTarget), codeID: "A-5", vary: ["User-Agent"]),
        Row(name: "a route matches when there is no target", url: "https://qr.acme.example/noroute",
            userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148",
            status: 302, location: "https://apps.apple.com/x?utm_source=qr", outcome: .route(0), codeID: "A-5", vary: ["User-Agent"]),
        Row(name: "paused without any fallback: 404", url: "https://bare.example/paused",
            status: 404, location: nil, outcome: .fallback(.paused), codeID: "B-1"),
        Row(name: "no route, no target, no fallback: 404", url: "https://bare.example/noroute",
            status: 404, location: nil, outcome: .fallback(.noTarget), codeID: "B-3", vary: ["User-Agent"]),
        Row(name: "before launch without any fallback: 404", url: "https://bare.example/live", at: "2020-01-01",
            status: 404, location: nil, outcome: .fallback(.notLaunched), codeID: "B-2"),
        Row(name: "unknown slug: the domain's not-found", url: "https://qr.acme.example/nope?s=1",
            status: 302, location: "https://www.acme.example/qr/unknown", outcome: .notFound),
        Row(name: "unknown slug without not-found: 404", url: "https://bare.example/nope",
            status: 404, location: nil, outcome: .notFound),
        Row(name: "empty path: not-found", url: "https://qr.acme.example/",
            status: 302, location: "https://www.acme.example/qr/unknown", outcome: .notFound),
        Row(name: "two segments: not-found", url: "https://qr.acme.example/live/extra",
            status: 302, location: "https://www.acme.example/qr/unknown", outcome: .notFound),
        Row(name: "encoded slash makes two segments: not-found", url: "https://qr.acme.example/live%2Fextra",
            status: 302, location: "https://www.acme.example/qr/unknown", outcome: .notFound),
        Row(name: "dot segments resolve before lookup", url: "https://qr.acme.example/x/../live",
            status: 302, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-1"),
        Row(name: "unknown host: 404", url: "https://other.example/live",
            status: 404, location: nil, outcome: .unknownDomain),
        Row(name: "a subdomain is another host: 404", url: "https://www.qr.acme.example/live",
            status: 404, location: nil, outcome: .unknownDomain),
        Row(name: "case-sensitive domain: exact case matches", url: "https://cs.example/CamelCase",
            status: 302, location: "https://cs.example/camel?utm_source=qr", outcome: .target, codeID: "C-1"),
        Row(name: "case-sensitive domain: other case is not found", url: "https://cs.example/camelcase",
            status: 302, location: "https://cs.example/404", outcome: .notFound),
        Row(name: "301: cached a day", url: "https://qr.acme.example/perm301",
            status: 301, location: "https://www.acme.example/target?utm_source=qr", cacheControl: "public, max-age=86400", outcome: .target, codeID: "A-6"),
        Row(name: "307: not stored", url: "https://qr.acme.example/temp307",
            status: 307, location: "https://www.acme.example/target?utm_source=qr", outcome: .target, codeID: "A-7"),
        Row(name: "308: cached a day", url: "https://qr.acme.example/perm308",
            status: 308, location: "https://www.acme.example/target?utm_source=qr", cacheControl: "public, max-age=86400", outcome: .target, codeID: "A-8"),
        Row(name: "301 chosen by a split: private (no shared cache keeps one arm for everyone)", url: "https://qr.acme.example/split301",
            status: 301, location: "https://www.acme.example/only?utm_source=qr", cacheControl: "private, max-age=86400",
            outcome: .split(route: 0, arm: 0), codeID: "A-9"),
        Row(name: "a 301 code's fallback is a 302, not stored", url: "https://qr.acme.example/perm301", at: "2040-01-01",
            status: 302, location: "https://www.acme.example/own-fallback", outcome: .fallback(.pastRetire), codeID: "A-6"),
    ]

    @Test(arguments: rows)
    func outcome(_ row: Row) throws {
        let answer = try #require(resolve(row.url, in: Self.table, at: row.at, userAgent: row.userAgent))
        #expect(answer.status == row.status)
        #expect(answer.location == row.location)
        #expect(answer.cacheControl == row.cacheControl)
        #expect(answer.outcome == row.outcome)
        #expect(answer.codeID == row.codeID)
        #expect(answer.vary == row.vary)
        #expect(!answer.trace.isEmpty)
        if row.status == 404 { #expect(answer.destination == nil) }
    }
}

/// Routes: order, AND/OR, time windows, each kind of condition, overrides, Vary and traces.
@Suite struct RouterRouteTests {
    static let domain = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", countryHeader: "X-Country")
    static let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
    static let android = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"
    static let kaios = "Mozilla/5.0 (Mobile; Nokia_8110_4G; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5"
    static let windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
    static let googlebot = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.60 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

    static func route(_ condition: TableCondition, _ name: String) -> TableRoute {
        TableRoute(condition: condition, outcome: .target("https://d.example/" + name))
    }

    static func table(_ routes: [TableRoute], target: String? = "https://d.example/target") -> RedirectTable {
        RedirectTable(domains: [domain], codes: [
            TableCode(id: "R-1", domain: "qr.acme.example", slug: "r", state: .active, target: target, routes: routes, fallback: "https://d.example/fallback"),
        ])
    }

    static func destination(_ routes: [TableRoute], url: String = "https://qr.acme.example/r", at: String = "2026-06-01T12:00:00Z",
                            userAgent: String? = nil, acceptLanguage: String? = nil, country: String? = nil,
                            device: Device? = nil, language: String? = nil) -> String? {
        resolve(url, in: table(routes), at: at, userAgent: userAgent, acceptLanguage: acceptLanguage, country: country,
                device: device, language: language)?.destination
    }

    @Test func firstMatchingRouteWins() {
        let routes = [
            Self.route(TableCondition(devices: [.android]), "android"),
            Self.route(TableCondition(devices: [.ios]), "ios-1"),
            Self.route(TableCondition(devices: [.mobile]), "mobile"),
            Self.route(TableCondition(devices: [.ios]), "ios-2"),
        ]
        #expect(Self.destination(routes, userAgent: Self.iPhone) == "https://d.example/ios-1")
        #expect(Self.destination(routes, userAgent: Self.android) == "https://d.example/android")
        #expect(Self.destination(routes, userAgent: Self.kaios) == "https://d.example/mobile")
        #expect(Self.destination(routes, userAgent: Self.windows) == "https://d.example/target")
    }

    @Test func keysAreANDedAndListItemsORed() {
        let routes = [Self.route(TableCondition(devices: [.ios, .android], languages: ["fr", "de"], countries: ["FR", "CH"]), "match")]
        #expect(Self.destination(routes, userAgent: Self.iPhone, acceptLanguage: "fr", country: "FR") == "https://d.example/match")
        #expect(Self.destination(routes, userAgent: Self.android, acceptLanguage: "de-CH", country: "CH") == "https://d.example/match")
        #expect(Self.destination(routes, userAgent: Self.windows, acceptLanguage: "fr", country: "FR") == "https://d.example/target")
        #expect(Self.destination(routes, userAgent: Self.iPhone, acceptLanguage: "en", country: "FR") == "https://d.example/target")
        #expect(Self.destination(routes, userAgent: Self.iPhone, acceptLanguage: "fr", country: "BE") == "https://d.example/target")
        #expect(Self.destination(routes, userAgent: Self.iPhone, acceptLanguage: "fr") == "https://d.example/target")
    }

    @Test func afterIsInclusiveAndBeforeExclusive() {
        let routes = [Self.route(TableCondition(after: seconds("2026-12-01T00:00:00Z"), before: seconds("2027-01-01T00:00:00Z")), "holiday")]
        #expect(Self.destination(routes, at: "2026-11-30T23:59:59Z") == "https://d.example/target")
        #expect(Self.destination(routes, at: "2026-12-01T00:00:00Z") == "https://d.example/holiday")
        #expect(Self.destination(routes, at: "2026-12-31T23:59:59Z") == "https://d.example/holiday")
        #expect(Self.destination(routes, at: "2027-01-01T00:00:00Z") == "https://d.example/target")
        let open = [Self.route(TableCondition(after: seconds("2026-12-01")), "after"), Self.route(TableCondition(before: seconds("2026-01-01")), "before")]
        #expect(Self.destination(open, at: "2025-12-31T23:59:59Z") == "https://d.example/before")
        #expect(Self.destination(open, at: "2026-01-01T00:00:00Z") == "https://d.example/target")
        #expect(Self.destination(open, at: "2026-12-01T00:00:00Z") == "https://d.example/after")
    }

    @Test func devices() {
        let routes = [
            Self.route(TableCondition(devices: [.ios]), "ios"), Self.route(TableCondition(devices: [.android]), "android"),
            Self.route(TableCondition(devices: [.mobile]), "mobile"), Self.route(TableCondition(devices: [.desktop]), "desktop"),
        ]
        #expect(Self.destination(routes, userAgent: Self.iPhone) == "https://d.example/ios")
        #expect(Self.destination(routes, userAgent: Self.android) == "https://d.example/android")
        #expect(Self.destination(routes, userAgent: Self.kaios) == "https://d.example/mobile")
        #expect(Self.destination(routes, userAgent: Self.windows) == "https://d.example/desktop")
        #expect(Self.destination(routes, userAgent: Self.googlebot) == "https://d.example/desktop")
        #expect(Self.destination(routes) == "https://d.example/desktop")
        // `device:` overrides the User-Agent (expect entries)
        #expect(Self.destination(routes, userAgent: Self.windows, device: .ios) == "https://d.example/ios")
        #expect(Self.destination(routes, userAgent: Self.iPhone, device: .desktop) == "https://d.example/desktop")
        #expect(Self.destination(routes, device: .mobile) == "https://d.example/mobile")
    }

    @Test func languages() {
        let routes = [Self.route(TableCondition(languages: ["fr"]), "fr"), Self.route(TableCondition(languages: ["de", "nl"]), "de-nl")]
        #expect(Self.destination(routes, acceptLanguage: "fr-CH, de;q=0.9") == "https://d.example/fr")
        #expect(Self.destination(routes, acceptLanguage: "de;q=0.5, fr;q=0.9") == "https://d.example/fr")
        #expect(Self.destination(routes, acceptLanguage: "NL-be") == "https://d.example/de-nl")
        #expect(Self.destination(routes, acceptLanguage: "en, fr;q=0.9") == "https://d.example/target")
        #expect(Self.destination(routes, acceptLanguage: "*") == "https://d.example/target")
        #expect(Self.destination(routes, acceptLanguage: "fr;q=0") == "https://d.example/target")
        #expect(Self.destination(routes) == "https://d.example/target")
        // `language:` overrides the header and is read like one
        #expect(Self.destination(routes, acceptLanguage: "fr", language: "de") == "https://d.example/de-nl")
        #expect(Self.destination(routes, language: "FR-ca") == "https://d.example/fr")
        #expect(Self.destination(routes, acceptLanguage: "fr", language: "en") == "https://d.example/target")
    }

    @Test func countries() {
        let routes = [Self.route(TableCondition(countries: ["FR", "BE"]), "fr-be")]
        #expect(Self.destination(routes, country: "FR") == "https://d.example/fr-be")
        #expect(Self.destination(routes, country: "be") == "https://d.example/fr-be")
        #expect(Self.destination(routes, country: " FR ") == "https://d.example/fr-be")
        #expect(Self.destination(routes, country: "DE") == "https://d.example/target")
        #expect(Self.destination(routes, country: "XX") == "https://d.example/target")
        #expect(Self.destination(routes, country: "") == "https://d.example/target")
        #expect(Self.destination(routes) == "https://d.example/target")
    }

    @Test func queryConditions() {
        let routes = [
            Self.route(TableCondition(query: [QueryCondition(name: "src", value: "box"), QueryCondition(name: "v", value: nil)]), "both"),
            Self.route(TableCondition(query: [QueryCondition(name: "src", value: "box")]), "box"),
            Self.route(TableCondition(query: [QueryCondition(name: "ref", value: nil)]), "ref"),
            Self.route(TableCondition(query: [QueryCondition(name: "empty", value: "")]), "empty"),
            Self.route(TableCondition(query: [QueryCondition(name: "a b", value: "c&d")]), "encoded"),
        ]
        let url = "https://qr.acme.example/r"
        #expect(Self.destination(routes, url: url + "?src=box") == "https://d.example/box")
        #expect(Self.destination(routes, url: url + "?x=1&src=box&v=2") == "https://d.example/both")
        #expect(Self.destination(routes, url: url + "?src=box&v") == "https://d.example/both")
        #expect(Self.destination(routes, url: url + "?src=b%6Fx") == "https://d.example/box")
        #expect(Self.destination(routes, url: url + "?%73rc=box") == "https://d.example/box")
        #expect(Self.destination(routes, url: url + "?src=BOX") == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?SRC=box") == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?src=box2") == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?src=other&src=box") == "https://d.example/box")
        #expect(Self.destination(routes, url: url + "?ref") == "https://d.example/ref")
        #expect(Self.destination(routes, url: url + "?ref=") == "https://d.example/ref")
        #expect(Self.destination(routes, url: url + "?ref=anything") == "https://d.example/ref")
        #expect(Self.destination(routes, url: url + "?reference=1") == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?empty") == "https://d.example/empty")
        #expect(Self.destination(routes, url: url + "?empty=") == "https://d.example/empty")
        #expect(Self.destination(routes, url: url + "?empty=x") == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?a%20b=c%26d") == "https://d.example/encoded")
        #expect(Self.destination(routes, url: url + "?a+b=c%26d") == "https://d.example/target")
        #expect(Self.destination(routes, url: url) == "https://d.example/target")
        #expect(Self.destination(routes, url: url + "?") == "https://d.example/target")
    }

    @Test func splitsAreStickyPerClientAndCode() throws {
        let table = RedirectTable(domains: [Self.domain], codes: [
            TableCode(id: "S-1", domain: "qr.acme.example", slug: "s", state: .active, target: "https://d.example/t", routes: [
                TableRoute(condition: TableCondition(), outcome: .split([
                    TableSplitArm(weight: 50, target: "https://d.example/a"), TableSplitArm(weight: 50, target: "https://d.example/b"),
                ])),
            ]),
        ])
        var seen: Set<String> = []
        for index in 0..<200 {
            let client = "198.51.100.\(index)"
            let first = try #require(resolve("https://qr.acme.example/s", in: table, client: client))
            let hash = SplitHash.murmur2(SplitHash.key(client: client, codeID: "S-1"))
            let arm = SplitHash.arm(for: hash, weights: [50, 50])
            #expect(first.outcome == .split(route: 0, arm: arm))
            #expect(first.destination == ["https://d.example/a", "https://d.example/b"][arm])
            // the same client again, at another time, with another browser: the same arm
            let again = try #require(resolve("https://qr.acme.example/S?x=1", in: table, at: "2030-01-01", userAgent: Self.iPhone,
                                              acceptLanguage: "de", client: client))
            #expect(again.destination == first.destination)
            seen.insert(first.destination ?? "")
        }
        #expect(seen == ["https://d.example/a", "https://d.example/b"])
        let anonymous = try #require(resolve("https://qr.acme.example/s", in: table))
        let anonymousArm = SplitHash.arm(for: SplitHash.murmur2(":S-1"), weights: [50, 50])
        #expect(anonymous.outcome == .split(route: 0, arm: anonymousArm))
        #expect(anonymous.trace.contains { $0.hasPrefix("split: client `` hashes to \(SplitHash.murmur2(":S-1")), arm \(anonymousArm + 1) of 2") })
    }

    @Test func varyListsTheHeadersAnyRouteTests() {
        func vary(_ routes: [TableRoute]) -> [String]? {
            resolve("https://qr.acme.example/r", in: Self.table(routes))?.vary
        }
        #expect(vary([]) == [])
        #expect(vary([Self.route(TableCondition(query: [QueryCondition(name: "a", value: nil)]), "q"),
                      Self.route(TableCondition(after: 0), "t")]) == [])
        #expect(vary([Self.route(TableCondition(devices: [.ios]), "d")]) == ["User-Agent"])
        #expect(vary([Self.route(TableCondition(languages: ["fr"]), "l")]) == ["Accept-Language"])
        #expect(vary([Self.route(TableCondition(countries: ["FR"]), "c")]) == ["X-Country"])
        // fixed order, whatever the routes' order, and even when an earlier route answers
        #expect(vary([Self.route(TableCondition(), "always"), Self.route(TableCondition(countries: ["FR"]), "c"),
                      Self.route(TableCondition(languages: ["fr"]), "l"), Self.route(TableCondition(devices: [.ios]), "d")])
                == ["User-Agent", "Accept-Language", "X-Country"])
        // fallbacks of codes that are not routing do not vary
        let paused = RedirectTable(domains: [Self.domain], codes: [
            TableCode(id: "P-1", domain: "qr.acme.example", slug: "r", state: .paused, target: "https://d.example/t",
                      routes: [Self.route(TableCondition(devices: [.ios]), "d")], fallback: "https://d.example/f"),
        ])
        #expect(resolve("https://qr.acme.example/r", in: paused)?.vary == [])
    }

    @Test func traceExplainsEachDecision() throws {
        let routes = [
            Self.route(TableCondition(devices: [.ios]), "ios"),
            Self.route(TableCondition(languages: ["fr"], countries: ["FR"]), "fr"),
            Self.route(TableCondition(query: [QueryCondition(name: "src", value: nil)]), "src"),
        ]
        let answer = try #require(resolve("https://qr.acme.example/r?src=1", in: Self.table(routes), userAgent: Self.windows,
                                          acceptLanguage: "fr", country: "DE"))
        #expect(answer.trace == [
            "`r` on qr.acme.example is code R-1",
            "route 1 does not match: device is desktop, wants ios",
            "route 2 does not match: country (X-Country) is DE, wants FR",
            "route 3 matches: query src=*",
        ])
        let bot = try #require(resolve("https://qr.acme.example/r", in: Self.table(routes), userAgent: Self.googlebot))
        #expect(bot.trace[1] == "route 1 does not match: device is desktop (bot), wants ios")
        #expect(bot.trace.last == "no route matched: the code's target")
        let unknown = try #require(resolve("https://qr.acme.example/zz", in: Self.table(routes)))
        #expect(unknown.trace == ["no published code has slug `zz` on qr.acme.example", "the domain has no not-found destination: 404"])
    }

    @Test func utmAndForwardedQueryOnRouteDestinations() throws {
        let table = RedirectTable(domains: [Self.domain], codes: [
            TableCode(id: "U-1", domain: "qr.acme.example", slug: "u", state: .active, target: "https://d.example/t?lang=en#top",
                      forwardQuery: true, utm: [QueryParameter(name: "utm_source", value: "qr code"), QueryParameter(name: "utm_medium", value: "print")],
                      routes: [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.example/x?utm_source=app"))]),
        ])
        let desktop = try #require(resolve("https://qr.acme.example/u?s=1&t=%C3%A9", in: table))
        #expect(desktop.location == "https://d.example/t?lang=en&utm_source=qr%20code&utm_medium=print&s=1&t=%C3%A9#top")
        #expect(desktop.destination == "https://d.example/t?lang=en#top")
        let phone = try #require(resolve("https://qr.acme.example/u?s=a b", in: table, userAgent: Self.iPhone))
        #expect(phone.location == "https://apps.example/x?utm_source=app&utm_medium=print&s=a%20b")
    }

    @Test func nextTransitionSeesLaunchRetireAndWindows() {
        let table = RedirectTable(domains: [Self.domain], codes: [
            TableCode(id: "T-1", domain: "qr.acme.example", slug: "a", state: .active, launch: 100, retire: 900, target: "https://d.example/t",
                      routes: [Self.route(TableCondition(after: 300, before: 500), "w")]),
            TableCode(id: "T-2", domain: "qr.acme.example", slug: "b", state: .paused, launch: 50, target: "https://d.example/t"),
        ])
        #expect(table.nextTransition(after: 0) == 100)
        #expect(table.nextTransition(after: 100) == 300)
        #expect(table.nextTransition(after: 300) == 500)
        #expect(table.nextTransition(after: 500) == 900)
        #expect(table.nextTransition(after: 900) == nil)
    }
}

import Catalog
import Foundation
import Routing
import TableFormat

/// A redirect table shaped like the one `Benchmarks/lint/gen-portfolio.py` compiles to: codes
/// in groups of 100 sharing a business unit, region, use case, product, dates, UTM and
/// fallback; ids like `RET-EU-0001234`, slugs like `coffee-4hk`; destinations under a few
/// hosts with long shared prefixes; app, language/country, query and split routes in the same
/// proportions; 92% active, then paused, retired, archived (drafts are not in a table).
/// Deterministic for a given code count.
enum SyntheticTable {
    static let businessUnits: [(key: String, prefix: String, products: [String], app: String)] = [
        ("retail", "RET", ["coffee-x1", "kettle-k2", "pasta-sauce", "olive-oil", "granola", "cookware-set", "knife-block", "tea-tin", "spice-rack", "lunch-box"], "acme-home"),
        ("consumer-electronics", "CEL", ["soundbar-s5", "earbuds-e2", "speaker-m3", "tv-q7", "router-r1", "camera-c4", "watch-w2", "tablet-t8", "charger-p65", "headset-h9"], "acme-sound"),
        ("beverages", "BEV", ["lime-fizz", "green-tea", "cold-brew", "orange-juice", "tonic-water", "hoppy-lager", "pale-ale", "stout", "red-wine", "cider"], "acme-rewards"),
        ("healthcare", "HLT", ["glucose-meter-g2", "thermometer-t1", "bp-monitor-b3", "test-strips", "pulse-oximeter", "nebulizer-n1", "hearing-aid-a2", "insulin-pen-i1"], "acme-health"),
        ("finance-services", "FIN", ["card-offer", "savings-plus", "mortgage-fix", "travel-card", "student-card", "pension-plan", "car-loan", "home-insurance"], "acme-money"),
        ("home-appliances", "HOM", ["dishwasher-dw7", "washer-wm9", "oven-ov3", "fridge-f5", "dryer-d2", "vacuum-v6", "hob-h4", "microwave-m1", "air-purifier-a3"], "acme-home"),
        ("personal-care", "PCA", ["shampoo-aqua", "razor-r5", "toothbrush-t3", "sunscreen-50", "hair-dryer-h2", "body-lotion", "deodorant-fresh", "face-serum"], "acme-care"),
        ("toys", "TOY", ["robot-kit", "puzzle-1000", "train-set", "doll-house", "science-lab", "rc-car", "board-game", "building-blocks"], "acme-play"),
    ]
    static let regions: [(key: String, id: String, site: String, locales: [(String, [String])])] = [
        ("eu", "EU", "eu", [("de", ["DE", "AT", "CH"]), ("fr", ["FR", "BE", "CH"]), ("it", ["IT"]), ("es", ["ES"]), ("nl", ["NL", "BE"])]),
        ("na", "NA", "us", [("es", ["US", "MX"]), ("fr", ["CA"])]),
        ("apac", "APAC", "apac", [("ja", ["JP"]), ("ko", ["KR"]), ("zh", ["CN", "TW", "HK", "SG"])]),
        ("latam", "LA", "latam", [("es", ["MX", "AR", "CO", "CL"]), ("pt", ["BR"])]),
    ]
    /// Use case, weight, UTM medium (nil: no UTM), lifespan in days.
    static let channels: [(key: String, weight: Int, medium: String?, days: Int)] = [
        ("packaging", 34, "packaging", 3650), ("retail-display", 14, "display", 540), ("direct-mail", 12, "direct-mail", 365),
        ("events", 8, "event", 180), ("field-service", 12, nil, 3650), ("warranty-registration", 10, nil, 3650),
        ("product-authentication", 10, nil, 3650),
    ]
    static let assets: [String: [String]] = [
        "packaging": ["quick-start", "setup", "recipes", "recycling", "ingredients", "manual"],
        "retail-display": ["endcap", "shelf-talker", "window-cling", "counter-card", "floor-sticker"],
        "direct-mail": ["letter", "postcard", "catalog", "brochure"],
        "events": ["booth-poster", "demo-tent", "badge", "banner", "flyer"],
        "field-service": ["service-label", "rating-plate", "door-label"],
        "warranty-registration": ["registration-card", "box-insert"],
        "product-authentication": ["hologram-seal", "carton-seal", "tamper-label"],
    ]
    static let events = ["ces", "ifa", "mwc", "computex", "expo-west", "anuga", "medica", "money-expo", "toy-fair"]
    /// 2026-11-21T00:00:00Z, the generated portfolio's "today".
    static let epoch: Int64 = 1_795_219_200
    static let day: Int64 = 86_400

    static let domains = [
        TableDomain(host: "go.acme.example", fallback: "https://www.acme.example/offers", notFound: "https://www.acme.example/offers/unknown"),
        TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown"),
    ]

    static func make(codes count: Int, seed: UInt64 = 20_261_121) -> RedirectTable {
        var random = Generator(seed: seed)
        var codes: [TableCode] = []
        codes.reserveCapacity(count)
        var number = 1
        var file = 0
        while number <= count {
            let group = min(100, count - number + 1)
            codes += makeFile(file, first: number, count: group, &random)
            number += group
            file += 1
        }
        return CanonicalTable.canonical(RedirectTable(domains: domains, codes: codes))
    }

    static func makeFile(_ index: Int, first: Int, count: Int, _ random: inout Generator) -> [TableCode] {
        let unit = businessUnits[index % businessUnits.count]
        let region = regions[(index / businessUnits.count) % regions.count]
        var channel = channels[random.weighted(channels.map(\.weight))]
        if unit.key == "finance-services", channel.key == "packaging" || channel.key == "field-service" { channel = channels[2] }
        let product = unit.products[random.below(unit.products.count)]
        let host = channel.key == "direct-mail" ? "go.acme.example" : "qr.acme.example"
        let campaign = channel.key == "events" ? "\(events[random.below(events.count)])-2027" : product
        let launch: Int64, retire: Int64
        switch channel.key {
        case "events":
            launch = epoch + Int64(20 + random.below(180)) * day
            retire = launch + Int64(60 + random.below(channel.days - 65)) * day
        case "direct-mail":
            launch = epoch + Int64(random.below(180) - 60) * day
            retire = launch + Int64(200 + random.below(channel.days - 205)) * day
        default:
            launch = epoch - Int64(30 + random.below(870)) * day
            retire = launch + Int64(1_800 + random.below(1_700)) * day
        }
        var utm: [QueryParameter] = []
        if let medium = channel.medium {
            utm = [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_medium", value: medium),
                   QueryParameter(name: "utm_campaign", value: campaign)]
        }
        let site = region.site
        let fileFallback = "https://www.acme.example/\(site)/\(unit.key)/\(product)"
        var codes: [TableCode] = []
        for ordinal in 1...count {
            let number = first + ordinal - 1
            let roll = random.below(1_000)
            // active 920, paused 30, draft 20, retired 20, archived 10 (per mille)
            let state: TableState?
            switch roll {
            case ..<920: state = .active
            case ..<950: state = .paused
            case ..<970: state = nil
            case ..<990: state = .retired
            default: state = .archived
            }
            let asset = assets[channel.key]?[random.below(assets[channel.key]?.count ?? 1)] ?? "asset"
            let target: String
            switch channel.key {
            case "product-authentication": target = "https://verify.acme.example/\(site)/\(product)"
            case "field-service": target = "https://service.acme.example/\(site)/\(product)/\(asset)-\(ordinal)"
            case "warranty-registration": target = "https://www.acme.example/\(site)/warranty/register/\(product)"
            case "direct-mail": target = "https://www.acme.example/\(site)/offers/\(campaign)/\(asset)-\(ordinal)"
            default: target = "https://www.acme.example/\(site)/\(unit.key)/\(product)/\(asset)"
            }
            let routes = makeRoutes(channel.key, unit: unit, region: region, target: target, &random)
            let fallback = random.below(10) < 3 ? "https://www.acme.example/\(site)/\(unit.key)/\(product)/\(asset)" : fileFallback
            guard let state else { continue }
            let short = String(product.split(separator: "-").first?.prefix(10) ?? "code")
            codes.append(TableCode(
                id: "\(unit.prefix)-\(region.id)-\(pad(number, 7))", domain: host, slug: "\(short)-\(slugSuffix(number))",
                state: state, launch: launch, retire: retire, status: 302, target: target,
                forwardQuery: channel.key == "product-authentication", utm: utm, routes: routes, fallback: fallback))
        }
        return codes
    }

    static func makeRoutes(_ channel: String, unit: (key: String, prefix: String, products: [String], app: String),
                           region: (key: String, id: String, site: String, locales: [(String, [String])]),
                           target: String, _ random: inout Generator) -> [TableRoute] {
        if channel == "field-service" {
            return [TableRoute(condition: TableCondition(query: [QueryCondition(name: "mode", value: "technician")]),
                               outcome: .target(target + "/technician"))]
        }
        guard channel != "product-authentication", channel == "warranty-registration" || random.below(10) < 6 else { return [] }
        let (language, countries) = region.locales[random.below(region.locales.count)]
        let local = target.replacingFirst("/\(region.site)/", with: "/\(language)/")
        var routes: [TableRoute] = []
        let appsAllowed = !["beverages", "finance-services"].contains(unit.key)
        if appsAllowed, channel == "packaging" || channel == "warranty-registration", random.below(2) == 0 {
            routes.append(TableRoute(condition: TableCondition(devices: [.ios]),
                                     outcome: .target("https://apps.apple.com/app/\(unit.app)/id\(1_000_000_000 + random.below(8_999_999_999))")))
            routes.append(TableRoute(condition: TableCondition(devices: [.android]),
                                     outcome: .target("https://play.google.com/store/apps/details?id=example.acme.\(unit.app.split(separator: "-").last ?? "app")")))
        }
        routes.append(TableRoute(condition: TableCondition(languages: [language], countries: countries), outcome: .target(local)))
        if channel == "retail-display" || channel == "events", random.below(10) == 0 {
            routes.append(TableRoute(condition: TableCondition(countries: [countries[0]]), outcome: .split([
                TableSplitArm(weight: 50, target: target + "/a"), TableSplitArm(weight: 50, target: target + "/b"),
            ])))
        }
        return routes
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Base 31 over digits and letters no one misreads in print (no 0/o, 1/l, i).
    static func slugSuffix(_ value: Int) -> String {
        let digits = Array("23456789abcdefghjkmnpqrstuvwxyz")
        var value = value
        var out: [Character] = []
        repeat {
            out.append(digits[value % digits.count])
            value /= digits.count
        } while value > 0
        return String(out.reversed())
    }
}

extension String {
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }
}

/// SplitMix64, for reproducible tables.
struct Generator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func weighted(_ weights: [Int]) -> Int {
        var pick = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }
}

/// Deterministic, realistic payloads for the benchmark: the short dynamic-QR URLs qrops
/// prints, mid-length destination URLs, and long marketing URLs with UTM parameters.
enum URLCorpus {
    enum Kind: String, CaseIterable {
        case shortSlug = "short slug (~30 chars)"
        case destination = "destination (40-60 chars)"
        case marketing = "marketing + UTM (90-140 chars)"
    }

    struct Entry {
        var kind: Kind
        var url: String
    }

    static func make(count: Int, seed: UInt64 = 2026) -> [Entry] {
        var random = Random(seed: seed)
        return (0..<count).map { index in
            let kind = Kind.allCases[index % Kind.allCases.count]
            return Entry(kind: kind, url: url(kind, &random))
        }
    }

    private static let slugCharacters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    private static let domains = ["qr.acme.example", "go.acme.example", "q.acme-foods.example", "scan.acme.example"]
    private static let sections = ["support", "products", "manuals", "offers", "recipes", "warranty", "de/service", "fr/aide"]
    private static let products = ["coffee-x1", "kettle-k2", "grinder-pro", "toaster-t5", "blender-b900", "milk-frother"]
    private static let pages = ["setup", "cleaning", "descaling", "spare-parts", "register", "faq", "videos"]
    private static let mediums = ["packaging", "manual", "print", "poster", "label", "direct-mail"]
    private static let campaigns = ["spring-launch", "coffee-x1", "holiday-2026", "retail-eu", "loyalty"]

    private static func url(_ kind: Kind, _ random: inout Random) -> String {
        switch kind {
        case .shortSlug:
            let slug = String((0..<(4 + random.below(5))).map { _ in random.pick(slugCharacters) })
            return "https://\(random.pick(domains))/\(slug)"
        case .destination:
            return "https://www.acme.example/\(random.pick(sections))/\(random.pick(products))/\(random.pick(pages))"
        case .marketing:
            return "https://www.acme.example/\(random.pick(sections))/\(random.pick(products))/\(random.pick(pages))"
                + "?utm_source=qr&utm_medium=\(random.pick(mediums))&utm_campaign=\(random.pick(campaigns))"
                + "&utm_content=pr-\(2026)-\(100 + random.below(900))"
        }
    }
}

/// A 64-bit linear congruential generator: the same corpus on every machine.
struct Random {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

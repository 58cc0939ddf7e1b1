import Catalog
import Routing

/// A code's routes as a finite lookup table, for targets that route with maps on composite keys
/// (nginx, HAProxy): every request fact a route tests is reduced to a class (the device kind;
/// the preferred language if some route names it, else "other"; the same for the country; one
/// bit per distinct query condition), and each combination of classes is mapped to the first
/// route that matches it. Combinations no route matches are left out (they get the code's
/// default answer). Time conditions must already be gone (`StaticCode.liveRoutes`).
public struct RoutingVariants: Sendable, Hashable {
    /// Device kinds as the User-Agent classifier reports them.
    public static let deviceKinds: [Device] = [.ios, .android, .mobile, .desktop]

    /// nil when no route tests the device.
    public var devices: [Device]?
    /// Lower-case languages named by some route (sorted); nil when none tests the language.
    public var languages: [String]?
    /// Upper-case countries named by some route (sorted); nil when none tests the country.
    public var countries: [String]?
    /// Distinct query conditions, in first-use order: bit `i` of a variant is condition `i`.
    public var queries: [QueryCondition]
    public var variants: [Variant]

    public struct Variant: Sendable, Hashable {
        /// nil: not tested.
        public var device: Device?
        /// nil: another (or no) language / country, or not tested.
        public var language: String?
        public var country: String?
        public var queryBits: [Bool]
        /// The first route that matches (index into the live routes).
        public var route: Int
    }

    /// Nil when the combinations would exceed `limit`.
    public init?(routes: [TableRoute], limit: Int = 65_536) {
        let conditions = routes.map(\.condition)
        devices = conditions.contains { !$0.devices.isEmpty } ? Self.deviceKinds : nil
        let languages = Set(conditions.flatMap(\.languages))
        self.languages = languages.isEmpty ? nil : languages.sorted()
        let countries = Set(conditions.flatMap(\.countries))
        self.countries = countries.isEmpty ? nil : countries.sorted()
        var queries: [QueryCondition] = []
        for condition in conditions {
            for query in condition.query where !queries.contains(query) { queries.append(query) }
        }
        self.queries = queries
        let deviceClasses: [Device?] = devices ?? [nil]
        let languageClasses: [String?] = (self.languages ?? []).map { $0 } + [nil]
        let countryClasses: [String?] = (self.countries ?? []).map { $0 } + [nil]
        guard queries.count <= 16 else { return nil }
        let combinations = deviceClasses.count * languageClasses.count * countryClasses.count * (1 << queries.count)
        guard combinations <= limit else { return nil }
        var variants: [Variant] = []
        for device in deviceClasses {
            for language in languageClasses {
                for country in countryClasses {
                    for mask in 0 ..< (1 << queries.count) {
                        let bits = (0 ..< queries.count).map { mask & (1 << $0) != 0 }
                        let match = conditions.firstIndex { condition in
                            Self.matches(condition, device: device, language: language, country: country, queryBits: bits, queries: queries)
                        }
                        if let match {
                            variants.append(Variant(device: device, language: language, country: country, queryBits: bits, route: match))
                        }
                    }
                }
            }
        }
        self.variants = variants
    }

    static func matches(_ condition: TableCondition, device: Device?, language: String?, country: String?,
                        queryBits: [Bool], queries: [QueryCondition]) -> Bool {
        if !condition.devices.isEmpty {
            guard let device else { return false }
            let kind = ClientDevice(kind: device)
            guard condition.devices.contains(where: kind.matches) else { return false }
        }
        if !condition.languages.isEmpty {
            guard let language, condition.languages.contains(language) else { return false }
        }
        if !condition.countries.isEmpty {
            guard let country, condition.countries.contains(country) else { return false }
        }
        for query in condition.query {
            guard let index = queries.firstIndex(of: query), queryBits[index] else { return false }
        }
        return true
    }
}

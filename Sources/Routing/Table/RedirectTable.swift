import Catalog

/// Everything a scan's answer depends on, compiled from the catalog (docs/routing.md): one
/// entry per published code and one per short domain. Time is not applied here: launch,
/// retire and route windows are carried as instants and evaluated per request, so one table
/// answers correctly at any time. The `.qrt` and JSON files hold exactly this value.
public struct RedirectTable: Sendable, Hashable {
    /// Sorted by host (bytewise).
    public var domains: [TableDomain]
    /// Sorted by domain, then slug key (bytewise).
    public var codes: [TableCode]

    public init(domains: [TableDomain], codes: [TableCode]) {
        self.domains = domains
        self.codes = codes
    }

    /// The earliest instant after `instant` at which any code's answer changes (a launch, a
    /// retirement, a route window's edge), if there is one.
    public func nextTransition(after instant: Int64) -> Int64? {
        var earliest: Int64?
        forEachTransition { candidate in
            guard candidate > instant else { return }
            if earliest.map({ candidate < $0 }) ?? true { earliest = candidate }
        }
        return earliest
    }

    /// The latest instant at or before `instant` at which some code's answer changed, if any.
    /// Every answer is the same at any time from it up to (not including) the next transition,
    /// which is what lets a build without `--at` compile its static maps as of that instant and
    /// stay byte-identical until the next transition.
    public func previousTransition(atOrBefore instant: Int64) -> Int64? {
        var latest: Int64?
        forEachTransition { candidate in
            guard candidate <= instant else { return }
            if latest.map({ candidate > $0 }) ?? true { latest = candidate }
        }
        return latest
    }

    /// Every instant at which an active code's answer can change: launch, retire, and the
    /// edges of route windows (each takes effect from that instant on).
    private func forEachTransition(_ body: (Int64) -> Void) {
        // Through the buffer: `for code in codes` copies (retains and releases) every code.
        codes.withUnsafeBufferPointer { codes in
            for index in codes.indices where codes[index].state == .active {
                if let launch = codes[index].launch { body(launch) }
                if let retire = codes[index].retire { body(retire) }
                for route in codes[index].routes {
                    if let after = route.condition.after { body(after) }
                    if let before = route.condition.before { body(before) }
                }
            }
        }
    }
}

/// A short domain and what its unknown paths and code-less states fall back to.
public struct TableDomain: Sendable, Hashable {
    /// Lower-case, without a port or trailing dot.
    public var host: String
    /// Where codes without a fallback of their own go when they are not routing.
    public var fallback: String?
    /// Where an unknown slug goes; nil answers 404.
    public var notFound: String?
    /// Slugs compare case-insensitively (ASCII) unless the domain's policy says otherwise.
    public var caseSensitiveSlugs: Bool
    /// The request header that carries the visitor's country.
    public var countryHeader: String

    public static let defaultCountryHeader = "CF-IPCountry"

    public init(host: String, fallback: String? = nil, notFound: String? = nil, caseSensitiveSlugs: Bool = false, countryHeader: String = TableDomain.defaultCountryHeader) {
        self.host = host
        self.fallback = fallback
        self.notFound = notFound
        self.caseSensitiveSlugs = caseSensitiveSlugs
        self.countryHeader = countryHeader
    }

    /// The key a slug is looked up by on this domain.
    public func slugKey(_ slug: String) -> String {
        caseSensitiveSlugs ? slug : SlugPath.asciiLowercased(slug)
    }
}

/// The published states (a `draft` code is not in the table at all).
public enum TableState: String, Sendable, Hashable, CaseIterable {
    case active, paused, archived, retired
}

/// One published code.
public struct TableCode: Sendable, Hashable {
    public var id: String
    /// The domain's host (lower-case).
    public var domain: String
    /// The slug as written; lookups use `TableDomain.slugKey(slug)`.
    public var slug: String
    public var state: TableState
    /// Seconds since 1970 (UTC): before `launch` and from `retire` on, an active code falls back.
    public var launch: Int64?
    public var retire: Int64?
    /// The status of redirects to `target`, routes and splits: 301, 302, 307 or 308.
    public var status: Int
    public var target: String?
    public var forwardQuery: Bool
    /// `utm_*` parameters (full names) in the order they are appended.
    public var utm: [QueryParameter]
    public var routes: [TableRoute]
    /// The code's own fallback, else its domain's (resolved when compiling).
    public var fallback: String?

    public init(id: String, domain: String, slug: String, state: TableState, launch: Int64? = nil, retire: Int64? = nil,
                status: Int = 302, target: String?, forwardQuery: Bool = false, utm: [QueryParameter] = [],
                routes: [TableRoute] = [], fallback: String? = nil) {
        self.id = id
        self.domain = domain
        self.slug = slug
        self.state = state
        self.launch = launch
        self.retire = retire
        self.status = status
        self.target = target
        self.forwardQuery = forwardQuery
        self.utm = utm
        self.routes = routes
        self.fallback = fallback
    }

    /// The request headers any of this code's routes look at (for `Vary`), in a fixed order.
    public func varyHeaders(countryHeader: String) -> [String] {
        var device = false, language = false, country = false
        for route in routes {
            device = device || !route.condition.devices.isEmpty
            language = language || !route.condition.languages.isEmpty
            country = country || !route.condition.countries.isEmpty
        }
        var headers: [String] = []
        if device { headers.append("User-Agent") }
        if language { headers.append("Accept-Language") }
        if country { headers.append(countryHeader) }
        return headers
    }
}

/// A query parameter name and value, unencoded (encoded when a URL is composed).
public struct QueryParameter: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public struct TableRoute: Sendable, Hashable {
    public var condition: TableCondition
    public var outcome: TableOutcome

    public init(condition: TableCondition, outcome: TableOutcome) {
        self.condition = condition
        self.outcome = outcome
    }
}

public enum TableOutcome: Sendable, Hashable {
    case target(String)
    /// Arms in order; weights are positive.
    case split([TableSplitArm])
}

public struct TableSplitArm: Sendable, Hashable {
    public var weight: Int
    public var target: String

    public init(weight: Int, target: String) {
        self.weight = weight
        self.target = target
    }
}

/// A route's `when:`: every non-empty part must match (AND); a list matches any item (OR).
public struct TableCondition: Sendable, Hashable {
    public var devices: [Device]
    /// Lower-case primary language subtags.
    public var languages: [String]
    /// Upper-case ISO 3166-1 alpha-2 codes.
    public var countries: [String]
    public var query: [QueryCondition]
    /// Inclusive: matches from this instant on.
    public var after: Int64?
    /// Exclusive: matches until just before this instant.
    public var before: Int64?

    public init(devices: [Device] = [], languages: [String] = [], countries: [String] = [], query: [QueryCondition] = [], after: Int64? = nil, before: Int64? = nil) {
        self.devices = devices
        self.languages = languages
        self.countries = countries
        self.query = query
        self.after = after
        self.before = before
    }

    /// No part set: matches every scan.
    public var isAlways: Bool {
        devices.isEmpty && languages.isEmpty && countries.isEmpty && query.isEmpty && after == nil && before == nil
    }
}

/// `query: {name: value}`: the scan's query has `name` equal to `value`, or (value nil,
/// written `"*"`) has `name` at all.
public struct QueryCondition: Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog

/// From a linted catalog to the redirect table (pure; docs/routing.md, "What is published").
/// `draft` codes are left out; every other code is published with its state, and time is
/// left to the router. Codes are ordered by domain and slug key, domains by host, so equal
/// catalogs give equal tables whatever order the files were read in.
public enum TableCompiler {
    public static func compile(_ catalog: Catalog) -> RedirectTable {
        compile(catalog.codes, policies: catalog.policies)
    }

    public static func compile(_ codes: [Code], policies: Policies) -> RedirectTable {
        merge([entries(codes[...], policies: policies)], policies: policies)
    }

    /// Some codes compiled to table entries, not yet ordered: the per-code half of `compile`,
    /// so that `qrops build` can compile each file in lint's parallel pass and `merge` them.
    public struct Entries: Sendable, Equatable {
        /// Per entry: host, a 0x00 byte and the slug key (what the table is ordered by).
        public internal(set) var keys: [String] = []
        public internal(set) var codes: [TableCode] = []
        /// Hosts codes name that the policy does not list, sorted.
        public internal(set) var unlistedHosts: [String] = []

        init() {}

        /// Entries kept from an earlier `entries(_:policies:)` (the build's cache): `keys` and
        /// `codes` of equal length, in the order it gave them.
        public init?(keys: [String], codes: [TableCode], unlistedHosts: [String]) {
            guard keys.count == codes.count else { return nil }
            self.keys = keys
            self.codes = codes
            self.unlistedHosts = unlistedHosts
        }
    }

    /// The entries of `codes`, in their order (drafts and codes without a domain left out).
    public static func entries(_ codes: ArraySlice<Code>, policies: Policies) -> Entries {
        var domains = listedDomains(policies)
        let listed = Set(domains.keys)
        var result = Entries()
        result.keys.reserveCapacity(codes.count)
        result.codes.reserveCapacity(codes.count)
        var hosts = LastHost()
        var lastDomain: TableDomain?
        for code in codes {
            guard let compiled = compile(code, policies: policies, domains: &domains, hosts: &hosts) else { continue }
            if lastDomain?.host != compiled.domain { lastDomain = domains[compiled.domain] ?? TableDomain(host: compiled.domain) }
            result.keys.append(compiled.domain + "\u{0}" + (lastDomain ?? TableDomain(host: compiled.domain)).slugKey(compiled.slug))
            result.codes.append(compiled)
        }
        result.unlistedHosts = domains.keys.filter { !listed.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return result
    }

    /// The table of entries compiled from the parts of a catalog, given in catalog order.
    public static func merge(_ parts: [Entries], policies: Policies) -> RedirectTable {
        mergeTracing(parts, policies: policies).table
    }

    /// `merge`, also telling where each code of the table came from: code `i` is entry
    /// `sources[i].entry` of `parts[sources[i].part]`.
    public static func mergeTracing(_ parts: [Entries], policies: Policies)
        -> (table: RedirectTable, sources: [(part: Int32, entry: Int32)])
    {
        var domains = listedDomains(policies)
        // Positions (part, entry) rather than a concatenated copy of every entry: at a million
        // codes a copy would hold hundreds of megabytes more while the table is made.
        var positions: [(part: Int32, entry: Int32)] = []
        positions.reserveCapacity(parts.reduce(0) { $0 + $1.codes.count })
        for (number, part) in parts.enumerated() {
            for host in part.unlistedHosts where domains[host] == nil { domains[host] = TableDomain(host: host) }
            for entry in part.codes.indices { positions.append((Int32(truncatingIfNeeded: number), Int32(truncatingIfNeeded: entry))) }
        }
        func key(_ position: (part: Int32, entry: Int32)) -> String { parts[Int(position.part)].keys[Int(position.entry)] }
        func id(_ position: (part: Int32, entry: Int32)) -> String { parts[Int(position.part)].codes[Int(position.entry)].id }
        // A duplicate slug is a lint error (`duplicate-slug`); should a table be compiled anyway,
        // the code with the smallest id keeps the slug, whatever order the files were read in.
        // Sorted by the keys' first 24 bytes (three big-endian words: where they differ, that is
        // the keys' byte order), then by the whole keys and ids.
        var keyed = positions.map { position in (words: Self.leadingWords(key(position)), position: position) }
        keyed.sort {
            if $0.words != $1.words { return $0.words < $1.words }
            let left = key($0.position), right = key($1.position)
            return left == right ? bytewisePrecedes(id($0.position), id($1.position)) : bytewisePrecedes(left, right)
        }
        positions = keyed.map(\.position)
        var published: [TableCode] = []
        published.reserveCapacity(positions.count)
        var sources: [(part: Int32, entry: Int32)] = []
        sources.reserveCapacity(positions.count)
        var previousKey: String?
        for position in positions {
            let key = key(position)
            guard key != previousKey else { continue }
            published.append(parts[Int(position.part)].codes[Int(position.entry)])
            sources.append(position)
            previousKey = key
        }
        let sortedDomains = domains.values.sorted { $0.host.utf8.lexicographicallyPrecedes($1.host.utf8) }
        return (RedirectTable(domains: sortedDomains, codes: published), sources)
    }

    /// The policy's domains by host. Sorted, so that two policy keys naming one host
    /// (`QR.acme.example`, `qr.acme.example`) resolve the same way on every run: the last in
    /// byte order wins.
    static func listedDomains(_ policies: Policies) -> [String: TableDomain] {
        var domains: [String: TableDomain] = [:]
        for (host, policy) in policies.domains.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let domain = self.domain(host, policy)
            domains[domain.host] = domain
        }
        return domains
    }

    /// One code's entry, or nil for a draft or a code without a domain. Adds the code's domain
    /// to `domains` when the policy does not list it.
    public static func compile(_ code: Code, policies: Policies, domains: inout [String: TableDomain], draftAsActive: Bool = false) -> TableCode? {
        var hosts = LastHost()
        return compile(code, policies: policies, domains: &domains, hosts: &hosts, draftAsActive: draftAsActive)
    }

    static func compile(_ code: Code, policies: Policies, domains: inout [String: TableDomain], hosts: inout LastHost,
                        draftAsActive: Bool = false) -> TableCode? {
        guard let host = policies.domain(of: code).map({ hosts.host($0) }) else { return nil }
        let state: TableState
        switch code.status.value {
        case .draft:
            guard draftAsActive else { return nil }
            state = .active
        case .active: state = .active
        case .paused: state = .paused
        case .archived: state = .archived
        case .retired: state = .retired
        }
        let domainFallback: String?
        if let domain = domains[host] {
            domainFallback = domain.fallback
        } else {
            domains[host] = TableDomain(host: host)
            domainFallback = nil
        }
        // UTM parameters in their fixed order (source, medium, campaign, term, content).
        var utm: [QueryParameter] = []
        if !code.utm.isEmpty {
            utm.reserveCapacity(code.utm.count)
            for parameter in UTMParameter.allCases {
                if let value = code.utm.first(where: { $0.name == parameter.rawValue })?.value.value {
                    utm.append(QueryParameter(name: parameter.queryName, value: value))
                }
            }
        }
        return TableCode(
            id: code.id.value, domain: host, slug: code.slug.value, state: state,
            launch: code.launch?.value.seconds, retire: code.retire?.value.seconds,
            status: code.redirectStatus, target: code.target?.value,
            forwardQuery: code.forwardQuery?.value ?? false, utm: utm,
            routes: code.routes.compactMap(route), fallback: code.fallback?.value ?? domainFallback)
    }

    /// The table entry of one code on its own (for `expect:` checks), with its domain. A draft
    /// is compiled as the active code it will become when `draftAsActive`.
    public static func entry(for code: Code, policies: Policies, draftAsActive: Bool = false) -> (code: TableCode, domain: TableDomain)? {
        var domains: [String: TableDomain] = [:]
        if let host = policies.domain(of: code), let policy = policies.domains[host]
            ?? policies.domains.first(where: { SlugPath.host($0.key) == SlugPath.host(host) })?.value {
            let domain = self.domain(host, policy)
            domains[domain.host] = domain
        }
        guard let compiled = compile(code, policies: policies, domains: &domains, draftAsActive: draftAsActive),
              let domain = domains[compiled.domain] else { return nil }
        return (compiled, domain)
    }

    static func domain(_ host: String, _ policy: DomainPolicy) -> TableDomain {
        TableDomain(
            host: SlugPath.host(host), fallback: policy.fallback?.value, notFound: policy.notFound?.value,
            caseSensitiveSlugs: policy.caseSensitiveSlugs,
            countryHeader: policy.countryHeader?.value ?? TableDomain.defaultCountryHeader)
    }

    static func route(_ route: Route) -> TableRoute? {
        let outcome: TableOutcome
        if let target = route.target {
            outcome = .target(target.value)
        } else if !route.split.isEmpty {
            outcome = .split(route.split.map { TableSplitArm(weight: $0.weight.value, target: $0.target.value) })
        } else {
            return nil
        }
        return TableRoute(condition: route.when.map(condition) ?? TableCondition(), outcome: outcome)
    }

    /// `SlugPath.host` of the last domain asked for, remembered: codes share their domain.
    struct LastHost {
        private var last: (raw: String, host: String)?

        mutating func host(_ raw: String) -> String {
            if let last, last.raw.utf8.elementsEqual(raw.utf8) { return last.host }
            let host = SlugPath.host(raw)
            last = (raw, host)
            return host
        }
    }

    /// Bytewise UTF-8 order (`a.utf8.lexicographicallyPrecedes(b.utf8)`), with `memcmp` on
    /// native strings' contiguous bytes: the table sorts every code's key.
    /// The first 24 UTF-8 bytes of `text` as three big-endian words, zero-padded: when two
    /// texts' words differ, they order the texts as their bytes do.
    static func leadingWords(_ text: String) -> (UInt64, UInt64, UInt64) {
        var text = text
        return text.withUTF8 { bytes in
            func word(_ start: Int) -> UInt64 {
                var word: UInt64 = 0
                for index in start..<start + 8 { word = word << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
                return word
            }
            return (word(0), word(8), word(16))
        }
    }

    static func bytewisePrecedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Bool in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    public static func condition(_ when: Condition) -> TableCondition {
        TableCondition(
            devices: when.devices?.value ?? [],
            languages: (when.languages?.value ?? []).map(SlugPath.asciiLowercased),
            countries: (when.countries?.value ?? []).map { $0.uppercased() },
            query: when.query.map { QueryCondition(name: $0.name.value, value: $0.value.value == "*" ? nil : $0.value.value) },
            after: when.after?.value.seconds, before: when.before?.value.seconds)
    }
}

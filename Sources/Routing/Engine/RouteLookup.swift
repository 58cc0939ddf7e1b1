/// Where the router finds domains and codes: the in-memory table (`TableIndex`), or the
/// memory-mapped `.qrt` reader, without loading every entry.
public protocol RouteLookup {
    /// `host` is already normalised (`SlugPath.host`).
    func domain(host: String) -> TableDomain?
    /// `slugKey` is already folded for the domain (`TableDomain.slugKey`).
    func code(domain: TableDomain, slugKey: String) -> TableCode?
}

/// A `RedirectTable` with hash indexes over its domains and codes.
public struct TableIndex: RouteLookup, Sendable {
    public let table: RedirectTable
    private let domains: [String: Int]
    private let codes: [String: Int]

    public init(_ table: RedirectTable) {
        self.table = table
        var domains: [String: Int] = [:]
        for (index, domain) in table.domains.enumerated() where domains[domain.host] == nil { domains[domain.host] = index }
        var codes: [String: Int] = [:]
        codes.reserveCapacity(table.codes.count)
        for (index, code) in table.codes.enumerated() {
            let domain = domains[code.domain].map { table.domains[$0] } ?? TableDomain(host: code.domain)
            let key = Self.key(code.domain, domain.slugKey(code.slug))
            if codes[key] == nil { codes[key] = index }
        }
        self.domains = domains
        self.codes = codes
    }

    public func domain(host: String) -> TableDomain? {
        domains[host].map { table.domains[$0] }
    }

    public func code(domain: TableDomain, slugKey: String) -> TableCode? {
        codes[Self.key(domain.host, slugKey)].map { table.codes[$0] }
    }

    static func key(_ host: String, _ slugKey: String) -> String { host + "\u{0}" + slugKey }
}

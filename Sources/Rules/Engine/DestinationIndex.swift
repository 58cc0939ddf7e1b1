import Catalog

/// The destination policy prepared once per run for fast checks (see the destination rules):
/// the allow-lists (global and per compliance category) as exact hosts and domains, our own
/// short domains, and the confusable skeletons of all of them for the lookalike check.
/// Hosts are compared in ASCII form (lower-case, IDN labels as `xn--` Punycode).
public struct DestinationIndex: Sendable {
    /// `destinations.allowed`; nil when the policy has no allow-list (then any host is allowed).
    let global: AllowList?
    /// `compliance.<category>.allowed-destinations`, which replaces the global list.
    let categories: [String: AllowList]
    /// Our short domains (`domains:` keys and `default-domain`).
    let shortDomains: Set<Substring>
    /// Hosts named exactly in the policy: they are what they are, not lookalikes.
    let knownHosts: Set<Substring>
    /// `.domain` entries of any allow-list, and our short domains: hosts inside them are ours
    /// (we control their DNS), so they are never compared by skeleton.
    let ownDomains: [String]
    /// Skeleton of every host the policy names (exact entries, `.domain` entries, short domains).
    let protectedSkeletons: [String: String]
    /// Skeleton of every `.domain` entry and short domain, for lookalike subdomains.
    let protectedDomainSkeletons: [String: String]

    public init(policies: Policies) {
        let global = policies.allowedDestinations.isEmpty ? nil : AllowList(policies.allowedDestinations)
        var categories: [String: AllowList] = [:]
        for (key, category) in policies.compliance {
            if let entries = category.allowedDestinations { categories[key] = AllowList(entries) }
        }
        var shortDomains = Set<Substring>()
        for host in policies.domains.keys.sorted() + [policies.defaultDomain?.value].compactMap({ $0 }) {
            if let name = HostName(host[...]) { shortDomains.insert(name.ascii) }
        }
        self.global = global
        self.categories = categories
        self.shortDomains = shortDomains

        let lists = [global].compactMap { $0 } + categories.keys.sorted().compactMap { categories[$0] }
        var known = shortDomains
        var exactHosts = shortDomains.sorted().map(String.init)
        var domains = exactHosts
        for list in lists {
            known.formUnion(list.exact)
            exactHosts += list.exact.sorted().map(String.init)
            domains += list.domains
        }
        knownHosts = known
        ownDomains = domains
        var skeletons: [String: String] = [:]
        var domainSkeletons: [String: String] = [:]
        for host in exactHosts + domains {
            guard let name = HostName(host[...]) else { continue }
            let skeleton = ConfusableSkeleton.of(String(name.unicode))
            if skeletons[skeleton] == nil { skeletons[skeleton] = String(name.ascii) }
        }
        for domain in domains {
            guard let name = HostName(domain[...]) else { continue }
            let skeleton = ConfusableSkeleton.of(String(name.unicode))
            if domainSkeletons[skeleton] == nil { domainSkeletons[skeleton] = String(name.ascii) }
        }
        protectedSkeletons = skeletons
        protectedDomainSkeletons = domainSkeletons
    }

    /// The allow-list for a code of `category`: the category's own when it has one.
    func allowList(for category: String?) -> AllowList? {
        if let category, let list = categories[category] { return list }
        return global
    }

    func isShortDomain(_ host: HostName) -> Bool {
        shortDomains.contains(host.ascii)
    }

    /// The policy host that `host` imitates, if any: equal skeletons without being that host,
    /// or a subdomain of an imitation of one of our domains (`shop.acrne.example`). Hosts named
    /// in the policy, and hosts inside our own domains, imitate nothing.
    func imitatedHost(by host: HostName) -> String? {
        if knownHosts.contains(host.ascii) || ownDomains.contains(where: { host.isWithin($0) }) { return nil }
        let skeleton = ConfusableSkeleton.of(String(host.unicode))
        if let original = protectedSkeletons[skeleton], original != host.ascii { return original }
        var tail = skeleton[...]
        while let dot = tail.utf8.firstIndex(of: UInt8(ascii: ".")) {
            tail = tail[tail.index(after: dot)...]
            if let domain = protectedDomainSkeletons[String(tail)], !host.isWithin(domain) { return domain }
        }
        return nil
    }
}

/// One allow-list: exact hosts, and `.domain` entries that allow the domain itself and every
/// subdomain (`.acme.example` allows `acme.example` and `shop.acme.example`).
struct AllowList: Sendable {
    let exact: Set<Substring>
    /// From `.domain` entries, without the dot, in ASCII form.
    let domains: [String]
    /// The valid entries as written, for hints.
    let written: [String]

    init(_ entries: [Located<String>]) {
        var exact = Set<Substring>()
        var domains: [String] = []
        var written: [String] = []
        for entry in entries {
            guard let parsed = AllowListEntry(entry.value) else { continue }
            if parsed.isDomain { domains.append(parsed.host) } else { exact.insert(parsed.host[...]) }
            written.append(entry.value)
        }
        self.exact = exact
        self.domains = domains
        self.written = written
    }

    func allows(_ host: HostName) -> Bool {
        exact.contains(host.ascii) || domains.contains { host.isWithin($0) }
    }
}

/// One entry of an allow-list: `www.acme.example` (that host) or `.acme.example` (the domain
/// and its subdomains). Nil for anything else (URLs, wildcards, ports, spaces).
struct AllowListEntry: Sendable {
    let host: String
    let isDomain: Bool

    init?(_ text: String) {
        var body = text[...]
        isDomain = body.hasPrefix(".")
        if isDomain { body = body.dropFirst() }
        guard !body.isEmpty, !body.hasPrefix("."), !body.hasSuffix("."), !body.contains(".."),
              body.unicodeScalars.allSatisfy(Self.isHostScalar), let name = HostName(body) else { return nil }
        host = String(name.ascii)
    }

    private static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "." || scalar == "_"
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}

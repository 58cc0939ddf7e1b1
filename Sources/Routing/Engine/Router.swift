import Catalog

/// The routing engine (docs/routing.md): one pure function from a scan and a table to an
/// answer, used by `qrops resolve`, `expect:` entries, the table reader and the servers' tests.
public enum Router {
    public static func resolve(_ request: ScanRequest, in lookup: some RouteLookup) -> Resolution {
        let host = SlugPath.host(request.host)
        guard let domain = lookup.domain(host: host) else {
            return Resolution(
                status: 404, location: nil, destination: nil, cacheControl: Resolution.temporaryCacheControl, vary: [],
                codeID: nil, outcome: .unknownDomain, trace: ["`\(host)` is not one of the table's short domains"])
        }
        let slug = SlugPath.slug(fromPath: request.path)
        let key = domain.slugKey(slug)
        // A slug is one path segment: an empty path or a deeper one names no code.
        guard !key.isEmpty, !key.utf8.contains(0x2F), let code = lookup.code(domain: domain, slugKey: key) else {
            return notFound(domain, slug: slug)
        }
        var resolution = resolve(request, code: code, domain: domain)
        resolution.trace.insert("`\(slug)` on \(domain.host) is code \(code.id)", at: 0)
        return resolution
    }

    /// Answers a scan of one code (the slug already matched).
    public static func resolve(_ request: ScanRequest, code: TableCode, domain: TableDomain) -> Resolution {
        switch code.state {
        case .paused: return fallback(code, .paused, "the code is paused")
        case .archived: return fallback(code, .archived, "the code is archived")
        case .retired: return fallback(code, .retired, "the code is retired")
        case .active: break
        }
        if let launch = code.launch, request.at < launch {
            return fallback(code, .notLaunched, "the code launches at \(Instant(seconds: launch))")
        }
        if let retire = code.retire, request.at >= retire {
            return fallback(code, .pastRetire, "the code retired at \(Instant(seconds: retire))")
        }
        var facts = RequestFacts(request, countryHeader: domain.countryHeader)
        var trace: [String] = []
        for (index, route) in code.routes.enumerated() {
            if let mismatch = facts.mismatch(route.condition) {
                trace.append("route \(index + 1) does not match: \(mismatch)")
                continue
            }
            trace.append("route \(index + 1) matches" + (route.condition.isAlways ? " (no conditions)" : ": " + facts.describeMatch(route.condition)))
            switch route.outcome {
            case .target(let target):
                return answer(code, domain, request, destination: target, outcome: .route(index), trace: trace)
            case .split(let arms):
                let key = SplitHash.key(client: request.client, codeID: code.id)
                let hash = SplitHash.murmur2(key)
                let arm = SplitHash.arm(for: hash, weights: arms.map(\.weight))
                guard arms.indices.contains(arm) else {
                    // Never compiled (a split has two arms or more), but a table is data: skip it.
                    trace.append("split has no arms: skipped")
                    continue
                }
                trace.append("split: client `\(request.client ?? "")` hashes to \(hash), arm \(arm + 1) of \(arms.count) (weights \(arms.map { String($0.weight) }.joined(separator: "/")))")
                return answer(code, domain, request, destination: arms[arm].target, outcome: .split(route: index, arm: arm), trace: trace)
            }
        }
        guard let target = code.target else {
            var resolution = fallback(code, .noTarget, "no route matched and the code has no target")
            resolution.trace = trace + resolution.trace
            // The routes looked at the request to get here, so the answer varies like theirs.
            resolution.vary = code.varyHeaders(countryHeader: domain.countryHeader)
            return resolution
        }
        trace.append(code.routes.isEmpty ? "the code has no routes: its target" : "no route matched: the code's target")
        return answer(code, domain, request, destination: target, outcome: .target, trace: trace)
    }

    static func answer(_ code: TableCode, _ domain: TableDomain, _ request: ScanRequest, destination: String,
                       outcome: Resolution.Outcome, trace: [String]) -> Resolution {
        let location = DestinationComposer.compose(destination, forwardedQuery: code.forwardQuery ? request.query : nil, utm: code.utm)
        let permanent = code.status == 301 || code.status == 308
        return Resolution(
            status: code.status, location: location, destination: destination,
            cacheControl: !permanent ? Resolution.temporaryCacheControl
                : isSplit(outcome) ? Resolution.permanentSplitCacheControl : Resolution.permanentCacheControl,
            vary: code.varyHeaders(countryHeader: domain.countryHeader), codeID: code.id, outcome: outcome, trace: trace)
    }

    static func isSplit(_ outcome: Resolution.Outcome) -> Bool {
        if case .split = outcome { return true }
        return false
    }

    static func fallback(_ code: TableCode, _ reason: Resolution.FallbackReason, _ why: String) -> Resolution {
        guard let fallback = code.fallback else {
            return Resolution(
                status: 404, location: nil, destination: nil, cacheControl: Resolution.temporaryCacheControl, vary: [],
                codeID: code.id, outcome: .fallback(reason), trace: [why, "no fallback (the code's or the domain's): 404"])
        }
        return Resolution(
            status: 302, location: fallback, destination: fallback, cacheControl: Resolution.temporaryCacheControl, vary: [],
            codeID: code.id, outcome: .fallback(reason), trace: [why, "fallback: \(fallback)"])
    }

    static func notFound(_ domain: TableDomain, slug: String) -> Resolution {
        let why = slug.isEmpty ? "the path names no slug"
            : slug.utf8.contains(0x2F) ? "the path `\(slug)` has more than one segment"
            : "no published code has slug `\(slug)` on \(domain.host)"
        guard let notFound = domain.notFound else {
            return Resolution(
                status: 404, location: nil, destination: nil, cacheControl: Resolution.temporaryCacheControl, vary: [],
                codeID: nil, outcome: .notFound, trace: [why, "the domain has no not-found destination: 404"])
        }
        return Resolution(
            status: 302, location: notFound, destination: notFound, cacheControl: Resolution.temporaryCacheControl, vary: [],
            codeID: nil, outcome: .notFound, trace: [why, "the domain's not-found destination: \(notFound)"])
    }
}

/// The request facts routes test, each worked out once and only when a route asks.
struct RequestFacts {
    let request: ScanRequest
    let countryHeader: String
    private var deviceCache: ClientDevice?
    private var languageCache: String??
    private var queryCache: [(name: String, value: String)]?

    init(_ request: ScanRequest, countryHeader: String) {
        self.request = request
        self.countryHeader = countryHeader
    }

    var device: ClientDevice {
        mutating get {
            if let deviceCache { return deviceCache }
            let device = request.device.map { ClientDevice(kind: $0) } ?? DeviceClassifier.classify(request.userAgent)
            deviceCache = device
            return device
        }
    }

    var language: String? {
        mutating get {
            if let languageCache { return languageCache }
            // An override (`expect: {when: {language: fr-CH}}`) is read like a header.
            let language = AcceptLanguage.preferred(request.language ?? request.acceptLanguage)
            languageCache = .some(language)
            return language
        }
    }

    /// The country header's value without surrounding blanks, ASCII-upper-cased; nil when
    /// absent or blank.
    var country: String? {
        guard let raw = request.country else { return nil }
        let trimmed = Substring(raw).trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return String(decoding: trimmed.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    var query: [(name: String, value: String)] {
        mutating get {
            if let queryCache { return queryCache }
            var pairs: [(name: String, value: String)] = []
            for part in (request.query ?? "").split(separator: "&") {
                let name = part.firstIndex(of: "=").map { part[..<$0] } ?? part
                let value = part.firstIndex(of: "=").map { part[part.index(after: $0)...] } ?? ""
                pairs.append((SlugPath.percentDecoded(String(name)), SlugPath.percentDecoded(String(value))))
            }
            queryCache = pairs
            return pairs
        }
    }

    /// Why the condition does not match, or nil when it does.
    mutating func mismatch(_ condition: TableCondition) -> String? {
        if let after = condition.after, request.at < after { return "before \(Instant(seconds: after))" }
        if let before = condition.before, request.at >= before { return "not before \(Instant(seconds: before))" }
        if !condition.devices.isEmpty {
            let device = self.device
            if !condition.devices.contains(where: device.matches) {
                return "device is \(device.kind.rawValue)\(device.isBot ? " (bot)" : ""), wants \(condition.devices.map(\.rawValue).joined(separator: " or "))"
            }
        }
        if !condition.languages.isEmpty {
            let language = self.language
            if !condition.languages.contains(where: { $0 == language }) {
                return "language is \(language ?? "unknown"), wants \(condition.languages.joined(separator: " or "))"
            }
        }
        if !condition.countries.isEmpty {
            let country = self.country
            if !condition.countries.contains(where: { $0 == country }) {
                return "country (\(countryHeader)) is \(country ?? "unknown"), wants \(condition.countries.joined(separator: " or "))"
            }
        }
        for wanted in condition.query {
            let pairs = query
            let found = pairs.contains { $0.name == wanted.name && (wanted.value == nil || $0.value == wanted.value) }
            if !found { return "query has no \(wanted.name)=\(wanted.value ?? "*")" }
        }
        return nil
    }

    mutating func describeMatch(_ condition: TableCondition) -> String {
        var parts: [String] = []
        if !condition.devices.isEmpty { parts.append("device \(device.kind.rawValue)") }
        if !condition.languages.isEmpty { parts.append("language \(language ?? "")") }
        if !condition.countries.isEmpty { parts.append("country \(country ?? "")") }
        for wanted in condition.query { parts.append("query \(wanted.name)=\(wanted.value ?? "*")") }
        if let after = condition.after { parts.append("at or after \(Instant(seconds: after))") }
        if let before = condition.before { parts.append("before \(Instant(seconds: before))") }
        return parts.joined(separator: ", ")
    }
}

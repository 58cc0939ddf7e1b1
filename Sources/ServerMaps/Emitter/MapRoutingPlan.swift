import Catalog
import Routing

/// The entries of the lookup maps that nginx and HAProxy route with, worked out code by code
/// (docs/servers/nginx.md, "How it works"). A code that cannot be written safely is left out
/// with an error finding. The target's `Dialect` says what it can write and how it keys.
struct MapRoutingPlan {
    struct Dialect: Sendable {
        var target: String
        /// Why a value (destination part, code id) cannot be written, or nil.
        var textProblem: @Sendable (String) -> String?
        var slugProblem: @Sendable (String) -> String?
        var isSafeHost: @Sendable (String) -> Bool
        /// The country header's request variable or fetch, nil when the target cannot read it.
        var headerReference: @Sendable (String) -> String?
        /// nginx keys match without case (`~Slug/` before the body checks the case); HAProxy
        /// keys match exactly (keys of case-insensitive domains are stored lower-case).
        var keysIgnoreCase: Bool
        /// The value of a split route: nginx names the arm variable, HAProxy the shape.
        var splitRouteValue: @Sendable (_ number: Int, _ route: Int, _ shape: Int) -> String
        /// The longest map line the target reads whole (HAProxy: 16 KB), or nil.
        var lineLimit: Int?
        /// Whether the target splits with the engine's hash (nginx `split_clients`); when not,
        /// every split gets a warning saying how the target splits instead.
        var splitsLikeEngine: Bool
        var splitWarning: String = ""
    }

    /// `host/slug` → body: an answer record, or `@N:flags` for a routed code; for nginx, `~Slug/`
    /// in front on case-sensitive domains.
    var codes = MapEntries()
    /// `N|device|language|country|querybits` → `N:route` (or `N:route:${qrops_armK}`).
    var routes = MapEntries()
    /// `N:d`, `N:route`, `N:route:arm` → answer record.
    var answers = MapEntries()
    /// `N|kind` → device class; `N|fr` → `fr`; `N|FR` → `FR`.
    var devices = MapEntries()
    var languages = MapEntries()
    var countries = MapEntries()
    /// Slot `j`: (code number, pattern body) for the code's `j`-th query condition.
    var querySlots: [[(code: Int, pattern: String)]] = []
    /// `N` → code id, for codes with a split (the split key is `<client address>:<code id>`).
    var splitIDs = MapEntries()
    /// Distinct split percentage lists (hundredths of a percent per arm), in first-use order.
    var splitShapes: [[Int]] = []
    /// host → not-found record.
    var notFound = MapEntries()
    /// host → country header reference, for hosts whose header is not the default one.
    var countryHeaders = MapEntries()
    var defaultCountryHeader = ""
    /// Every country header reference used, default first.
    var headerReferences: [String] = []
    /// host → `i:K` or `s:K` (case-insensitive or case-sensitive slugs; country header `K` of
    /// `headerReferences`), for every domain.
    var hosts = MapEntries()
    var usesLanguage = false
    var usesQuery = false
    var findings: [EmitterFinding] = []

    let dialect: Dialect

    /// Empties the entry lists once the emitter has taken them into its list of map files, so
    /// that each file's entries are freed as soon as that file is written (the two share their
    /// storage until one changes).
    mutating func forgetEntries() {
        codes = MapEntries()
        routes = MapEntries()
        answers = MapEntries()
        devices = MapEntries()
        languages = MapEntries()
        countries = MapEntries()
        splitIDs = MapEntries()
    }
    var target: String { dialect.target }

    init(_ table: RedirectTable, at instant: Int64, dialect: Dialect) {
        self.dialect = dialect
        var domains: [String: TableDomain] = [:]
        for domain in table.domains { domains[domain.host] = domain }
        var headerVariables: [String: String?] = [:]
        for domain in table.domains {
            let variable = dialect.headerReference(domain.countryHeader)
            headerVariables[domain.host] = variable
            if variable == nil {
                findings.append(EmitterFinding(
                    .error, rule: "target-cannot-express", target: target, codeID: nil,
                    message: "\(target) cannot read the country header `\(domain.countryHeader)` of \(domain.host): only header names of letters, digits and `-` are supported",
                    hint: "set `country-header` to a name such as `CF-IPCountry`"))
            }
        }
        let variables = table.domains.compactMap { headerVariables[$0.host] ?? nil }
        defaultCountryHeader = Self.mostCommon(variables) ?? dialect.headerReference(TableDomain.defaultCountryHeader) ?? ""
        headerReferences = [defaultCountryHeader]
        for variable in variables where !headerReferences.contains(variable) { headerReferences.append(variable) }
        for domain in table.domains {
            guard dialect.isSafeHost(domain.host) else {
                findings.append(EmitterFinding(.error, rule: "target-unsafe-value", target: target, codeID: nil,
                                               message: "the domain `\(domain.host)` cannot be written into \(target) configuration"))
                continue
            }
            let variable = headerVariables[domain.host] ?? nil
            if let variable, variable != defaultCountryHeader {
                countryHeaders.append((domain.host, variable))
            }
            let headerIndex = variable.flatMap { headerReferences.firstIndex(of: $0) } ?? 0
            hosts.append((domain.host, (domain.caseSensitiveSlugs ? "s:" : "i:") + String(headerIndex)))
            let record = answerRecord(.redirect302(domain.notFound), codeID: nil)
            if let record, domain.notFound != nil { notFound.append((domain.host, record)) }
        }
        for (number, code) in table.codes.enumerated() {
            let domain = domains[code.domain] ?? TableDomain(host: code.domain)
            add(code, number: number, domain: domain, at: instant, countryHeaderOK: (headerVariables[domain.host] ?? nil) != nil)
        }
    }

    mutating func add(_ code: TableCode, number: Int, domain: TableDomain, at instant: Int64, countryHeaderOK: Bool) {
        func refuse(_ message: String, hint: String? = nil) {
            findings.append(EmitterFinding(.error, rule: "target-unsafe-value", target: target, codeID: code.id, message: message, hint: hint))
        }
        guard dialect.isSafeHost(domain.host) else { return }
        if let problem = dialect.slugProblem(code.slug) {
            return refuse("the slug `\(code.slug)` cannot be written into a \(target) map: it contains \(problem)",
                          hint: "\(target) maps hold slugs of ASCII letters, digits and `-._~!*(),;:@&=+%'`")
        }
        let exact: String
        let key: String
        if dialect.keysIgnoreCase {
            key = domain.host + "/" + code.slug
            exact = domain.caseSensitiveSlugs ? "~" + code.slug + "/" : ""
        } else {
            key = domain.host + "/" + domain.slugKey(code.slug)
            exact = ""
        }
        let frozen = StaticCode(code, at: instant)
        let routes = frozen.liveRoutes
        guard !routes.isEmpty else {
            guard let record = answerRecord(frozen.defaultAnswer(domain: domain), codeID: code.id) else { return }
            codes.append((key, exact + record))
            return
        }
        guard let variants = RoutingVariants(routes: routes) else {
            return refuse("the routes of \(code.id) combine too many devices, languages, countries and query conditions for \(target) maps",
                          hint: "split the code's routes, or name fewer languages and countries")
        }
        if variants.countries != nil, !countryHeaderOK {
            return refuse("\(code.id) routes on the country, but \(target) cannot read the domain's country header")
        }
        for country in variants.countries ?? [] where !Self.isPlainToken(country) {
            return refuse("the country `\(country)` of \(code.id) cannot be written into a \(target) map")
        }
        // Answers first, so an unsafe destination refuses the whole code.
        var entries: [(key: String, value: String)] = []
        guard let fallbackRecord = answerRecord(frozen.defaultAnswer(domain: domain), codeID: code.id) else { return }
        entries.append(("\(number):d", fallbackRecord))
        var routeValues: [String] = []
        var hasSplit = false
        for (index, route) in routes.enumerated() {
            switch route.outcome {
            case .target(let target):
                guard let record = answerRecord(.destination(target, of: code, domain: domain), codeID: code.id) else { return }
                entries.append(("\(number):\(index)", record))
                routeValues.append("\(number):\(index)")
            case .split(let arms):
                hasSplit = true
                let shape = splitShape(arms, code: code)
                let shapeIndex = splitShapes.firstIndex(of: shape) ?? {
                    splitShapes.append(shape)
                    return splitShapes.count - 1
                }()
                for (armIndex, arm) in arms.enumerated() {
                    guard let record = answerRecord(.destination(arm.target, of: code, domain: domain), codeID: code.id) else { return }
                    entries.append(("\(number):\(index):\(armIndex)", record))
                }
                routeValues.append(dialect.splitRouteValue(number, index, shapeIndex))
            }
        }
        if hasSplit {
            if let problem = dialect.textProblem(code.id) {
                return refuse("the id of \(code.id) cannot be written into \(target)'s split key: it contains \(problem)")
            }
            splitIDs.append((String(number), code.id))
        }
        var flags = ""
        if variants.devices != nil { flags += "d" }
        if variants.languages != nil { flags += "l"; usesLanguage = true }
        if variants.countries != nil { flags += "c" }
        if !variants.queries.isEmpty { flags += "q"; usesQuery = true }
        codes.append((key, exact + "@\(number):\(flags)"))
        for entry in entries { answers.append(entry) }
        if variants.devices != nil {
            for kind in RoutingVariants.deviceKinds { devices.append(("\(number)|\(kind.rawValue)", kind.rawValue)) }
        }
        // A language that is not a primary subtag never matches, in the engine and here.
        for language in variants.languages ?? [] where Self.isLanguageTag(language) {
            languages.append(("\(number)|\(language)", language))
        }
        for country in variants.countries ?? [] { countries.append(("\(number)|\(country)", country)) }
        for (slot, condition) in variants.queries.enumerated() {
            while querySlots.count <= slot { querySlots.append([]) }
            querySlots[slot].append((number, QueryConditionPattern.body(condition)))
        }
        let slotCount = variants.queries.count
        for variant in variants.variants {
            let device = variant.device?.rawValue ?? "-"
            let language = variant.language ?? "-"
            let country = variant.country ?? "-"
            if let language = variant.language, !Self.isLanguageTag(language) { continue }
            let bits = slotCount == 0 ? "-" : variant.queryBits.map { $0 ? "1" : "0" }.joined()
            self.routes.append(("\(number)|\(device)|\(language)|\(country)|\(bits)", routeValues[variant.route]))
        }
    }

    /// `S F V PREFIX SEP FRAG` (one space between fields), or `404`; nil (with a finding) when a
    /// part cannot be written.
    mutating func answerRecord(_ answer: StaticAnswer, codeID: String?) -> String? {
        guard answer.status != 404 else { return "404" }
        if !Self.isAbsoluteWebURL(answer.prefix) {
            findings.append(EmitterFinding(
                .error, rule: "target-unsafe-value", target: target, codeID: codeID,
                message: "the destination `\(Self.shortened(answer.prefix + answer.fragment))` is not an absolute http(s) URL: \(target) would resolve it against the request or send the scanner somewhere else",
                hint: "write an absolute `https://` URL"))
            return nil
        }
        for text in answer.texts {
            if let problem = dialect.textProblem(text) {
                findings.append(EmitterFinding(
                    .error, rule: "target-unsafe-value", target: target, codeID: codeID,
                    message: "the destination `\(Self.shortened(answer.prefix + answer.fragment))` cannot be written into \(target) configuration: it contains \(problem)",
                    hint: "percent-encode the character"))
                return nil
            }
        }
        let vary = answer.vary.isEmpty ? "-" : answer.vary.joined(separator: ",")
        let record = "\(answer.status) \(answer.forwardsQuery ? 1 : 0) \(vary) \(answer.prefix) \(answer.separator) \(answer.fragment)"
        if let limit = dialect.lineLimit, record.utf8.count + 200 > limit {
            findings.append(EmitterFinding(
                .error, rule: "target-line-too-long", target: target, codeID: codeID,
                message: "the destination `\(Self.shortened(answer.prefix))` is \(answer.prefix.utf8.count) bytes: \(target) reads map lines of at most \(limit) bytes",
                hint: "shorten the URL (destination-too-long allows 2000 bytes)"))
            return nil
        }
        return record
    }

    /// Each arm's share in hundredths of a percent (`split_clients` has two decimals). When the
    /// weights do not divide exactly, the nearest shares are used and a warning says so.
    mutating func splitShape(_ arms: [TableSplitArm], code: TableCode) -> [Int] {
        let total = max(arms.reduce(0) { $0 + max($1.weight, 0) }, 1)
        var cumulative = 0
        var boundary = 0
        var shares: [Int] = []
        var exact = true
        for arm in arms {
            cumulative += max(arm.weight, 0)
            if (cumulative * 10000) % total != 0 { exact = false }
            // Rounded boundaries; every arm but the last (`*`) keeps at least 0.01%, since
            // nginx reads 0% as "the rest".
            let next = max(boundary + 1, (cumulative * 10000 + total / 2) / total)
            shares.append(next - boundary)
            boundary = next
        }
        if !dialect.splitsLikeEngine {
            findings.append(EmitterFinding(
                .warning, rule: "target-split-not-engine", target: target, codeID: code.id,
                message: "\(target) cannot compute the engine's split hash: \(dialect.splitWarning) The split of \(code.id) keeps its weights and is sticky per client address, but a client may get another arm than `qrops resolve` says",
                hint: "if every scanner must get the arm `qrops resolve` shows, serve this code from nginx or `qrops serve`"))
        } else if !exact {
            findings.append(EmitterFinding(
                .warning, rule: "target-split-approximate", target: target, codeID: code.id,
                message: "\(target) `split_clients` takes percentages with two decimals: the weights \(arms.map { String($0.weight) }.joined(separator: "/")) of \(code.id) are rounded to \(shares.map { Self.percent($0) }.joined(separator: "/")), so some clients get another arm than `qrops resolve` says",
                hint: "use weights that are whole hundredths of a percent of their sum (50/50, 1/3/6, 2500/7500)"))
        }
        return shares
    }

    /// `http://` or `https://` (any case) followed by a host.
    static func isAbsoluteWebURL(_ text: String) -> Bool {
        let lower = SlugPath.asciiLowercased(String(text.prefix(9)))
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : lower.hasPrefix("http://") ? text.dropFirst(7) : nil
        guard let rest, let first = rest.first else { return false }
        return first != "/" && first != "?" && first != "#"
    }

    /// At most 80 characters of `text`, for messages.
    static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "..."
    }

    static func percent(_ hundredths: Int) -> String {
        let fraction = hundredths % 100
        if fraction == 0 { return "\(hundredths / 100)%" }
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)%"
    }

    static func isLanguageTag(_ text: String) -> Bool {
        (1...8).contains(text.utf8.count) && text.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    static func isPlainToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}

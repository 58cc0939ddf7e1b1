import Catalog
import Routing

/// `apache/qrops.conf`: mod_rewrite rules that find the scan's answer in the RewriteMap and send
/// it, and mod_headers lines for `Cache-Control` and `Vary`. No destination appears here (they
/// live in the map, whose values mod_rewrite inserts without expanding them again).
struct ApacheRules {
    private(set) var varyLists: [[String]] = []
    private var domains: [TableDomain] = []
    private var routed: [(plan: PlannedCode, domain: TableDomain, number: Int)] = []
    private var kinds = Set<String>()
    private var needsDevice = false
    private var needsLanguage = false
    /// Answers too long for a map line, written as rules (`key`, answer, its vary number).
    private var longAnswers: [(key: String, answer: PlannedAnswer, vary: Int?)] = []

    /// The number a `Vary` header list goes by in the map (nil: no header).
    mutating func varyNumber(_ vary: [String]) -> Int? {
        guard !vary.isEmpty else { return nil }
        if let index = varyLists.firstIndex(of: vary) { return index + 1 }
        varyLists.append(vary)
        return varyLists.count
    }

    /// The map entries of a code (not yet added: see `add`).
    mutating func entries(for plan: PlannedCode, domain: TableDomain) -> [(key: String, value: String)]? {
        let key = domain.host + "/" + plan.key
        switch plan.behaviour {
        case .answer(let answer):
            return [(key, ApacheMapFile.answer(answer, varyNumber: varyNumber(answer.vary)))]
        case .routed(let routes, let otherwise):
            var entries = [(key, "route|\(routed.count + 1)|\(Self.needs(routes))")]
            for route in routes {
                if let arms = route.split {
                    for (index, arm) in arms.enumerated() {
                        entries.append((key + "/\(route.number)-\(index + 1)", ApacheMapFile.answer(arm.answer, varyNumber: varyNumber(arm.answer.vary))))
                    }
                } else {
                    entries.append((key + "/\(route.number)", ApacheMapFile.answer(route.answer, varyNumber: varyNumber(route.answer.vary))))
                }
            }
            entries.append((key + "/0", ApacheMapFile.answer(otherwise, varyNumber: varyNumber(otherwise.vary))))
            return entries
        }
    }

    mutating func add(_ plan: PlannedCode, domain: TableDomain) {
        for answer in plan.answers { kinds.insert(Self.kind(answer)) }
        if case .routed(let routes, _) = plan.behaviour {
            routed.append((plan, domain, routed.count + 1))
            let needs = Self.needs(routes)
            needsDevice = needsDevice || needs.contains("d")
            needsLanguage = needsLanguage || needs.contains("l")
        }
    }

    mutating func addDomain(_ domain: TableDomain) {
        domains.append(domain)
        kinds.insert(Self.kind(.fallback(domain.notFound)))
    }

    mutating func addLongAnswer(key: String, answer: PlannedAnswer) {
        longAnswers.append((key, answer, varyNumber(answer.vary)))
    }

    /// Bytes a destination written into a RewriteRule substitution may hold: RFC 3986's
    /// unreserved and reserved characters and `%` (escaped `\%`), nothing mod_rewrite or Apache
    /// would expand (`$`, `{`, `}`), and nothing that ends a config word (whitespace, quotes,
    /// backslash). Keys the same, for the `=key` condition.
    static func canWriteInRules(_ key: String, _ answer: PlannedAnswer) -> Bool {
        let allowed = Set("-._~:/?#[]@!&'()*+,;=%".utf8)
        func plain(_ text: String) -> Bool {
            text.utf8.allSatisfy { RequestPattern.isLetter($0) || RequestPattern.isDigit($0) || allowed.contains($0) }
        }
        return plain(key) && answer.texts.allSatisfy(plain)
    }

    /// A substitution's literal text: `%` escaped so mod_rewrite does not read a back-reference.
    static func substitution(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// For each arm but the last, the hash (8 lower-case hex digits) its cumulative weight ends
    /// at: arm i takes hashes below ⌊2³² · (w₀ + … + wᵢ) / Σw⌋.
    static func splitThresholds(_ weights: [Int]) -> [String] {
        let total = UInt64(max(weights.reduce(0) { $0 + max($1, 0) }, 1))
        var cumulative: UInt64 = 0
        return weights.dropLast().map { weight in
            cumulative += UInt64(max(weight, 0))
            let bound = min((cumulative << 32) / total, 0xFFFF_FFFF)
            let hex = String(bound, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }
    }

    static func needs(_ routes: [PlannedRoute]) -> String {
        (routes.contains { !$0.condition.devices.isEmpty } ? "d" : "") + (routes.contains { !$0.condition.languages.isEmpty } ? "l" : "")
    }

    /// `302`, `308q` (forwards the query), `404`.
    static func kind(_ answer: PlannedAnswer) -> String {
        answer.status == 404 ? "404" : "\(answer.status)" + (answer.location?.forwardsQuery == true ? "q" : "")
    }

    func text(at instant: Int64) -> [UInt8] {
        var lines = TextOutput(reservingCapacity: 64 * 1024 + routed.count * 512)
        func comment(_ text: String) { lines.line("# " + PlainNames.comment(text)) }
        comment("qrops redirects for Apache httpd 2.4 (mod_rewrite, mod_headers), compiled as of \(Instant(seconds: instant)).")
        comment("Generated by `qrops build`: do not edit. Inside the <VirtualHost> of the short domains:")
        comment("    Define QROPS_APACHE /path/to/build/apache")
        comment("    Include ${QROPS_APACHE}/qrops.conf")
        comment("For a large map run make-dbm.sh after each build and `Define QROPS_APACHE_DBM` too.")
        comment("Then `apachectl configtest && apachectl graceful` (docs/servers/apache.md).")
        lines.line("RewriteEngine On")
        comment("An encoded slash in the path is decoded like any other byte (qrops then finds no code).")
        lines.line("AllowEncodedSlashes On")
        lines.line("RewriteMap qrops_lower int:tolower")
        let forwards = kinds.contains { $0.hasSuffix("q") }
        if forwards {
            lines.line("RewriteMap qrops_upper int:toupper")
            lines.line("RewriteMap qrops_escape int:escape")
        }
        lines.line("<IfDefine QROPS_APACHE_DBM>")
        lines.line("    RewriteMap qrops_codes \"dbm=db:${QROPS_APACHE}/codes.db\"")
        lines.line("</IfDefine>")
        lines.line("<IfDefine !QROPS_APACHE_DBM>")
        lines.line("    RewriteMap qrops_codes \"txt:${QROPS_APACHE}/codes.txt\"")
        lines.line("</IfDefine>")
        if forwards {
            lines.line("")
            comment("The scan's query as qrops forwards it: bytes a Location may not hold raw are percent-encoded,")
            comment("one per round (N): QROPS_QD holds the part done, QROPS_Q the rest, each after a `#` (which a")
            comment("query never holds), so that neither is ever empty.")
            lines.line("RewriteCond %{ENV:QROPS_QS} !=1")
            lines.line("RewriteRule ^ - [E=QROPS_Q:#%{QUERY_STRING},E=QROPS_QD:#,E=QROPS_QS:1]")
            lines.line("RewriteCond %{ENV:QROPS_Q} ^#([^\\x22<>\\x5C^`{|}\\x80-\\xFF]*)([\\x22<>\\x5C^`{|}\\x80-\\xFF])(.*)$")
            lines.line("RewriteRule ^ - [E=QROPS_QD:%{ENV:QROPS_QD}%1${qrops_upper:${qrops_escape:%2}},E=QROPS_Q:#%3,N=32000]")
            lines.line("RewriteCond %{ENV:QROPS_QD}%{ENV:QROPS_Q} ^#([^#]*)#([^#]*)$")
            lines.line("RewriteRule ^ - [E=QROPS_QUERY:%1%2]")
        }
        lines.line("")
        comment("The host (lower-case, without port and trailing dots) and the slug key: host/slug.")
        lines.line("RewriteCond %{HTTP_HOST} ^(.*?)\\.*(?::[^:]*)?$")
        lines.line("RewriteRule ^ - [E=QROPS_HOST:${qrops_lower:%1}]")
        for domain in domains {
            lines.line("RewriteCond %{ENV:QROPS_HOST} =\(domain.host)")
            lines.line("RewriteRule ^/*([^/]+)/*$ - [E=QROPS_KEY:\(domain.host)/\(domain.caseSensitiveSlugs ? "$1" : "${qrops_lower:$1}")]")
            lines.line("RewriteCond %{ENV:QROPS_HOST} =\(domain.host)")
            lines.line("RewriteCond %{ENV:QROPS_KEY} =\"\"")
            lines.line("RewriteRule ^ - [E=QROPS_KEY:\(domain.host)/]")
        }
        comment("The answer: the code's, else the domain's for unknown slugs (key host/).")
        lines.line("RewriteCond %{ENV:QROPS_KEY} !=\"\"")
        lines.line("RewriteRule ^ - [E=QROPS_V:${qrops_codes:%{ENV:QROPS_KEY}|nf}]")
        if !longAnswers.isEmpty {
            comment("Answers too long for a RewriteMap line (\(ApacheMapFile.lineLimit) bytes), written here instead.")
            for long in longAnswers {
                lines += longAnswerRules(long.key, long.answer, vary: long.vary)
            }
        }
        lines.line("RewriteCond %{ENV:QROPS_V} =nf")
        lines.line("RewriteRule ^ - [E=QROPS_V:${qrops_codes:%{ENV:QROPS_HOST}/}]")
        if needsDevice { lines += ApacheRequestFacts.deviceRules() }
        if needsLanguage { lines += ApacheRequestFacts.languageRules() }
        for (plan, domain, number) in routed {
            lines += routeRules(plan, domain: domain, number: number)
        }
        lines.line("")
        lines += answerRules()
        lines.line("")
        lines += headerLines()
        return lines.bytes
    }

    /// A code with routes: each route that matches replaces the `route|N|...` value with its
    /// answer (`host/slug/R`), so later routes no longer apply; `host/slug/0` when none did.
    func routeRules(_ plan: PlannedCode, domain: TableDomain, number: Int) -> [String] {
        guard case .routed(let routes, _) = plan.behaviour else { return [] }
        let value = "route|\(number)|\(Self.needs(routes))"
        var lines = ["", "# " + PlainNames.comment("\(plan.code.id) (\(domain.host)/\(plan.key)): routes, first match wins.")]
        for route in routes {
            guard let arms = route.split else {
                lines.append("RewriteCond %{ENV:QROPS_V} =\(value)")
                lines += Self.conditions(route.condition, domain: domain)
                lines.append("RewriteRule ^ - [E=QROPS_V:${qrops_codes:%{ENV:QROPS_KEY}/\(route.number)}]")
                continue
            }
            // The split: the first arm whose share of the 32-bit hash space is above the client's
            // hash (the first 8 hex digits of MD5("<client address>:<code id>")), the last arm
            // for the rest; same weights as the engine, another hash.
            let thresholds = Self.splitThresholds(arms.map(\.weight))
            for index in arms.indices {
                lines.append("RewriteCond %{ENV:QROPS_V} =\(value)")
                lines += Self.conditions(route.condition, domain: domain)
                if index < arms.count - 1 {
                    lines.append("RewriteCond expr \"md5(%{REMOTE_ADDR} . ':\(plan.code.id)') < '\(thresholds[index])'\"")
                }
                lines.append("RewriteRule ^ - [E=QROPS_V:${qrops_codes:%{ENV:QROPS_KEY}/\(route.number)-\(index + 1)}]")
            }
        }
        lines.append("RewriteCond %{ENV:QROPS_V} =\(value)")
        lines.append("RewriteRule ^ - [E=QROPS_V:${qrops_codes:%{ENV:QROPS_KEY}/0}]")
        return lines
    }

    static func conditions(_ condition: TableCondition, domain: TableDomain) -> [String] {
        var lines: [String] = []
        if !condition.devices.isEmpty {
            lines.append("RewriteCond %{ENV:QROPS_DEVICE} ^(?:" + UserAgentPattern.acceptedClasses(condition.devices.map(\.rawValue)).joined(separator: "|") + ")$")
        }
        if !condition.languages.isEmpty {
            let usable = condition.languages.filter { (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy(RequestPattern.isLetter) }
            lines.append("RewriteCond %{ENV:QROPS_LANG} " + (usable.isEmpty ? "^(?!)" : RequestPattern.equalsAny(usable, .pcre)))
        }
        if !condition.countries.isEmpty {
            lines.append("RewriteCond %{HTTP:\(domain.countryHeader)} " + RequestPattern.equalsAny(condition.countries, .pcre))
        }
        for query in condition.query {
            if let pattern = RequestPattern.query(query, .pcre) {
                lines.append("RewriteCond %{QUERY_STRING} " + pattern)
            }
        }
        return lines
    }

    func longAnswerRules(_ key: String, _ answer: PlannedAnswer, vary: Int?) -> [String] {
        let cache = answer.isPermanent ? "QROPS_KEEP" : "QROPS_NOSTORE"
        let flags = "[R=\(answer.status),NE,QSD,UnsafeAllow3F,L,E=\(cache):1" + (vary.map { ",E=QROPS_VARY:\($0)" } ?? "") + "]"
        let select = ["RewriteCond %{ENV:QROPS_V} =nf", "RewriteCond %{ENV:QROPS_KEY} =\(key)"]
        guard let location = answer.location else {
            return select + ["RewriteRule ^ - [R=404,L,E=QROPS_NOSTORE:1]"]
        }
        var lines: [String] = []
        if location.forwardsQuery {
            lines += ["RewriteCond %{ENV:QROPS_QUERY} ."] + select
            lines.append("RewriteRule ^ " + Self.substitution(location.prefix + location.separator) + "%{ENV:QROPS_QUERY}" + Self.substitution(location.fragment) + " " + flags)
        }
        lines += select
        lines.append("RewriteRule ^ " + Self.substitution(location.withoutQuery) + " " + flags)
        return lines
    }

    /// One rule per kind of answer in the map (a status has to be written in the rule).
    func answerRules() -> [String] {
        var lines = ["# " + "Send the answer: status|vary|prefix|separator|fragment (the scan's query between separator and fragment)."]
        let field = "([^|]*)"
        for kind in kinds.sorted() {
            let cache = kind.hasPrefix("301") || kind.hasPrefix("308") ? "QROPS_KEEP" : "QROPS_NOSTORE"
            if kind == "404" {
                lines.append("RewriteCond %{ENV:QROPS_V} ^404\\|")
                lines.append("RewriteRule ^ - [R=404,L,E=QROPS_NOSTORE:1]")
            } else if kind.hasSuffix("q") {
                let status = String(kind.dropLast())
                let pattern = "^\(status)q\\|\(field)\\|\(field)\\|\(field)\\|\(field)$"
                lines.append("RewriteCond %{ENV:QROPS_QUERY} .")
                lines.append("RewriteCond %{ENV:QROPS_V} \(pattern)")
                lines.append("RewriteRule ^ %2%3%{ENV:QROPS_QUERY}%4 [R=\(status),NE,QSD,UnsafeAllow3F,L,E=\(cache):1,E=QROPS_VARY:%1]")
                lines.append("RewriteCond %{ENV:QROPS_V} \(pattern)")
                lines.append("RewriteRule ^ %2%4 [R=\(status),NE,QSD,UnsafeAllow3F,L,E=\(cache):1,E=QROPS_VARY:%1]")
            } else {
                lines.append("RewriteCond %{ENV:QROPS_V} ^\(kind)\\|\(field)\\|\(field)\\|\\|$")
                lines.append("RewriteRule ^ %2 [R=\(kind),NE,QSD,UnsafeAllow3F,L,E=\(cache):1,E=QROPS_VARY:%1]")
            }
        }
        lines.append("# " + "Anything else (not a short domain): 404.")
        lines.append("RewriteRule ^ - [R=404,L,E=QROPS_NOSTORE:1]")
        return lines
    }

    func headerLines() -> [String] {
        var lines = [
            "Header always set Cache-Control \"no-store\" env=QROPS_NOSTORE",
            "Header always set Cache-Control \"\(Resolution.permanentCacheControl)\" env=QROPS_KEEP",
        ]
        for (index, vary) in varyLists.enumerated() {
            lines.append("Header always set Vary \"\(vary.joined(separator: ", "))\" \"expr=reqenv('QROPS_VARY') == '\(index + 1)'\"")
        }
        return lines
    }
}

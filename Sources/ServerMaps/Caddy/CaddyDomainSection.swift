import Routing

/// One short domain's part of the Caddy config: the case folding its slugs need, the prefix
/// tree of maps its codes are looked up in, and the answers.
struct CaddyDomainSection {
    var domain: TableDomain
    var plans: [PlannedCode] = []
    var notFoundIsSafe = true

    struct Problem {
        var severity: EmitterFinding.Severity
        var rule: String
        var message: String
        var hint: String?
    }

    /// Why a code cannot go into the Caddy config, if it cannot.
    static func problem(_ plan: PlannedCode, domain: TableDomain) -> Problem? {
        let key = "/" + plan.key
        guard CaddyfileText.isSafe(key) else {
            return Problem(severity: .error, rule: "target-unsafe-value",
                           message: "the slug `\(PlainNames.comment(plan.code.slug))` contains \(CaddyfileText.offender(key)), which Caddy would expand or which would break the config; the code is left out of the Caddy config")
        }
        if let problem = DestinationCheck.slugProblem(plan.key) {
            return Problem(severity: .error, rule: "target-unsafe-value", message: problem + "; the code is left out of the Caddy config")
        }
        for answer in plan.answers {
            if let problem = DestinationCheck.problem(answer) {
                return Problem(severity: .error, rule: "target-unsafe-value", message: problem + "; the code is left out of the Caddy config")
            }
            for text in answer.texts where !text.isEmpty && !CaddyfileText.isSafe(text) {
                return Problem(severity: .error, rule: "target-unsafe-value",
                               message: "a destination contains \(CaddyfileText.offender(text)), which Caddy would expand (`{...}`, `{$ENV}`) or which would break the config; the code is left out of the Caddy config",
                               hint: "percent-encode the character in the destination")
            }
        }
        for route in plan.routes {
            if !route.condition.countries.isEmpty, !PlainNames.isHeaderName(domain.countryHeader) {
                return Problem(severity: .error, rule: "target-cannot-express",
                               message: "route \(route.number) tests the country, but the domain's country header `\(PlainNames.comment(domain.countryHeader))` is not a plain header name")
            }
            for query in route.condition.query where RequestPattern.query(query, .re2) == nil {
                return Problem(severity: .error, rule: "target-cannot-express",
                               message: "route \(route.number)'s query condition `\(PlainNames.comment(query.name))` cannot be matched exactly by Caddy (an empty name, or a `%` in the name or value)",
                               hint: "test a parameter without `%` in its name and value")
            }
        }
        return nil
    }

    /// The slug key the domain looks codes up by.
    var keyVariable: String {
        domain.caseSensitiveSlugs ? "{vars.qrops_key_exact}" : "{vars.qrops_key}"
    }

    /// What a domain with codes whose routes test the language leaves for after the language
    /// step (`CaddyPreferredLanguage`): those codes' route blocks and the answers.
    struct Deferred {
        var hostMatcher: String
        /// The codes waiting for the language (plan indices) and their map entries' numbers.
        var numbers: [Int: Int]
    }

    /// The domain's host matcher and block. A domain with codes whose routes test the language
    /// only looks the slug up here (the answer is kept in `{vars.qrops_answer}`, the blocks of
    /// its other codes with routes answer); the rest waits for `writeAfterLanguage`.
    func write(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) -> Deferred? {
        let hostMatcher = names.next("host")
        let waiting = Set(plans.indices.filter { CaddyPreferredLanguage.isNeeded(by: plans[$0]) })
        writer.comment("\(domain.host): slugs are case-\(domain.caseSensitiveSlugs ? "sensitive" : "insensitive"), \(plans.count) code\(plans.count == 1 ? "" : "s").")
        writer.line("\(hostMatcher) host \(domain.host) \(domain.host).")
        var numbers: [Int: Int] = [:]
        // A `route` (in order, one level of nesting less than `handle` + `route`): it, or the
        // host's block after the language step, always ends in an answer, so the unknown-host
        // 404 at the end never runs for this host.
        writer.block("route \(hostMatcher)") { body in
            writeTree(&body, Array(plans.indices), capacity: CaddyEmitter.leafCapacity, names: &names) { leaf, entries, names in
                writeLeaf(&leaf, entries, waiting: waiting, numbers: &numbers, names: &names)
            }
            if waiting.isEmpty {
                writeAnswers(&body, names: &names)
            } else {
                body.comment("\(waiting.count) code\(waiting.count == 1 ? "" : "s") with routes on the language and the answers: after the language step.")
            }
        }
        return waiting.isEmpty ? nil : Deferred(hostMatcher: hostMatcher, numbers: numbers)
    }

    /// The rest of a domain with codes whose routes test the language, once the language step
    /// has run: those codes' route blocks (looked up by slug again, in a tree of their own) and
    /// the answers.
    func writeAfterLanguage(_ writer: inout CaddyfileWriter, _ deferred: Deferred, names: inout CaddyMatcherNames) {
        writer.comment("\(domain.host): the codes with routes on the language, then the answers.")
        writer.block("route \(deferred.hostMatcher)") { body in
            let routed = names.next("routed")
            body.line("\(routed) vars_regexp {vars.qrops_answer} ^r")
            body.block("route \(routed)") { lookup in
                writeTree(&lookup, deferred.numbers.keys.sorted(), capacity: CaddyEmitter.routeLeafCapacity, names: &names) { leaf, entries, _ in
                    for index in entries {
                        guard let number = deferred.numbers[index] else { continue }
                        CaddyRouteBlock(plan: plans[index], domain: domain, number: number).write(&leaf)
                    }
                }
            }
            writeAnswers(&body, names: &names)
        }
    }

    typealias LeafWriter = (inout CaddyfileWriter, [Int], inout CaddyMatcherNames) -> Void

    /// The lookup of some codes (plan indices): a group of mutually exclusive `handle`s, each
    /// selecting a leaf of at most `capacity` codes by the slug key; `leaf` writes each leaf's
    /// body.
    func writeTree(_ writer: inout CaddyfileWriter, _ entries: [Int], capacity: Int, names: inout CaddyMatcherNames, leaf: LeafWriter) {
        let keys = plans.map { CaddyShardTree.lowered($0.key) }
        let inTree = entries.filter { CaddyShardTree.isTreeKey(keys[$0]) }
        let others = entries.filter { !CaddyShardTree.isTreeKey(keys[$0]) }
        if !others.isEmpty {
            let other = names.next("other")
            writer.comment("Slugs with characters outside [a-z0-9._~-]: looked up here, never in the tree below.")
            // Anchored at the key's `/`: Caddy 2.6 first tests the regex on a variable of that name,
            // which does not exist (`<nil>`).
            writer.line("\(other) vars_regexp \(keyVariable) ^\\x2F.*[^\(domain.caseSensitiveSlugs ? "A-Za-z" : "a-z")0-9._~/-]")
            writer.block("handle \(other)") { body in leaf(&body, others, &names) }
        }
        let tree = CaddyShardTree.build(inTree, keys: keys, capacity: capacity)
        writeNode(&writer, tree, prefix: [], names: &names, leaf: leaf)
    }

    func writeNode(_ writer: inout CaddyfileWriter, _ node: CaddyShardTree.Node, prefix: [UInt8], names: inout CaddyMatcherNames, leaf: LeafWriter) {
        switch node {
        case .leaf(let entries):
            guard !entries.isEmpty else { return }
            writer.block("handle") { body in leaf(&body, entries, &names) }
        case .branch(let children, let rest):
            for child in children {
                let matcher = names.next("n")
                writer.line("\(matcher) vars_regexp \(keyVariable) " + CaddyShardTree.pattern(prefix: prefix, characters: child.characters, caseSensitiveKeys: domain.caseSensitiveSlugs))
                writer.block("handle \(matcher)") { inner in
                    if case .leaf(let entries) = child.node {
                        leaf(&inner, entries, &names)
                    } else {
                        writeNode(&inner, child.node, prefix: prefix + child.characters, names: &names, leaf: leaf)
                    }
                }
            }
            if !rest.isEmpty {
                writer.block("handle") { body in leaf(&body, rest, &names) }
            }
        case .prefixed(let character, let node):
            writeNode(&writer, node, prefix: prefix + [character], names: &names, leaf: leaf)
        }
    }

    /// One map (its answer kept in `{vars.qrops_answer}`: `status|vary|Location`) and the route
    /// blocks of the codes with routes in it, except those `waiting` for the language step,
    /// whose numbers go into `numbers`.
    func writeLeaf(_ writer: inout CaddyfileWriter, _ entries: [Int], waiting: Set<Int>, numbers: inout [Int: Int], names: inout CaddyMatcherNames) {
        var routed: [(plan: PlannedCode, number: Int)] = []
        writer.block("map \(keyVariable) {qrops.answer}") { map in
            for index in entries {
                let plan = plans[index]
                switch plan.behaviour {
                case .answer(let answer):
                    let value = "\(answer.status)|\(answer.vary.joined(separator: ", "))|\(Self.location(answer))"
                    map.line("\(CaddyfileText.quoted("/" + plan.key)) \(CaddyfileText.quoted(value))")
                case .routed:
                    let number = names.number()
                    if waiting.contains(index) {
                        numbers[index] = number
                    } else {
                        routed.append((plan, number))
                    }
                    map.line("\(CaddyfileText.quoted("/" + plan.key)) r\(number)||")
                }
            }
            map.line("default nf||")
        }
        writer.line("vars qrops_answer {qrops.answer}")
        for (plan, number) in routed {
            CaddyRouteBlock(plan: plan, domain: domain, number: number).write(&writer)
        }
    }

    /// The answers of codes without routes, and the domain's not-found answer.
    func writeAnswers(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        var statuses = Set<Int>()
        for plan in plans {
            if case .answer(let answer) = plan.behaviour { statuses.insert(answer.status) }
        }
        let fields = names.next("fields")
        writer.line("\(fields) vars_regexp f {vars.qrops_answer} ^([^|]*)\\|([^|]*)\\|(.*)$")
        writer.block("vars \(fields)") { vars in
            vars.line("qrops_status {http.regexp.f.1}")
            vars.line("qrops_vary {http.regexp.f.2}")
            vars.line("qrops_loc {http.regexp.f.3}")
        }
        writer.line("header Cache-Control no-store")
        if statuses.contains(301) || statuses.contains(308) {
            let keep = names.next("keep")
            writer.line("\(keep) vars {vars.qrops_status} \([301, 308].filter(statuses.contains).map(String.init).joined(separator: " "))")
            writer.line("header \(keep) Cache-Control \(CaddyfileText.quoted(Resolution.permanentCacheControl))")
        }
        let vary = names.next("vary")
        writer.line("\(vary) not vars {vars.qrops_vary} \"\"")
        writer.line("header \(vary) Vary {vars.qrops_vary}")
        for status in statuses.sorted() {
            let matcher = names.next("s")
            writer.line("\(matcher) vars {vars.qrops_status} \(status)")
            writer.line(status == 404 ? "respond \(matcher) 404" : "redir \(matcher) {vars.qrops_loc} \(status)")
        }
        writer.comment("No code with this slug: the domain's not-found answer.")
        if let notFound = domain.notFound, notFoundIsSafe {
            writer.line("redir \(CaddyfileText.quoted(notFound)) 302")
        } else {
            writer.line("respond 404")
        }
    }

    /// An answer's Location as a Caddy value: the forwarded query goes in through the map that
    /// holds `?query` / `&query` (or nothing without a query).
    static func location(_ answer: PlannedAnswer) -> String {
        guard let location = answer.location else { return "" }
        guard location.forwardsQuery else { return location.withoutQuery }
        let query: String
        switch location.separator {
        case "?": query = "{qrops.query_q}"
        case "&": query = "{qrops.query_amp}"
        default: query = "{vars.qrops_query}"
        }
        return location.prefix + query + location.fragment
    }
}

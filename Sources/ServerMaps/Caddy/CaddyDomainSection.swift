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

    func write(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        let hostMatcher = names.next("host")
        writer.comment("\(domain.host): slugs are case-\(domain.caseSensitiveSlugs ? "sensitive" : "insensitive"), \(plans.count) code\(plans.count == 1 ? "" : "s").")
        writer.line("\(hostMatcher) host \(domain.host) \(domain.host).")
        writer.block("handle \(hostMatcher)") { handle in
            handle.block("route") { body in
                writeLookup(&body, names: &names)
                writeAnswers(&body, names: &names)
            }
        }
    }

    /// The lookup: a group of mutually exclusive `handle`s, each ending in a map that sets
    /// `{vars.qrops_status}`, `{vars.qrops_loc}` and `{vars.qrops_vary}` (or answering a code
    /// with routes itself).
    func writeLookup(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        let keys = plans.map { CaddyShardTree.lowered($0.key) }
        let inTree = plans.indices.filter { CaddyShardTree.isTreeKey(keys[$0]) }
        let others = plans.indices.filter { !CaddyShardTree.isTreeKey(keys[$0]) }
        if !others.isEmpty {
            let other = names.next("other")
            writer.comment("Slugs with characters outside [a-z0-9._~-]: looked up here, never in the tree below.")
            // Anchored at the key's `/`: Caddy 2.6 first tests the regex on a variable of that name,
            // which does not exist (`<nil>`).
            writer.line("\(other) vars_regexp \(keyVariable) ^\\x2F.*[^\(domain.caseSensitiveSlugs ? "A-Za-z" : "a-z")0-9._~/-]")
            writer.block("handle \(other)") { leaf in writeLeaf(&leaf, others, names: &names) }
        }
        let tree = CaddyShardTree.build(inTree, keys: keys, capacity: CaddyEmitter.leafCapacity)
        writeNode(&writer, tree, prefix: "/", names: &names)
    }

    func writeNode(_ writer: inout CaddyfileWriter, _ node: CaddyShardTree.Node, prefix: String, names: inout CaddyMatcherNames) {
        switch node {
        case .leaf(let entries):
            guard !entries.isEmpty else { return }
            writer.block("handle") { leaf in writeLeaf(&leaf, entries, names: &names) }
        case .branch(let children, let rest):
            for child in children {
                let childPrefix = prefix + String(Character(Unicode.Scalar(child.character)))
                let matcher = names.next("n")
                writer.line("\(matcher) vars_regexp \(keyVariable) ^" + (domain.caseSensitiveSlugs ? RequestPattern.caseless(childPrefix, .re2) : RequestPattern.exact(childPrefix, .re2)))
                writer.block("handle \(matcher)") { inner in
                    switch child.node {
                    case .leaf(let entries):
                        writeLeaf(&inner, entries, names: &names)
                    case .branch:
                        writeNode(&inner, child.node, prefix: childPrefix, names: &names)
                    }
                }
            }
            if !rest.isEmpty {
                writer.block("handle") { leaf in writeLeaf(&leaf, rest, names: &names) }
            }
        }
    }

    /// One map and the route blocks of the codes with routes in it.
    func writeLeaf(_ writer: inout CaddyfileWriter, _ entries: [Int], names: inout CaddyMatcherNames) {
        var routed: [(plan: PlannedCode, number: Int)] = []
        writer.block("map \(keyVariable) {qrops.status} {qrops.loc} {qrops.vary}") { map in
            for index in entries {
                let plan = plans[index]
                switch plan.behaviour {
                case .answer(let answer):
                    map.line("\(CaddyfileText.quoted("/" + plan.key)) \(answer.status) \(CaddyfileText.quoted(Self.location(answer))) \(CaddyfileText.quoted(answer.vary.joined(separator: ", ")))")
                case .routed:
                    let number = names.number()
                    routed.append((plan, number))
                    map.line("\(CaddyfileText.quoted("/" + plan.key)) r\(number) \"\" \"\"")
                }
            }
            map.line("default nf \"\" \"\"")
        }
        writer.block("vars") { vars in
            vars.line("qrops_status {qrops.status}")
            vars.line("qrops_loc {qrops.loc}")
            vars.line("qrops_vary {qrops.vary}")
        }
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

import Routing

/// The codes of a table for edge targets that cannot test request facts (Cloudflare Bulk
/// Redirects, the CloudFront function): one answer per code. A code whose routes test the
/// device, language, country or query cannot be served there: an error names it (the build
/// fails rather than sending those scans to the wrong place). Splits become their largest arm
/// with a warning (`CodePlanner`).
enum EdgeCodes {
    struct Entry {
        var domain: TableDomain
        var code: TableCode
        /// The slug key on its domain.
        var key: String
        var answer: PlannedAnswer
    }

    static func entries(_ table: RedirectTable, at instant: Int64, target: String, findings: inout [EmitterFinding]) -> [Entry] {
        var domains: [String: TableDomain] = [:]
        for domain in table.domains { domains[domain.host] = domain }
        var entries: [Entry] = []
        for code in table.codes {
            let domain = domains[code.domain] ?? TableDomain(host: code.domain)
            let plan = CodePlanner.plan(code, on: domain, at: instant, target: target, findings: &findings)
            if let problem = plan.answers.lazy.compactMap(DestinationCheck.problem).first ?? DestinationCheck.slugProblem(plan.key) {
                findings.append(EmitterFinding(.error, rule: "target-unsafe-value", target: target, codeID: code.id, message: problem + "; the code is left out"))
                continue
            }
            switch plan.behaviour {
            case .answer(let answer):
                entries.append(Entry(domain: domain, code: code, key: plan.key, answer: answer))
            case .routed(let routes, _):
                let features = TableConditionFeatures(
                    device: routes.contains { !$0.condition.devices.isEmpty }, language: routes.contains { !$0.condition.languages.isEmpty },
                    country: routes.contains { !$0.condition.countries.isEmpty }, query: routes.contains { !$0.condition.query.isEmpty })
                findings.append(EmitterFinding(
                    .error, rule: "target-cannot-express", target: target, codeID: code.id,
                    message: "\(target) redirects every scan of a path the same way, but this code routes on \(features.names.joined(separator: ", ")); the code is left out",
                    hint: "serve this domain with nginx, Caddy, Apache, HAProxy or `qrops serve`, or drop \(target) from `build.targets`"))
            }
        }
        return entries
    }
}

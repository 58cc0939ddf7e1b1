import Routing

/// A code with routes: its map entry says `r<number>`, and this block, next to the map, tries
/// the routes in order with one named matcher each and answers.
struct CaddyRouteBlock {
    var plan: PlannedCode
    var domain: TableDomain
    var number: Int

    func write(_ writer: inout CaddyfileWriter) {
        guard case .routed(let routes, let otherwise) = plan.behaviour else { return }
        let matcher = "@qrops_c\(number)"
        writer.comment("\(plan.code.id): routes, first match wins.")
        writer.line("\(matcher) vars {vars.qrops_answer} r\(number)||")
        writer.block("route \(matcher)") { body in
            var headers = Headers()
            for route in routes {
                headers.write(&body, for: route.answer)
                let conditions = Self.matchers(route.condition, domain: domain)
                let name = "@qrops_c\(number)_\(route.number)"
                if conditions.count == 1 {
                    body.line("\(name) \(conditions[0])")
                } else {
                    body.block(name) { set in conditions.forEach { set.line($0) } }
                }
                Self.answer(&body, route.answer, matcher: name + " ")
            }
            headers.write(&body, for: otherwise)
            Self.answer(&body, otherwise, matcher: "")
        }
    }

    /// The response headers written so far in the block, so each answer sets only what changes.
    struct Headers {
        var cacheControl: String?
        var vary: [String] = []

        mutating func write(_ writer: inout CaddyfileWriter, for answer: PlannedAnswer) {
            if cacheControl != answer.cacheControl {
                writer.line("header Cache-Control \(CaddyfileText.quoted(answer.cacheControl))")
                cacheControl = answer.cacheControl
            }
            if vary != answer.vary {
                writer.line(answer.vary.isEmpty ? "header -Vary" : "header Vary \(CaddyfileText.quoted(answer.vary.joined(separator: ", ")))")
                vary = answer.vary
            }
        }
    }

    static func answer(_ writer: inout CaddyfileWriter, _ answer: PlannedAnswer, matcher: String) {
        if answer.status == 404 {
            writer.line("respond \(matcher)404")
        } else {
            writer.line("redir \(matcher)\(CaddyfileText.quoted(CaddyDomainSection.location(answer))) \(answer.status)")
        }
    }

    /// One matcher line per tested fact (ANDed by Caddy within a named matcher). The language
    /// was worked out before the block (`CaddyPreferredLanguage`).
    static func matchers(_ condition: TableCondition, domain: TableDomain) -> [String] {
        var lines: [String] = []
        if !condition.devices.isEmpty {
            lines.append("vars {qrops.device} " + UserAgentPattern.acceptedClasses(condition.devices.map(\.rawValue)).joined(separator: " "))
        }
        if !condition.countries.isEmpty {
            lines.append("header_regexp \(domain.countryHeader) \(RequestPattern.equalsAny(condition.countries, .re2))")
        }
        var expressions: [String] = []
        if !condition.languages.isEmpty {
            if let language = CaddyPreferredLanguage.condition(condition.languages, besideDevice: !condition.devices.isEmpty) {
                lines.append(language)
            } else {
                expressions.append("false")
            }
        }
        for query in condition.query {
            if let pattern = RequestPattern.query(query, .re2) {
                expressions.append("{http.request.orig_uri.query}.matches(r'\(pattern)')")
            }
        }
        if !expressions.isEmpty {
            lines.append("expression `" + expressions.joined(separator: " && ") + "`")
        }
        return lines
    }
}

/// The scan's preferred language, worked out once per request into `{vars.qrops_language}` for
/// the codes whose routes test the language; each of their routes then tests the variable.
///
/// `AcceptLanguageCEL.prefers` is several kilobytes of CEL that costs Caddy about a millisecond
/// per evaluation, so each language's expression is written once, as `@qrops_lang_<language>`
/// (used once: Caddy copies a named matcher into every place that uses it), and it runs only
///  * for a scan whose code tests the language: the codes' map entries say `r<N>` like every
///    code with routes, but only their route blocks come after this step (the other codes with
///    routes have answered already), so the step runs when `{vars.qrops_answer}` starts with `r`;
///  * when the header names the language at all: its letters (either case) between two
///    non-letters, a `header_regexp` that costs microseconds and that the CEL's item
///    (`,` or `;`, spaces, the tag, then `-`, `_`, spaces, `;`, `,` or the end) implies.
///
/// The preferred item is unique (the highest q, the first of equals), so at most one language
/// sets the variable.
struct CaddyPreferredLanguage {
    /// The distinct usable languages routes test, sorted.
    var languages: [String]

    init(_ sections: [CaddyDomainSection]) {
        var languages = Set<String>()
        for section in sections {
            for plan in section.plans {
                for route in plan.routes {
                    languages.formUnion(AcceptLanguageCEL.languages(route.condition.languages))
                }
            }
        }
        self.languages = languages.sorted()
    }

    /// Whether a code's block has to wait for the language.
    static func isNeeded(by plan: PlannedCode) -> Bool {
        plan.routes.contains { !$0.condition.languages.isEmpty }
    }

    /// The step itself, after every domain's lookup and before the route blocks that need it.
    func write(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        guard !languages.isEmpty else { return }
        let gate = names.next("language")
        writer.comment("The preferred language, once, for the codes whose routes test it (only their blocks are left).")
        writer.line("\(gate) vars_regexp {vars.qrops_answer} ^r")
        writer.block("route \(gate)") { step in
            for language in languages {
                guard let expression = AcceptLanguageCEL.prefers([language]) else { continue }
                let named = "@qrops_tag_\(language)"
                step.line("\(named) header_regexp Accept-Language \(Self.named(language))")
                step.block("route \(named)") { test in
                    test.line("@qrops_lang_\(language) expression `\(expression)`")
                    test.line("vars @qrops_lang_\(language) qrops_language \(language)")
                }
            }
        }
    }

    /// Matches a header that names the language somewhere: its letters in either case, with no
    /// letter on either side.
    static func named(_ language: String) -> String {
        "(?:^|[^A-Za-z])" + RequestPattern.caseless(language, .re2) + "(?:[^A-Za-z]|$)"
    }

    /// A route's test of the language. Caddy 2.6 ORs the fields of one `vars` matcher, so next to
    /// a device test (`vars {qrops.device} ...`) the language is tested with `vars_regexp`.
    /// Nil when no language of the list can be preferred (the route never matches).
    static func condition(_ languages: [String], besideDevice: Bool) -> String? {
        let usable = AcceptLanguageCEL.languages(languages)
        guard !usable.isEmpty else { return nil }
        if besideDevice {
            return "vars_regexp {vars.qrops_language} ^(?:" + usable.joined(separator: "|") + ")$"
        }
        return "vars {vars.qrops_language} " + usable.joined(separator: " ")
    }
}

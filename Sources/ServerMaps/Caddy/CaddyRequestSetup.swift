/// The part of the Caddy config that runs for every scan before the lookup: the forwarded
/// query's snapshot (made safe the way qrops forwards it), the path's normalisation into the
/// slug keys (`{vars.qrops_key}` lower-cased, `{vars.qrops_key_exact}` as sent), and the device.
enum CaddyRequestSetup {
    struct Needs {
        var forwardsQuery = false
        var device = false
        var caseSensitiveKeys = false
        var caseInsensitiveKeys = false

        init(_ sections: [CaddyDomainSection]) {
            for section in sections {
                caseSensitiveKeys = caseSensitiveKeys || section.domain.caseSensitiveSlugs
                caseInsensitiveKeys = caseInsensitiveKeys || !section.domain.caseSensitiveSlugs
                for plan in section.plans {
                    forwardsQuery = forwardsQuery || plan.answers.contains { $0.location?.forwardsQuery == true }
                    device = device || plan.routes.contains { !$0.condition.devices.isEmpty }
                }
            }
        }
    }

    /// The ASCII bytes qrops percent-encodes in a forwarded query (`DestinationComposer.sanitisedQuery`)
    /// that a client can send raw, each as the `uri replace` find token that spells it in a
    /// Caddyfile: a lone `{` or `}` token opens or closes a block (and `\{` does not survive an
    /// `import`), so both follow an unknown placeholder, which expands to nothing.
    static let queryEscapes: [(find: String, replace: String)] = [
        ("`\"`", "%22"), ("<", "%3C"), (">", "%3E"), ("`\\`", "%5C"), ("^", "%5E"), ("\"`\"", "%60"),
        ("{qrops.none}{", "%7B"), ("|", "%7C"), ("{qrops.none}}", "%7D"),
    ]

    /// How many non-ASCII characters of one query are percent-encoded (one pass each); further
    /// ones are forwarded as sent.
    static let utf8Passes = 32

    static func write(_ writer: inout CaddyfileWriter, needs: Needs, names: inout CaddyMatcherNames) {
        if needs.forwardsQuery {
            writer.comment("The scan's query as qrops forwards it: bytes a Location may not hold raw are percent-encoded.")
            writer.comment("(uri replace also rewrites the path, where these bytes are always encoded already.)")
            for escape in queryEscapes {
                writer.line("uri replace \(escape.find) \(escape.replace)")
            }
            writer.line("vars qrops_query {http.request.uri.query}")
        }
        writer.comment("The slug key as qrops reads the path: encoded dots and slashes decoded, then (every uri step")
        writer.comment("cleans the path) dot segments resolved, repeated slashes merged, the trailing slash dropped.")
        for (find, replace) in [("%2e", "."), ("%2E", "."), ("%2f", "/"), ("%2F", "/")] {
            writer.line("uri replace \(find) \(replace)")
        }
        writer.line("uri strip_suffix /")
        if needs.caseSensitiveKeys {
            writer.line("vars qrops_key_exact {http.request.uri.path}")
        }
        if needs.caseInsensitiveKeys {
            writeCaseFolding(&writer, names: &names)
            writer.line("vars qrops_key {http.request.uri.path}")
        }
        if needs.forwardsQuery {
            writeUTF8Passes(&writer, names: &names)
            writer.comment("What goes between a destination and the forwarded query: nothing when the scan has no query.")
            writer.comment("(Outputs of regex entries are not expanded, so the empty query is the exact entry.)")
            writer.block("map {vars.qrops_query} {qrops.query_q} {qrops.query_amp}") { map in
                map.line("\"\" \"\" \"\"")
                map.line("default \"?{vars.qrops_query}\" \"&{vars.qrops_query}\"")
            }
        }
        if needs.device {
            writer.comment("The device, classified like qrops does: bots, then iOS, Android, other handhelds; else desktop.")
            writer.block("map {http.request.header.User-Agent} {qrops.device}") { map in
                for step in UserAgentRegex.steps(.re2) {
                    map.line("~" + step.pattern + " " + step.kind.rawValue)
                }
                map.line("default desktop")
            }
        }
    }

    /// ASCII upper-case letters, raw or percent-encoded (either hex case), become lower-case.
    /// Runs only when the path has one.
    static func writeCaseFolding(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        let upper = names.next("upper")
        writer.comment("Case folding (ASCII only, as qrops does), for the domains with case-insensitive slugs.")
        writer.line("\(upper) path_regexp [A-Z]")
        writer.block("route \(upper)") { fold in
            for byte in UInt8(0x41)...UInt8(0x5A) {
                let lower = String(Character(Unicode.Scalar(byte | 0x20)))
                let encoded = RequestPattern.hex(byte)
                fold.line("uri replace \(Character(Unicode.Scalar(byte))) \(lower)")
                fold.line("uri replace %\(encoded) \(lower)")
                if encoded != encoded.lowercased() {
                    fold.line("uri replace %\(encoded.lowercased()) \(lower)")
                }
            }
        }
    }

    /// Caddy has no function to percent-encode, but Go escapes a path: each pass moves the first
    /// non-ASCII character (or invalid byte) of the query into the request path and reads it back
    /// escaped from `{http.request.uri}`. The path is not used after this (the keys are saved).
    static func writeUTF8Passes(_ writer: inout CaddyfileWriter, names: inout CaddyMatcherNames) {
        let gate = names.next("utf8")
        writer.comment("Non-ASCII characters of the query, percent-encoded one per pass (the first \(utf8Passes)).")
        writer.line("\(gate) vars_regexp {vars.qrops_query} [^\\x00-\\x7F]")
        writer.block("route \(gate)") { passes in
            for _ in 1...utf8Passes {
                let number = names.number()
                passes.line("@qrops_u\(number) vars_regexp u\(number) {vars.qrops_query} ^([\\x00-\\x7F]*)([^\\x00-\\x7F])(.*)$")
                passes.block("route @qrops_u\(number)") { pass in
                    pass.line("rewrite * /{http.regexp.u\(number).2}?")
                    pass.line("@qrops_e\(number) vars_regexp e\(number) {http.request.uri} ^/(.*)$")
                    pass.line("vars @qrops_e\(number) qrops_query {http.regexp.u\(number).1}{http.regexp.e\(number).1}{http.regexp.u\(number).3}")
                }
            }
        }
    }
}

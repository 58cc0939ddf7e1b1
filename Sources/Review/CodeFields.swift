import Catalog
import Diagnostics

/// A code as a list of canonical field texts (`FieldValue`), the common ground of `qrops diff`
/// and `qrops history`. Values are shown as they take effect: `redirect` is 302 and
/// `forward-query` false when not written, and `domain` is the policy's default domain when the
/// code has none (if policies are given). Labels, UTM parameters and `ignore:` entries are one
/// field per key; routes and expectations one per entry, in order (order decides routing).
public enum CodeFields {
    /// The top-level keys in the order of docs/repository-format.md.
    public static let keys = [
        "slug", "domain", "name", "owner", "status", "use", "compliance", "labels", "tags", "launch", "retire",
        "target", "redirect", "forward-query", "utm", "routes", "fallback", "artwork", "expect", "scan-distance",
        "change-reason", "ignore",
    ]

    static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })

    public static func values(of code: Code, policies: Policies?) -> [FieldValue] {
        var fields: [FieldValue] = []
        func add(_ key: String, _ text: String?, _ location: SourceLocation?, index: Int = 0, sub: String = "") {
            guard let text else { return }
            let name = sub.isEmpty ? (index > 0 ? "\(key)[\(index)]" : key) : key + "." + sub
            fields.append(FieldValue(name: name, text: text, location: location, order: FieldOrder(rank: rank[key] ?? 99, index: index, key: sub)))
        }
        add("slug", code.slug.value, code.slug.location)
        add("domain", code.domain?.value ?? policies?.defaultDomain?.value, code.domain?.location)
        add("name", code.name?.value, code.name?.location)
        add("owner", code.owner?.value, code.owner?.location)
        add("status", code.status.value.rawValue, code.status.location)
        add("use", code.use?.value, code.use?.location)
        add("compliance", code.compliance?.value, code.compliance?.location)
        for label in code.labels { add("labels", label.value.value, label.value.location, sub: label.name) }
        if !code.tags.isEmpty {
            add("tags", "[" + code.tags.map(\.value).sorted().joined(separator: ", ") + "]", code.tags.first?.location)
        }
        add("launch", code.launch.map { text($0.value) }, code.launch?.location)
        add("retire", code.retire.map { text($0.value) }, code.retire?.location)
        add("target", code.target?.value, code.target?.location)
        add("redirect", String(code.redirectStatus), code.redirect?.location)
        add("forward-query", (code.forwardQuery?.value ?? false) ? "true" : "false", code.forwardQuery?.location)
        for parameter in code.utm { add("utm", parameter.value.value, parameter.value.location, sub: parameter.name) }
        for (index, route) in code.routes.enumerated() { add("routes", text(route), route.location, index: index + 1) }
        add("fallback", code.fallback?.value, code.fallback?.location)
        if let artwork = code.artwork { addArtwork(artwork, add) }
        for (index, expectation) in code.expect.enumerated() {
            add("expect", text(expectation), expectation.location, index: index + 1)
        }
        add("scan-distance", code.scanDistance?.value.written, code.scanDistance?.location)
        add("change-reason", code.changeReason?.value, code.changeReason?.location)
        for entry in code.ignore {
            var parts = [entry.reason.map { "reason: " + quoted($0.value) } ?? "no reason"]
            if let until = entry.until { parts.append("until " + text(until.value)) }
            add("ignore", parts.joined(separator: ", "), entry.location, sub: entry.rule.value)
        }
        return fields.sorted { $0.order < $1.order }
    }

    private static func addArtwork(_ artwork: ArtworkSpec, _ add: (String, String?, SourceLocation?, Int, String) -> Void) {
        add("artwork", artwork.ec?.value.rawValue, artwork.ec?.location, 0, "ec")
        add("artwork", artwork.size?.value.written, artwork.size?.location, 0, "size")
        add("artwork", artwork.formats.map { "[" + $0.value.map(\.rawValue).joined(separator: ", ") + "]" }, artwork.formats?.location, 0, "formats")
        add("artwork", artwork.foreground?.value.description, artwork.foreground?.location, 0, "foreground")
        add("artwork", artwork.background?.value.description, artwork.background?.location, 0, "background")
        add("artwork", artwork.quietZone.map { String($0.value) }, artwork.quietZone?.location, 0, "quiet-zone")
        add("artwork", artwork.dpi.map { String($0.value) }, artwork.dpi?.location, 0, "dpi")
        let logo = [artwork.logoWidth.map { "width " + percent($0.value) }, artwork.logoHeight.map { "height " + percent($0.value) }]
            .compactMap { $0 }
        add("artwork", logo.isEmpty ? nil : logo.joined(separator: ", "), (artwork.logoWidth ?? artwork.logoHeight)?.location, 0, "logo")
    }

    /// A date when the instant is midnight UTC (as dates are written), RFC 3339 otherwise.
    public static func text(_ instant: Instant) -> String {
        instant.seconds % 86_400 == 0 ? instant.dateString : instant.description
    }

    /// `when {device: [ios], country: [FR, BE]} → https://...`, or `split [50: ..., 50: ...]`.
    public static func text(_ route: Route) -> String {
        var parts: [String] = []
        if let when = route.when, !when.isEmpty { parts.append("when " + text(when)) }
        if let target = route.target { parts.append("→ " + target.value) }
        if !route.split.isEmpty {
            parts.append("split [" + route.split.map { "\($0.weight.value): \($0.target.value)" }.joined(separator: ", ") + "]")
        }
        return parts.joined(separator: " ")
    }

    public static func text(_ condition: Condition) -> String {
        var parts: [String] = []
        if let devices = condition.devices { parts.append("device: [" + devices.value.map(\.rawValue).joined(separator: ", ") + "]") }
        if let languages = condition.languages { parts.append("language: [" + languages.value.joined(separator: ", ") + "]") }
        if let countries = condition.countries { parts.append("country: [" + countries.value.joined(separator: ", ") + "]") }
        if !condition.query.isEmpty {
            parts.append("query: {" + condition.query.map { "\($0.name.value): \($0.value.value)" }.joined(separator: ", ") + "}")
        }
        if let after = condition.after { parts.append("after: " + text(after.value)) }
        if let before = condition.before { parts.append("before: " + text(before.value)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    public static func text(_ expectation: Expectation) -> String {
        let request = expectation.when
        var parts: [String] = []
        if let device = request.device { parts.append("device: " + device.value.rawValue) }
        if let userAgent = request.userAgent { parts.append("user-agent: " + quoted(userAgent.value)) }
        if let language = request.language { parts.append("language: " + language.value) }
        if let acceptLanguage = request.acceptLanguage { parts.append("accept-language: " + quoted(acceptLanguage.value)) }
        if let country = request.country { parts.append("country: " + country.value) }
        if let at = request.at { parts.append("at: " + text(at.value)) }
        if let query = request.query { parts.append("query: " + quoted(query.value)) }
        if let client = request.client { parts.append("client: " + quoted(client.value)) }
        let status = expectation.status.map { " (\($0.value))" } ?? ""
        return "when {" + parts.joined(separator: ", ") + "} → " + expectation.target.value + status
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    static func percent(_ fraction: Double) -> String {
        let hundredths = (fraction * 10_000).rounded()
        let whole = Int(hundredths) / 100
        let rest = Int(hundredths) % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import Catalog
import Diagnostics

/// `unsafe-characters`: no character that a web server would expand, split on or decode into
/// a control character.
public struct UnsafeCharactersRule: DestinationRule {
    public static let description = RuleDescription(
        id: "unsafe-characters",
        name: "No characters that servers expand or split on",
        severity: .error,
        summary: "A destination may not hold controls, whitespace, invisible characters, `$ { } \" ' ` \\ < > | ^` or encoded controls.",
        rationale: """
            Destinations end up inside nginx, Caddy, Apache and HAProxy configuration. nginx and Apache expand `$name` \
            (`$http_cookie` would leak every visitor's cookies into the Location header), Caddy expands `{...}` and \
            `{$ENV}`, a CR or LF (raw, or encoded as `%0d%0a`, which servers decode) splits the response and lets a \
            scanner inject headers, whitespace ends a config token, and quotes, backslashes and backticks break the \
            quoting of config files. Zero-width, bidirectional and other invisible characters (U+200B–U+200F, \
            U+202A–U+202E, U+2066–U+2069, U+FEFF, soft hyphens, Hangul fillers) and Unicode spaces hide what a URL \
            really says from its reviewers. Percent-encode such characters (the hint shows the encoded URL) or remove \
            them; encoded controls are always removed.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example/x?c=$http_cookie
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓"https://www.acme.example/x\\r\\nSet-Cookie: a=b"
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                fallback: ↓https://www.acme.example/x%0d%0aLocation:evil
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓"https://www.acme.example/x\\u200B"
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/caf%C3%A9/x%20y?q=a+b&r=%25#top
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        let scan = UnsafeCharacterScan(destination.text)
        guard let first = scan.offenders.first else { return }
        let others = scan.offenders.count - 1
        let more = others == 0 ? "" : " (and \(others) more unsafe character\(others == 1 ? "" : "s"))"
        findings.append(finding(
            "destination contains \(Self.describe(first)) at position \(first.position): \(Self.reason(first.kind))\(more)",
            at: destination.value.location, length: destination.length,
            hint: Self.hint(destination.text, scan.offenders)))
    }

    static func describe(_ offender: UnsafeCharacterScan.Offender) -> String {
        if offender.kind == .encodedControl { return "the encoded control `\(offender.text)`" }
        guard let scalar = offender.text.unicodeScalars.first else { return "`\(offender.text)`" }
        if scalar.value > 0x20, scalar.value < 0x7F { return "`\(offender.text)`" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = controlNames[scalar.value] ?? scalar.properties.nameAlias ?? scalar.properties.name
        return name.map { "\(code) (\($0))" } ?? code
    }

    /// Controls have no Unicode name, and Swift does not expose their aliases.
    private static let controlNames: [UInt32: String] = [
        0x00: "NULL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED", 0x0B: "LINE TABULATION",
        0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
    ]

    static func reason(_ kind: UnsafeCharacterScan.Kind) -> String {
        switch kind {
        case .variable: "nginx and Apache expand `$` as a variable"
        case .placeholder: "Caddy expands `{...}` as a placeholder"
        case .control: "a control character can split the server's response"
        case .whitespace: "web servers split on whitespace"
        case .invisible: "an invisible character hides what the URL says"
        case .quoting: "it breaks the quoting of server configuration files"
        case .delimiter: "it is not allowed unencoded in a URL"
        case .encodedControl: "servers decode it into a control character"
        }
    }

    static func hint(_ text: String, _ offenders: [UnsafeCharacterScan.Offender]) -> String {
        let repaired = UnsafeCharacterScan.repaired(text, offenders: offenders)
        let encodes = offenders.contains { $0.kind != .encodedControl }
        let removes = offenders.contains { $0.kind == .encodedControl }
        let action = switch (encodes, removes) {
        case (true, true): "percent-encode the unsafe characters and remove the encoded controls"
        case (false, true): "remove the encoded controls"
        default: "percent-encode the unsafe characters (or remove them if they were pasted by accident)"
        }
        return "\(action): `\(repaired)`"
    }
}

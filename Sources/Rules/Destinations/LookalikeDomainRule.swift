import Catalog
import Diagnostics

/// `lookalike-domain`: a destination's host may not imitate an allowed host or one of our
/// short domains, nor mix scripts within a label.
public struct LookalikeDomainRule: DestinationRule {
    public static let description = RuleDescription(
        id: "lookalike-domain",
        name: "No lookalike hosts",
        severity: .error,
        summary: "A destination's host may not look like an allowed host or short domain without being it, nor mix scripts in a label.",
        rationale: """
            Lookalike hosts are the oldest phishing trick and slip through review because they read right: a Cyrillic \
            `а` in `www.аcme.example` (`www.xn--cme-5cd.example`), `rn` for `m` in `www.acrne.example`, `0` for `o`. \
            Hosts are compared in Unicode (`xn--` labels are decoded from Punycode, RFC 3492) by their UTS #39 \
            confusable skeletons, lower-cased and without accents: a host whose skeleton equals that of an allow-listed \
            host or short domain without being that host is refused, and so is a subdomain of an imitation of an \
            allow-listed domain (`shop.acrne.example`). Hosts inside an allow-listed `.domain` or one of our short \
            domains are ours (we control their DNS), so only the script checks apply to them. Each label must also keep to one script, or to a combination \
            UTS #39 "moderately restrictive" allows (Latin with Han, Hiragana and Katakana; with Han and Bopomofo; with \
            Han and Hangul; or with one other common script except Cyrillic, Greek and Cherokee, whose letters pass for \
            Latin ones). An `xn--` label that is not valid Punycode, or decodes to plain ASCII, is refused as well.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.\u{430}cme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.xn--cme-5cd.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acrne.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://shop-\u{3b1}\u{3b2}.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {language: [ja]}
                    target: https://acme-\u{30b7}\u{30e7}\u{30c3}\u{30d7}.example/ja
                fallback: https://acme.example/
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://b\u{fc}cher.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {name: Retail Europe}
                destinations:
                  allowed: [b\u{fc}cher.example]
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let written = destination.url.host, IPAddressLiteral.address(of: written) == nil else { return }
        guard let host = destination.hostName else {
            report("the host `\(written)` cannot be written in Punycode", destination, into: &findings,
                   hint: "check the host for pasted characters")
            return
        }
        if let label = host.invalidLabel {
            report("the host label `\(label)` is not valid Punycode for a non-ASCII name", destination, into: &findings,
                   hint: "`xn--` labels must be the Punycode of a Unicode label; type the host as it is meant to read")
        } else if let original = context.destinations.imitatedHost(by: host) {
            report("the host \(Self.spelled(host)) looks like `\(original)` but is a different host", destination, into: &findings,
                   hint: "did you mean `\(original)`? Type the host from the keyboard rather than copying it")
        } else if let (label, scripts) = Self.mixedLabel(host) {
            let names = scripts.map(\.displayName)
            let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            report("the host \(Self.spelled(host)) mixes \(list) in the label `\(label)`", destination, into: &findings,
                   hint: "write each label of the host in one script")
        }
    }

    /// `xn--...` (`Unicode form`), or just the host when both forms are the same.
    private static func spelled(_ host: HostName) -> String {
        host.unicode == host.ascii ? "`\(host.ascii)`" : "`\(host.ascii)` (`\(host.unicode)`)"
    }

    private static func mixedLabel(_ host: HostName) -> (Substring, [UnicodeScript])? {
        guard !host.unicodeIsASCII else { return nil }
        for label in host.unicodeLabels {
            if let scripts = ScriptRestriction.disallowedMix(in: label) { return (label, scripts) }
        }
        return nil
    }

    private func report(_ message: String, _ destination: Destination, into findings: inout [Diagnostic], hint: String) {
        findings.append(finding(message, at: destination.value.location, length: destination.length, hint: hint))
    }
}

import Catalog
import Diagnostics

/// `forbidden-scheme`: a destination must be an absolute web URL.
public struct ForbiddenSchemeRule: DestinationRule {
    public static let description = RuleDescription(
        id: "forbidden-scheme",
        name: "Destinations are absolute web URLs",
        severity: .error,
        summary: "A destination must start with `https://`: no other scheme, no relative or scheme-relative reference.",
        rationale: """
            A redirect may only send people to a web page. `javascript:`, `data:` and `vbscript:` run code in the \
            scanner's browser, `file:`, `blob:` and `about:` point inside the phone, and `tel:`, `mailto:` or `sms:` are \
            not followed reliably after a redirect (encode them in a static code instead): no scheme but http(s) is \
            allowed, and `http` itself is reported by `https-only`. A relative reference (`/offers`, `page.html`, \
            `https//x` without the colon) or a scheme-relative one (`//evil.example`) is resolved by each web server \
            and scanner app differently, so it is refused too.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓javascript:alert(1)
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓//evil.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                fallback: ↓https//www.acme.example/support
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        let url = destination.url
        guard !url.isWeb else { return }
        let text = destination.text
        let message: String
        let hint: String
        if let scheme = url.scheme {
            message = "the `\(scheme.lowercased()):` scheme is not allowed in a destination"
            hint = "redirect to an https page (a `tel:` or `mailto:` link belongs in a static code, not a redirect)"
        } else if url.authority != nil {
            message = "`\(text)` is scheme-relative: its scheme would depend on whoever opens it"
            hint = "did you mean `https:\(text)`?"
        } else {
            message = "`\(text)` is a relative reference, not an absolute URL"
            hint = Self.repair(text).map { "did you mean `\($0)`?" } ?? "write an absolute URL such as `https://www.example.com/page`"
        }
        findings.append(finding(message, at: destination.value.location, length: destination.length, hint: hint))
    }

    /// `https//x`, `http//x` (colon forgotten) and `www.x.example/y` (scheme forgotten).
    static func repair(_ text: String) -> String? {
        for prefix in ["https//", "http//"] where text.lowercased().hasPrefix(prefix) {
            return "https://" + text.dropFirst(prefix.count)
        }
        let firstSegment = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let looksLikeHost = firstSegment.hasPrefix("www.") || (firstSegment.contains(".") && firstSegment.count < text.count)
        if looksLikeHost, !firstSegment.hasPrefix("."),
           firstSegment.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) {
            return "https://" + text
        }
        return nil
    }
}

import Catalog
import Diagnostics

/// `https-only`: a destination must use `https`.
public struct HTTPSOnlyRule: DestinationRule {
    public static let description = RuleDescription(
        id: "https-only",
        name: "Destinations use https",
        severity: .error,
        summary: "A destination must be an `https` URL, not `http`.",
        rationale: """
            A scan over plain `http` can be read and rewritten by anyone on the same Wi-Fi: the landing page, the \
            app-store link, the form a customer fills in. Browsers also warn on `http` pages, which makes a printed \
            code look broken or malicious. Every destination (target, routes, split arms, fallbacks, and the short \
            domains' fallbacks in policies/) must use `https`; other schemes are `forbidden-scheme`.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓http://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                routes:
                  - when: {device: [ios]}
                    target: ↓HTTP://www.acme.example/ios
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        let url = destination.url
        guard url.isHTTP, let scheme = url.scheme else { return }
        let secure = "https" + destination.text[scheme.endIndex...]
        findings.append(finding(
            "destination must use https, found `\(destination.text)`", at: destination.value.location,
            length: destination.length, hint: "use \(secure)"))
    }
}

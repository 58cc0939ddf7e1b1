import Catalog
import Diagnostics

/// `destination-too-long`: a destination may be at most 2000 bytes.
public struct DestinationTooLongRule: DestinationRule {
    /// In UTF-8 bytes.
    static let limit = 2000

    public static let description = RuleDescription(
        id: "destination-too-long",
        name: "Destinations fit every server",
        severity: .error,
        summary: "A destination may be at most 2000 bytes (UTF-8).",
        rationale: """
            Destinations pass through every server and edge platform we emit for and through the scanner's browser. \
            Apache's RewriteMap cuts lines at 1024 bytes including the slug, HAProxy splits map lines longer than \
            16 KB, and many browsers, CDNs and proxies cap URLs at about 2 KB (the long-standing safe limit). A URL \
            longer than 2000 bytes is also almost always a mistake: a pasted tracking link, a session or a data blob. \
            Shorten it; qrops appends the `utm:` parameters itself.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example/x?data=\(String(repeating: "a", count: 2000))
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x?data=\(String(repeating: "a", count: 1950))
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        let bytes = destination.text.utf8.count
        guard bytes > Self.limit else { return }
        findings.append(finding(
            "the destination is \(bytes) bytes long; at most \(Self.limit) fit every server and browser",
            at: destination.value.location, length: destination.length,
            hint: "shorten the URL: drop pasted tracking parameters (qrops adds `utm:` itself) or link to a shorter page"))
    }
}

import Catalog
import Diagnostics

/// `redirect-loop`: a destination may not be one of our own short domains.
public struct RedirectLoopRule: DestinationRule {
    public static let description = RuleDescription(
        id: "redirect-loop",
        name: "No redirects back to the redirector",
        severity: .error,
        summary: "A destination's host may not be one of our short domains (`domains:` keys or `default-domain`).",
        rationale: """
            A code that points at a short link sends the scan back into the redirector: a loop when it points at \
            itself, and otherwise a chain of redirects that is slow on a phone, hides the real destination from \
            reviewers and from `qrops diff`, escapes the checks made on the real destination, and breaks silently when \
            the other code is retired. Point the code at the page itself. A short domain's own `fallback` and \
            `not-found` are checked too.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://qr.acme.example/cx2
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                fallback: ↓https://GO.acme.example./offers
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/qr/cx1
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let host = destination.hostName, context.destinations.isShortDomain(host) else { return }
        findings.append(finding(
            "the destination `\(destination.text)` is on our own short domain `\(host.ascii)`: the scan would come back to the redirector",
            at: destination.value.location, length: destination.length,
            hint: "point the code at the final page (the other code's target), not at a short link"))
    }
}

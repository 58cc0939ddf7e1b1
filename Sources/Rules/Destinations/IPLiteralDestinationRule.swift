import Catalog
import Diagnostics

/// `ip-literal-destination`: a destination's host must be a name, not an IP address.
public struct IPLiteralDestinationRule: DestinationRule {
    public static let description = RuleDescription(
        id: "ip-literal-destination",
        name: "Destinations are host names, not IP addresses",
        severity: .error,
        summary: "A destination's host may not be an IPv4 or IPv6 address, in any notation.",
        rationale: """
            An IP address cannot carry a trusted certificate for our names, changes when hosting changes (a printed \
            code lives for years), bypasses the allow-list's idea of who owns a destination, and can point into the \
            scanner's own network (`127.0.0.1`, `192.168.0.1`). Browsers accept many spellings of the same address, so \
            all are refused: dotted (`127.0.0.1`), a single decimal number (`2130706433`), octal (`0177.0.0.1`), hex \
            (`0x7f.1`) and IPv6 in brackets (`[::1]`).
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://192.0.2.10/offer
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://0x7f.1/offer
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://[2001:db8::1]/offer
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/offer
                fallback: https://3m.acme.example/offer
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let host = destination.url.host, let address = IPAddressLiteral.address(of: host) else { return }
        let spelled = address == String(host) ? "" : " (\(address))"
        findings.append(finding(
            "the destination's host `\(host)` is an IP address\(spelled), not a host name",
            at: destination.value.location, length: destination.length,
            hint: "use the host name that serves this page, and make sure it is in `destinations.allowed`"))
    }
}

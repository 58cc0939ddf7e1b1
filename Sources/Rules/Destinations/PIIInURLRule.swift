import Catalog
import Diagnostics

/// `pii-in-url`: no personal data or secrets in a destination.
public struct PIIInURLRule: DestinationRule {
    public static let description = RuleDescription(
        id: "pii-in-url",
        name: "No personal data or secrets in destinations",
        severity: .error,
        summary: "A destination may not hold e-mail addresses, phone numbers, credentials or tokens.",
        rationale: """
            A printed code is public for years, and every server, proxy, analytics tool and browser history on the way \
            logs the full URL. Personal data (an e-mail address, also written `%40`; a phone number such as \
            `+4915112345678` or `(555) 123-4567` in a query value) must never be printed into a code or a redirect, \
            and neither may secrets: parameters named like credentials (`password`, `pwd`, `secret`) with any value, \
            parameters named like tokens (`token`, `access_token`, `auth`, `session`, `sid`, `api_key`, `key`) with a \
            long random-looking value, JWTs, and any query value of 24 or more characters that switches between upper \
            case, lower case and digits like base64 (or 32 or more hex digits). UTM parameters, slugs, dates and \
            product ids such as `id0000000001` are not personal data. Findings show only a redacted excerpt.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example/welcome?email=jane.doe%40example.com
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example/call/+4915112345678
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example/account?token=Zk9x2LqP7rT4vW8yB3nM6cJ1
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://shop.acme.example/p/123?utm_source=qr&utm_campaign=SpringSale2026LimitedEdition
                routes:
                  - when: {device: [ios]}
                    target: https://apps.apple.com/app/id0000000001
                fallback: https://www.acme.example/events/2026-03-01?session=keynote-opening-day-2026
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let found = PersonalDataScan.first(in: destination.url) else { return }
        let message = switch found {
        case .email(let excerpt): "the destination contains an e-mail address (`\(excerpt)`)"
        case .phone(let excerpt): "the destination contains a phone number (`\(excerpt)`)"
        case .credential(let name): "the query parameter `\(name)` carries a credential"
        case .token(let name, let length): "the query parameter `\(name)` carries a token-like value (\(length) characters)"
        }
        findings.append(finding(
            message, at: destination.value.location, length: destination.length,
            hint: "remove personal data and secrets from the URL: printed codes are public and every URL is logged; "
                + "identify the visitor on the landing page instead"))
    }
}

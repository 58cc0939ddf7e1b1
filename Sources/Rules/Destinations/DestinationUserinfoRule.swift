import Catalog
import Diagnostics

/// `destination-userinfo`: no `user@` or `user:password@` before the host.
public struct DestinationUserinfoRule: DestinationRule {
    public static let description = RuleDescription(
        id: "destination-userinfo",
        name: "No user information in destinations",
        severity: .error,
        summary: "A destination may not have user information (`name@` or `name:password@`) before its host.",
        rationale: """
            `https://www.acme.example@evil.example/` reads like our site but goes to `evil.example`: everything before \
            the last `@` of the authority is user information, a classic phishing disguise. Credentials in a printed \
            URL are also public the moment it is printed, and browsers either strip them or ask the user a confusing \
            question. The allow-list (`destination-allowed`) checks the real host; this rule refuses the disguise itself.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://www.acme.example@evil.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: ↓https://admin:hunter2@www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/team/@acme?contact=sales
                """),
        ]
    )

    public init() {}

    public func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic]) {
        guard destination.contains(byte: UInt8(ascii: "@")) else { return }
        let url = destination.url
        guard let userinfo = url.userinfo, let host = url.host else { return }
        let hasPassword = userinfo.contains(":")
        let shown = hasPassword ? "\(userinfo.prefix { $0 != ":" }):•••" : String(userinfo)
        let without = destination.text[..<userinfo.startIndex] + destination.text[destination.text.index(after: userinfo.endIndex)...]
        findings.append(finding(
            "the destination has user information `\(shown)@` before its real host `\(host)`"
                + (hasPassword ? " (including a password)" : ""),
            at: destination.value.location, length: destination.length,
            hint: "remove the user information: `\(without)`"))
    }
}

import Catalog
import Diagnostics

/// `utm-required`: codes of the listed use cases carry source, medium and campaign.
public struct UTMRequiredRule: Rule {
    public static let description = RuleDescription(
        id: "utm-required",
        name: "UTM parameters required",
        severity: .error,
        summary: "A code whose use case is listed in `utm.required-for` must set `utm` `source`, `medium` and `campaign`.",
        rationale: """
            Scans from print only show up as their own channel in analytics when the landing page's URL says \
            where they came from. For marketing use cases (packaging, displays, direct mail) the policy lists \
            them under `utm.required-for`, and every code of those use cases must set the three parameters \
            analytics tools group by: `source`, `medium` and `campaign`. Retired and archived codes send scans \
            to their fallback and are not checked.
            """,
        triggering: [
            RuleExample("""
                id: MAIL-NA-0001
                slug: spring-offer
                owner: retail-na
                status: active
                use: direct-mail
                ↓utm: {source: qr, medium: direct-mail}
                target: https://www.acme.example/offer
                """),
            // Without `utm:`, at the code.
            RuleExample("""
                ↓id: MAIL-NA-0001
                slug: spring-offer
                owner: retail-na
                status: active
                use: direct-mail
                target: https://www.acme.example/offer
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: MAIL-NA-0001
                slug: spring-offer
                owner: retail-na
                status: active
                use: direct-mail
                utm: {source: qr, medium: direct-mail, campaign: spring-2026}
                target: https://www.acme.example/offer
                """),
            // Use cases not listed in `utm.required-for` need no UTM parameters.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                use: packaging
                target: https://www.acme.example/x
                """),
        ]
    )

    static let required: [UTMParameter] = [.source, .medium, .campaign]

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let use = code.use, code.status.value != .retired, code.status.value != .archived,
              let listed = context.policies.utmRequiredFor.first(where: { $0.value == use.value }) else { return }
        let missing = Self.required.filter { parameter in !code.utm.contains { $0.name == parameter.rawValue } }
        guard !missing.isEmpty else { return }
        let names = missing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        findings.append(finding(
            "the `\(use.value)` code `\(code.id.value)` has no UTM \(names)", at: code.utmKeyLocation ?? code.location,
            length: code.utmKeyLocation == nil ? 1 : "utm".count,
            notes: [DiagnosticNote("`utm.required-for` lists `\(use.value)` here", at: listed.location)],
            hint: "set \(missing.map { "`\($0.rawValue): ...`" }.joined(separator: ", ")) under `utm:` (or in the folder's `_defaults.yaml`)"))
    }
}

import Catalog
import Diagnostics

/// `slug-charset`: slugs are short, lower-case and safe to type.
public struct SlugCharsetRule: Rule {
    public static let description = RuleDescription(
        id: "slug-charset",
        name: "Slug characters",
        severity: .error,
        summary: "A slug uses lower-case `a-z`, `0-9` and `-`, is 1 to 64 characters long and does not start or end with `-`; or matches `naming.slug` when the policy sets it.",
        rationale: """
            The slug is printed next to the code and typed by hand when a scan fails, so it must survive being \
            read aloud, retyped on a phone keyboard, and passed through every web server's path handling. \
            Lower-case ASCII letters, digits and inner hyphens are safe everywhere; upper case, spaces, dots, \
            slashes and non-ASCII letters are not. A repository with other needs sets its own pattern as \
            `naming.slug` (POSIX extended, plus `\\d`, `\\w` and `\\s`, anchored only where it says `^...$`).
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: ↓Spring-Sale
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: ↓spring-
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: ↓spring-sale
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                naming:
                  slug: '^[a-z]{2}[0-9]{1,3}$'
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: spring-sale-2026
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """, policies: """
                version: 1
                owners:
                  retail-eu: {}
                naming:
                  slug: '^[a-z]{2}[0-9]{1,3}$'
                """),
        ]
    )

    static let maxLength = 64

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        let slug = code.slug
        let length = slug.value.unicodeScalars.count
        if let pattern = context.naming.slug {
            guard let compiled = pattern.compiled, !compiled.matches(slug.value) else { return }
            findings.append(finding(
                "the slug `\(slug.value)` does not match the naming policy `\(pattern.source.value)`", at: slug.location,
                length: length, notes: [DiagnosticNote("`naming.slug` is set here", at: pattern.source.location)],
                hint: "choose a slug that follows the naming policy"))
            return
        }
        guard let problem = Self.problem(slug.value) else { return }
        findings.append(finding("the slug `\(slug.value)` \(problem)", at: slug.location, length: length,
                                hint: "slugs use lower-case `a-z`, `0-9` and inner `-`, at most \(Self.maxLength) characters"))
    }

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        if let invalid = context.naming.slug?.invalidDiagnostic { findings.append(invalid) }
    }

    /// What is wrong with `slug` under the default convention, nil when nothing is. Scans UTF-8.
    static func problem(_ slug: String) -> String? {
        let bytes = slug.utf8
        var allowed = true
        for byte in bytes where !isAllowed(byte) {
            allowed = false
            break
        }
        if allowed, let first = bytes.first, let last = bytes.last, first != 0x2D, last != 0x2D, bytes.count <= maxLength {
            return nil
        }
        if slug.isEmpty { return "is empty" }
        if let bad = slug.unicodeScalars.first(where: { !($0.isASCII && isAllowed(UInt8($0.value))) }) {
            if ("A"..."Z").contains(bad) { return "contains the upper-case letter `\(bad)`" }
            if bad == " " { return "contains a space" }
            if !bad.isASCII { return "contains the non-ASCII character `\(bad)` (U+\(String(bad.value, radix: 16, uppercase: true)))" }
            return "contains `\(bad.escaped(asASCII: true))`"
        }
        if slug.hasPrefix("-") { return "starts with `-`" }
        if slug.hasSuffix("-") { return "ends with `-`" }
        return "is \(slug.unicodeScalars.count) characters long"
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
}

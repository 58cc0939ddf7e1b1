import Catalog
import Diagnostics

/// `slug-confusable`: two slugs on one domain must not differ only by look-alike characters.
public struct SlugConfusableRule: Rule {
    public static let description = RuleDescription(
        id: "slug-confusable",
        name: "Confusable slugs",
        severity: .warning,
        summary: "Two slugs on the same domain must not differ only by look-alike characters (`0`/`o`/`O`, `1`/`l`/`I`).",
        rationale: """
            When a scan fails, people type the printed short link by hand, and in many print fonts `0` and `O`, \
            or `1`, `l` and `I`, look the same. Two codes whose slugs differ only by such characters send some \
            of those people to the wrong code, silently. Each slug is reduced to a skeleton (look-alikes \
            mapped to one character, case folded unless the domain has case-sensitive slugs) and skeletons are \
            compared per domain; the finding is at the second code, with a note at the first.
            """,
        triggering: [
            RuleExample("""
                codes:
                  - id: RET-EU-0001
                    slug: promo-10
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/a
                  - id: RET-EU-0002
                    slug: ↓promo-lo
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/b
                """),
        ],
        nonTriggering: [
            RuleExample("""
                codes:
                  - id: RET-EU-0001
                    slug: promo-10
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/a
                  - id: RET-EU-0002
                    slug: promo-20
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/b
                """),
            // Different domains never clash.
            RuleExample("""
                codes:
                  - id: RET-EU-0001
                    slug: promo-10
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/a
                  - id: RET-EU-0002
                    slug: promo-lo
                    domain: go.acme.example
                    owner: retail-eu
                    status: active
                    target: https://www.acme.example/b
                """),
        ]
    )

    public init() {}

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        // Per domain (lower-cased), skeleton (a short key: usually no allocation) to the first
        // code seen with it. Codes share their domain: the last one's table is kept at hand.
        var tables: [[String: Code]] = []
        var tableOfDomain: [String: Int] = [:]
        var last: (written: String, domain: String, table: Int, fold: Bool)?
        let caseSensitive = Set(context.policies.domains.values.filter(\.caseSensitiveSlugs).map { $0.host.value.lowercased() })
        for code in catalog.codes {
            let written = context.policies.domain(of: code) ?? ""
            if last.map({ !$0.written.utf8.elementsEqual(written.utf8) }) ?? true {
                let domain = written.lowercased()
                let table: Int
                if let known = tableOfDomain[domain] {
                    table = known
                } else {
                    table = tables.count
                    tables.append([:])
                    tableOfDomain[domain] = table
                }
                last = (written, domain, table, !caseSensitive.contains(domain))
            }
            guard let (_, domain, table, fold) = last else { continue }
            let skeleton = Self.skeleton(code.slug.value, foldCase: fold)
            var seenBefore: Code?
            func visit(_ slot: inout Code?) {
                if let slot { seenBefore = slot } else { slot = code }
            }
            visit(&tables[table][skeleton])
            guard let first = seenBefore?.slug else { continue }
            // The same slug up to case is `duplicate-slug`'s finding.
            guard first.value.lowercased() != code.slug.value.lowercased() else { continue }
            findings.append(finding(
                "the slug `\(code.slug.value)` looks like `\(first.value)` on \(domain)", at: code.slug.location,
                length: code.slug.value.unicodeScalars.count,
                notes: [DiagnosticNote("`\(first.value)` is used here", at: first.location)],
                hint: "people type printed short links by hand: choose a slug that differs by more than `0`/`o` or `1`/`l`"))
        }
    }

    /// `slug` with look-alikes mapped to one character: `0`, `O`, `o` to `o`; `1`, `l`, `I` to
    /// `l`; with `foldCase`, every other letter lower-cased.
    static func skeleton(_ slug: String, foldCase: Bool) -> String {
        let utf8 = slug.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                buffer[count] = lookAlike(byte, foldCase: foldCase)
                count += 1
            }
            return count
        }
    }

    private static func lookAlike(_ byte: UInt8, foldCase: Bool) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0"), UInt8(ascii: "O"), UInt8(ascii: "o"): UInt8(ascii: "o")
        case UInt8(ascii: "1"), UInt8(ascii: "l"), UInt8(ascii: "I"): UInt8(ascii: "l")
        case UInt8(ascii: "A")...UInt8(ascii: "Z") where foldCase: byte + 0x20
        default: byte
        }
    }
}

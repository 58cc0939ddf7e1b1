import Diagnostics
@testable import Rules
import Testing

/// Hostile destinations, each written into a code's `target:` as a double-quoted YAML scalar,
/// decoded, and run through every destination rule: the expected rule must be among the
/// findings. Where the decoder rejects the URL first, `malformed-url` is the expected id.
@Suite("Adversarial destinations")
struct AdversarialDestinationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let destination: String
        let rule: String
        var testDescription: String { "\(rule): \(DestinationHarness.yamlDoubleQuoted(destination).prefix(90))" }
        init(_ destination: String, _ rule: String) {
            self.destination = destination
            self.rule = rule
        }
    }

    static let hostile: [Case] = [
        // Response splitting and control characters.
        Case("https://www.acme.example/x%0d%0aSet-Cookie:%20a=b", "unsafe-characters"),
        Case("https://www.acme.example/x%0D%0ALocation:%20https://evil.example", "unsafe-characters"),
        Case("https://www.acme.example/x\r\nSet-Cookie: a=b", "unsafe-characters"),
        Case("https://www.acme.example/x%00.pdf", "unsafe-characters"),
        Case("https://www.acme.example/x?a=%09b", "unsafe-characters"),
        Case("https://www.acme.example/x?a=%7f", "unsafe-characters"),
        Case("https://www.acme.example/x?a=%C2%85", "unsafe-characters"),
        Case("https://www.acme.example/x\u{7F}", "unsafe-characters"),
        Case("https://www.acme.example/x\u{85}", "unsafe-characters"),
        // Server variables and placeholders.
        Case("https://www.acme.example/x?c=$http_cookie", "unsafe-characters"),
        Case("https://www.acme.example/${HOME}", "unsafe-characters"),
        Case("https://www.acme.example/{env.HOME}", "unsafe-characters"),
        Case("https://www.acme.example/{$HOME}", "unsafe-characters"),
        Case("https://www.acme.example/{http.request.header.Cookie}", "unsafe-characters"),
        // Quoting and delimiters.
        Case("https://www.acme.example/\"onmouseover=\"alert(1)", "unsafe-characters"),
        Case("https://www.acme.example/it's", "unsafe-characters"),
        Case("https://www.acme.example/a\\b", "unsafe-characters"),
        Case("https://www.acme.example/`id`", "unsafe-characters"),
        Case("https://www.acme.example/<script>alert(1)</script>", "unsafe-characters"),
        Case("https://www.acme.example/a|b^c", "unsafe-characters"),
        // Whitespace and invisible characters.
        Case("https://www.acme.example/a b", "unsafe-characters"),
        Case("https://www.acme.example/a\tb", "unsafe-characters"),
        Case("https://www.acme.example/a\u{A0}b", "unsafe-characters"),
        Case("https://www.acme.example/a\u{2028}b", "unsafe-characters"),
        Case("https://www.acme.example/a\u{3000}b", "unsafe-characters"),
        Case("https://www.acme.example/a\u{200B}b", "unsafe-characters"),
        Case("https://www.acme.example/\u{202E}fdp.exe", "unsafe-characters"),
        Case("https://www.acme.example/x\u{2066}y\u{2069}", "unsafe-characters"),
        Case("https://www.acme.example/x\u{FEFF}", "unsafe-characters"),
        Case("https://www.acme.example/x\u{AD}y", "unsafe-characters"),
        // Whitespace inside the host never gets that far: the decoder rejects the URL.
        Case("https://www.acme.example\u{A0}/x", "malformed-url"),
        Case("https://www.acme .example/x", "malformed-url"),
        // Schemes and relative references.
        Case("//evil.example/x", "forbidden-scheme"),
        Case("javascript:alert(1)", "forbidden-scheme"),
        Case("JaVaScRiPt:alert(document.cookie)", "forbidden-scheme"),
        Case("data:text/html,<script>alert(1)</script>", "forbidden-scheme"),
        Case("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "forbidden-scheme"),
        Case("vbscript:msgbox(1)", "forbidden-scheme"),
        Case("blob:https://www.acme.example/0b3c", "forbidden-scheme"),
        Case("about:blank", "forbidden-scheme"),
        Case("tel:+4915112345678", "forbidden-scheme"),
        Case("ftp://www.acme.example/file", "forbidden-scheme"),
        Case("https//www.acme.example/x", "forbidden-scheme"),
        Case("/support/x", "forbidden-scheme"),
        Case("www.acme.example/x", "forbidden-scheme"),
        // `file:///` has an empty host, which the decoder refuses before any rule runs.
        Case("file:///etc/passwd", "malformed-url"),
        Case("http://www.acme.example/x", "https-only"),
        Case("HTTP://www.acme.example/x", "https-only"),
        // Lookalikes: Cyrillic `а` (raw and as Punycode), rn for m, 1 for l, mixed scripts.
        Case("https://www.xn--cme-5cd.example/x", "lookalike-domain"),
        Case("https://www.\u{430}cme.example/x", "lookalike-domain"),
        Case("https://www.acrne.example/x", "lookalike-domain"),
        Case("https://www.acme.exarnple/x", "lookalike-domain"),
        Case("https://www.acme.examp1e/x", "lookalike-domain"),
        Case("https://shop.acrne.example/x", "lookalike-domain"),
        Case("https://q\u{433}.acme.example/x", "lookalike-domain"),
        Case("https://payp\u{430}l.example/x", "lookalike-domain"),
        Case("https://xn--paypl-7ve.example/x", "lookalike-domain"),
        Case("https://www.acm\u{E9}.example/x", "lookalike-domain"),
        Case("https://xn--acme-.example/x", "lookalike-domain"),
        Case("https://bucher.example/x", "lookalike-domain"),
        // Not our hosts, however they are dressed up.
        Case("https://www.acme.example.evil.example/x", "destination-allowed"),
        Case("https://evil-acme.example/x", "destination-allowed"),
        Case("https://acme.example.evil.example/", "destination-allowed"),
        Case("https://evilacme.example/", "destination-allowed"),
        Case("https://evil.example:8443/x", "destination-allowed"),
        Case("https://www.acme.example@evil.example/", "destination-allowed"),
        Case("https://www.acme.example@evil.example/", "destination-userinfo"),
        Case("https://user:pass@www.acme.example/", "destination-userinfo"),
        Case("https://bit.ly/3xYzAbC", "destination-allowed"),
        // IP literals.
        Case("https://127.0.0.1/x", "ip-literal-destination"),
        Case("http://2130706433/", "ip-literal-destination"),
        Case("https://0x7f.1/", "ip-literal-destination"),
        Case("https://0177.0.0.1/", "ip-literal-destination"),
        Case("https://[::1]/x", "ip-literal-destination"),
        Case("https://[2001:db8::1]:8443/x", "ip-literal-destination"),
        // Size.
        Case("https://www.acme.example/x?blob=" + String(repeating: "A", count: 5 * 1024), "destination-too-long"),
        // Personal data and secrets.
        Case("https://www.acme.example/welcome?email=jane.doe@example.com", "pii-in-url"),
        Case("https://www.acme.example/welcome?u=jane.doe%40example.com", "pii-in-url"),
        Case("https://www.acme.example/u/jane.doe@example.co.uk/profile", "pii-in-url"),
        Case("https://www.acme.example/callback?n=%2B4915112345678", "pii-in-url"),
        Case("https://www.acme.example/call/+1-555-123-4567", "pii-in-url"),
        Case("https://www.acme.example/c?n=(555)%20123-4567", "pii-in-url"),
        Case("https://www.acme.example/c?phone=0612345678", "pii-in-url"),
        Case("https://www.acme.example/account?token=Zk9x2LqP7rT4vW8yB3nM6cJ1", "pii-in-url"),
        Case("https://www.acme.example/x?password=hunter2", "pii-in-url"),
        Case("https://www.acme.example/x?api_key=3f9a2c7e1b4d8f60a9c3", "pii-in-url"),
        Case("https://www.acme.example/x?ref=aZ3kQ9mT2vX8pL4wR7nB5cY1dF6g", "pii-in-url"),
        Case("https://www.acme.example/x?d=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "pii-in-url"),
        Case("https://www.acme.example/cb#access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "pii-in-url"),
        // Back into the redirector.
        Case("https://qr.acme.example/cx2", "redirect-loop"),
        Case("https://GO.ACME.EXAMPLE./offers", "redirect-loop"),
    ]

    static let clean: [String] = [
        "https://www.acme.example/support?lang=fr#faq",
        "https://apps.apple.com/app/id0000000001",
        "https://play.google.com/store/apps/details?id=com.acme.app&hl=de",
        "https://shop.acme.example/p/123?utm_source=qr&utm_medium=packaging&utm_campaign=spring-2026",
        "https://www.acme.example/x?utm_campaign=SpringSale2026LimitedEdition&utm_content=Q3-Banner",
        "https://b\u{FC}cher.example/katalog",
        "https://xn--bcher-kva.example/katalog",
        "https://www.acme.example:8443/x",
        "https://www.acme.example/a#section-2",
        "https://acme.example/",
        "https://WWW.ACME.EXAMPLE/Path",
        "https://www.acme.example./x",
        "https://www.acme.example/caf%C3%A9?q=a%20b&r=%25",
        "https://www.acme.example/events/2026-03-01?session=keynote-opening-day-2026",
        "https://www.acme.example/team/@acme?contact=sales",
        "https://www.acme.example/p?sku=ABC-12345-XL&ref=QR2026&date=2026-03-01",
        "https://support.acme.example/manuals/3m-adhesive.pdf?v=1.10.2",
        "https://www.acme.example/\u{65E5}\u{672C}/\u{30B5}\u{30DD}\u{30FC}\u{30C8}",
        "https://www.acme.example/store?id=550e8400-e29b-41d4-a716-446655440000",
        "https://www.acme.example/book?isbn=978-3-16-148410-0",
        "https://www.acme.example/c?q=a+b",
    ]

    @Test(arguments: hostile)
    func hostileDestinationIsReported(_ entry: Case) {
        let outcome = DestinationHarness.run(destination: entry.destination)
        #expect(outcome.ids.contains(entry.rule),
                "expected \(entry.rule), got \(outcome.findings.map { "\($0.ruleID): \($0.message)" }) problems \(outcome.problems.map(\.message))")
        if entry.rule != "malformed-url" {
            #expect(outcome.problems.isEmpty, "the code itself must decode: \(outcome.problems.map(\.message))")
        }
    }

    @Test(arguments: clean)
    func cleanDestinationRaisesNothing(_ destination: String) {
        let outcome = DestinationHarness.run(destination: destination)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.message))")
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map { "\($0.ruleID): \($0.message)" })")
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.hostile.count >= 40)
        #expect(Self.clean.count >= 10)
    }

    @Test func everyDestinationRuleIsExercised() {
        let covered = Set(Self.hostile.map(\.rule))
        for rule in RuleRegistry.destinationRules {
            #expect(covered.contains(rule.description.id), "\(rule.description.id) has no adversarial case")
        }
    }
}

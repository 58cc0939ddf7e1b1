import Diagnostics
@testable import Rules
import Testing

/// Messages and hints: the offending value, where it is, and the fix.
@Suite("Destination rule messages")
struct DestinationMessageTests {
    private func only(_ rule: String, for destination: String) throws -> Diagnostic {
        let outcome = DestinationHarness.run(destination: destination)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.message))")
        return try #require(outcome.findings.first { $0.ruleID == rule }, "no \(rule) in \(outcome.findings.map(\.message))")
    }

    @Test func unsafeCharacterPositionAndEncodedHint() throws {
        let finding = try only("unsafe-characters", for: "https://www.acme.example/x?c=$http_cookie&d={a}")
        #expect(finding.message == "destination contains `$` at position 30: nginx and Apache expand `$` as a variable (and 2 more unsafe characters)")
        #expect(finding.hint == "percent-encode the unsafe characters (or remove them if they were pasted by accident): `https://www.acme.example/x?c=%24http_cookie&d=%7Ba%7D`")
        #expect(finding.location.line == 5 && finding.location.column == 9)
        #expect(finding.severity == .error)
    }

    @Test func controlCharactersAreNamedAndEncodedControlsRemoved() throws {
        let raw = try only("unsafe-characters", for: "https://www.acme.example/x\r\nSet-Cookie: a=b")
        #expect(raw.message == "destination contains U+000D (CARRIAGE RETURN) at position 27: a control character can split the server's response (and 2 more unsafe characters)")
        #expect(raw.hint?.hasSuffix("`https://www.acme.example/x%0D%0ASet-Cookie:%20a=b`") == true)
        let encoded = try only("unsafe-characters", for: "https://www.acme.example/x%0d%0aLocation:evil")
        #expect(encoded.message.hasPrefix("destination contains the encoded control `%0d` at position 27"))
        #expect(encoded.hint == "remove the encoded controls: `https://www.acme.example/xLocation:evil`")
        let invisible = try only("unsafe-characters", for: "https://www.acme.example/caf\u{E9}\u{200B}")
        #expect(invisible.message.hasPrefix("destination contains U+200B (ZERO WIDTH SPACE) at position 30"))
        #expect(invisible.hint?.hasSuffix("`https://www.acme.example/caf\u{E9}%E2%80%8B`") == true)
    }

    @Test func schemeHints() throws {
        #expect(try only("https-only", for: "http://www.acme.example/x?a=1").hint == "use https://www.acme.example/x?a=1")
        #expect(try only("forbidden-scheme", for: "https//www.acme.example/x").hint == "did you mean `https://www.acme.example/x`?")
        #expect(try only("forbidden-scheme", for: "//www.acme.example/x").hint == "did you mean `https://www.acme.example/x`?")
        #expect(try only("forbidden-scheme", for: "JavaScript:alert(1)").message == "the `javascript:` scheme is not allowed in a destination")
        #expect(try only("forbidden-scheme", for: "page.html").hint == "write an absolute URL such as `https://www.example.com/page`")
    }

    @Test func hostMessages() throws {
        let lookalike = try only("lookalike-domain", for: "https://www.xn--cme-5cd.example/x")
        #expect(lookalike.message == "the host `www.xn--cme-5cd.example` (`www.\u{430}cme.example`) looks like `www.acme.example` but is a different host")
        let mixed = try only("lookalike-domain", for: "https://shop-\u{3B1}\u{3B2}.example/")
        #expect(mixed.message == "the host `xn--shop--h9dh.example` (`shop-\u{3B1}\u{3B2}.example`) mixes Latin and Greek in the label `shop-\u{3B1}\u{3B2}`")
        let userinfo = try only("destination-allowed", for: "https://www.acme.example@evil.example/")
        #expect(userinfo.message == "`evil.example` is not an allowed destination (`www.acme.example@` is user information: the browser goes to `evil.example`)")
        let disguise = try only("destination-userinfo", for: "https://admin:hunter2@www.acme.example/x")
        #expect(disguise.message == "the destination has user information `admin:•••@` before its real host `www.acme.example` (including a password)")
        #expect(disguise.hint == "remove the user information: `https://www.acme.example/x`")
        #expect(try only("destination-allowed", for: "https://www.acme.exampel/").hint == "did you mean `www.acme.example`?")
        #expect(try only("ip-literal-destination", for: "https://2130706433/").message == "the destination's host `2130706433` is an IP address (127.0.0.1), not a host name")
        #expect(try only("redirect-loop", for: "https://Qr.Acme.Example/cx2").message.contains("our own short domain `qr.acme.example`"))
    }

    @Test func personalDataIsRedacted() throws {
        let email = try only("pii-in-url", for: "https://www.acme.example/w?e=jane.doe%40example.com")
        #expect(email.message == "the destination contains an e-mail address (`j…@example.com`)")
        let phone = try only("pii-in-url", for: "https://www.acme.example/call/+4915112345678")
        #expect(phone.message == "the destination contains a phone number (`+49…78`)")
        let token = try only("pii-in-url", for: "https://www.acme.example/x?access_token=Zk9x2LqP7rT4vW8yB3nM6cJ1")
        #expect(token.message == "the query parameter `access_token` carries a token-like value (24 characters)")
        #expect(!token.message.contains("Zk9x"))
    }

    @Test func tooLongCountsBytes() throws {
        let finding = try only("destination-too-long", for: "https://www.acme.example/" + String(repeating: "\u{E9}", count: 1000))
        #expect(finding.message == "the destination is 2025 bytes long; at most 2000 fit every server and browser")
    }
}

import Catalog
import Testing

@Suite("Value parsing: dates, durations, lengths, colours, URLs")
struct ValueParsingTests {
    @Test(arguments: [
        ("2026-03-01", "2026-03-01T00:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z"),
        ("2026-12-01T01:30:00+01:30", "2026-12-01T00:00:00Z"),
        ("2026-12-01T00:00:00.250Z", "2026-12-01T00:00:00Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesInstants(_ text: String, _ expected: String) throws {
        #expect(try #require(Instant.parse(text)).description == expected)
    }

    @Test(arguments: ["", "2026-3-01", "2026-13-01", "2023-02-29", "2026-04-31", "2026-12-01T24:00:00Z",
                      "2026-12-01T00:00:00", "2026-12-01T00:00Z", "2026-12-01T00:00:00+0100", "tomorrow", "2026-12-01X"])
    func rejectsMalformedInstants(_ text: String) {
        #expect(Instant.parse(text) == nil)
    }

    /// The text the generated server maps' header comments carry.
    @Test(arguments: [(Int64(0), "1970-01-01T00:00:00Z"), (1_813_060_800, "2027-06-15T12:00:00Z"),
                      (951_868_800, "2000-03-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z")])
    func instantsPrintAsRFC3339InUTC(_ seconds: Int64, _ expected: String) {
        #expect(Instant(seconds: seconds).description == expected)
    }

    /// Any Int64 of seconds prints (a table or a caller may hold one far outside 0000-9999).
    @Test(arguments: [Int64.min, Int64.min + 1, -86_401, -1, 0, Int64.max - 1, Int64.max])
    func extremeInstantsPrintWithoutTrapping(_ seconds: Int64) {
        let text = Instant(seconds: seconds).description
        #expect(text.hasSuffix("Z") && text.contains("T"))
        #expect(!Instant(seconds: seconds).dateString.isEmpty)
    }

    @Test func addsCalendarDurations() throws {
        let start = try #require(Instant.parse("2026-01-31"))
        #expect(start.adding(CalendarDuration(count: 1, unit: .months)).dateString == "2026-02-28")
        #expect(start.adding(CalendarDuration(count: 10, unit: .years)).dateString == "2036-01-31")
        #expect(start.adding(CalendarDuration(count: 2, unit: .weeks)).dateString == "2026-02-14")
    }

    @Test(arguments: [("30d", 30, CalendarDuration.Unit.days), ("6mo", 6, .months), ("10y", 10, .years), ("2w", 2, .weeks)])
    func parsesDurations(_ text: String, _ count: Int, _ unit: CalendarDuration.Unit) {
        #expect(CalendarDuration.parse(text) == CalendarDuration(count: count, unit: unit))
    }

    @Test(arguments: ["", "d", "0d", "6 mo", "6m", "-1y", "1.5y", "9999999d"])
    func rejectsMalformedDurations(_ text: String) {
        #expect(CalendarDuration.parse(text) == nil)
    }

    @Test(arguments: [("25mm", 25.0), ("2.5cm", 25.0), ("1in", 25.4), ("72pt", 25.4), ("2m", 2000.0)])
    func parsesLengths(_ text: String, _ millimetres: Double) throws {
        #expect(abs(try #require(Length.parse(text)).millimetres - millimetres) < 1e-9)
    }

    @Test(arguments: ["", "25", "mm", "25 mm", "-3mm", "0mm", "1.2.3mm", ".5mm", "25MM"])
    func rejectsMalformedLengths(_ text: String) {
        #expect(Length.parse(text) == nil)
    }

    @Test func parsesColours() {
        #expect(Colour.parse("#1a2B3c") == .rgb(red: 0x1A, green: 0x2B, blue: 0x3C))
        #expect(Colour.parse("cmyk(0, 10%, 20, 100)") == .cmyk(cyan: 0, magenta: 10, yellow: 20, black: 100))
        #expect(Colour.parse("#12345") == nil)
        #expect(Colour.parse("red") == nil)
        #expect(Colour.parse("cmyk(0,0,0)") == nil)
        #expect(Colour.parse("cmyk(0,0,0,101)") == nil)
        #expect(abs(Colour.rgb(red: 255, green: 255, blue: 255).relativeLuminance - 1) < 1e-9)
        #expect(Colour.rgb(red: 0, green: 0, blue: 0).relativeLuminance == 0)
    }

    @Test func splitsURLs() throws {
        let url = try WebURL.parse("HTTPS://user@WWW.Acme.example:8443/a/b?x=1&y#frag").get()
        #expect(url.scheme == "https")
        #expect(url.userinfo == "user")
        #expect(url.host == "www.acme.example")
        #expect(url.port == 8443)
        #expect(url.path == "/a/b")
        #expect(url.query == "x=1&y")
        #expect(url.fragment == "frag")
        let relative = try WebURL.parse("//evil.example/x").get()
        #expect(relative.scheme == nil)
        #expect(relative.host == "evil.example")
        #expect(try WebURL.parse("javascript:alert(1)").get().scheme == "javascript")
        #expect(try WebURL.parse("https://[2001:db8::1]/x").get().host == "[2001:db8::1]")
    }

    @Test(arguments: ["", "https://", "https:///x", "https://a b/", "https://a.example:x/", "1http://a/", "https://a.example:70000/"])
    func rejectsMalformedURLs(_ text: String) {
        if case .success = WebURL.parse(text) { Issue.record("accepted \(text)") }
    }

    @Test func suggestsNearMisses() {
        #expect(DidYouMean.suggest("targt", among: ["target", "tags"]) == "target")
        #expect(DidYouMean.suggest("retail-ue", among: ["retail-eu", "retail-na"]) == "retail-eu")
        #expect(DidYouMean.suggest("zzzzzz", among: ["target"]) == nil)
    }
}

import Testing
@testable import Routing

/// `DestinationComposer.split` takes a byte-level path for ASCII destinations; it must give
/// exactly what the character-level definition (`textSplit`) gives.
@Suite("Destination composition: the ASCII path equals the definition")
struct DestinationComposerSplitTests {
    static let utm = [
        QueryParameter(name: "utm_source", value: "qr"),
        QueryParameter(name: "utm_medium", value: "print & post"),
        QueryParameter(name: "utm_campaign", value: "été/2026"),
    ]

    static let destinations = [
        "https://www.acme.example/a",
        "https://www.acme.example/a?",
        "https://www.acme.example/a?x=1",
        "https://www.acme.example/a?x=1&",
        "https://www.acme.example/a?utm_source=mail",
        "https://www.acme.example/a?utm_source",
        "https://www.acme.example/a?&&utm_medium=x&&",
        "https://www.acme.example/a?=orphan&utm_campaign=",
        "https://www.acme.example/a#top",
        "https://www.acme.example/a?x=1#frag?y=2&utm_source=z",
        "https://www.acme.example/a#",
        "https://www.acme.example/a?utm_sourcex=1",
        "/relative?utm_medium=1",
        "",
        "?",
        "#?&",
        "https://www.acme.example/a?x=\r\n#",
    ]

    @Test(arguments: destinations)
    func asciiSplitEqualsTheDefinition(destination: String) throws {
        for utm in [Self.utm, [], [Self.utm[0]], Self.utm + [QueryParameter(name: "", value: "empty name")]] {
            let fast = try #require(DestinationComposer.asciiSplit(destination, utm: utm))
            let definition = DestinationComposer.textSplit(destination, utm: utm)
            #expect(fast.prefix == definition.prefix, "\(destination) \(utm)")
            #expect(fast.separator == definition.separator, "\(destination) \(utm)")
            #expect(fast.fragment == definition.fragment, "\(destination) \(utm)")
        }
    }

    @Test func nonASCIITextTakesTheDefinition() {
        #expect(DestinationComposer.asciiSplit("https://www.acme.example/é", utm: Self.utm) == nil)
        #expect(DestinationComposer.asciiSplit("https://www.acme.example/a", utm: [QueryParameter(name: "\u{212A}", value: "")]) == nil)
        // The Kelvin sign is canonically equivalent to `K`: the definition sees `K` as present.
        let parts = DestinationComposer.split("https://www.acme.example/a?K=1", utm: [QueryParameter(name: "\u{212A}", value: "x")])
        #expect(parts.prefix == "https://www.acme.example/a?K=1")
    }

    @Test func composedLocations() {
        let utm = Array(Self.utm.prefix(2))
        #expect(DestinationComposer.compose("https://www.acme.example/a#f", forwardedQuery: "q=1 2", utm: utm)
            == "https://www.acme.example/a?utm_source=qr&utm_medium=print%20%26%20post&q=1%202#f")
        #expect(DestinationComposer.compose("https://www.acme.example/a?utm_source=x", forwardedQuery: "a=<b>#c", utm: utm)
            == "https://www.acme.example/a?utm_source=x&utm_medium=print%20%26%20post&a=%3Cb%3E")
        #expect(DestinationComposer.encode("é~-._ /") == "%C3%A9~-._%20%2F")
        #expect(DestinationComposer.sanitisedQuery("a=\u{7F}\"{|}^`\\é&b") == "a=%7F%22%7B%7C%7D%5E%60%5C%C3%A9&b")
    }
}

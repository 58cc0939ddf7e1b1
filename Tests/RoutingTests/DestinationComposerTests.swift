import Foundation
import TestSupport
import Testing
@testable import Routing

@Suite struct DestinationComposerTests {
    static let qr = [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_medium", value: "print")]

    @Test(arguments: [
        // destination alone
        ("https://x.example/a", nil, [], "https://x.example/a"),
        ("https://x.example", nil, [], "https://x.example"),
        ("https://x.example/a?b=1", nil, [], "https://x.example/a?b=1"),
        ("https://x.example/a#top", nil, [], "https://x.example/a#top"),
        // UTM parameters after the destination's own query, fragment last
        ("https://x.example/a", nil, qr, "https://x.example/a?utm_source=qr&utm_medium=print"),
        ("https://x.example/a?b=1", nil, qr, "https://x.example/a?b=1&utm_source=qr&utm_medium=print"),
        ("https://x.example/a#top", nil, qr, "https://x.example/a?utm_source=qr&utm_medium=print#top"),
        ("https://x.example/a?b=1#top", nil, qr, "https://x.example/a?b=1&utm_source=qr&utm_medium=print#top"),
        ("https://x.example", nil, qr, "https://x.example?utm_source=qr&utm_medium=print"),
        // a destination ending in `?` or `&` needs no separator
        ("https://x.example/a?", nil, qr, "https://x.example/a?utm_source=qr&utm_medium=print"),
        ("https://x.example/a?b=1&", nil, qr, "https://x.example/a?b=1&utm_source=qr&utm_medium=print"),
        ("https://x.example/a?", "s=1", [], "https://x.example/a?s=1"),
        ("https://x.example/a?b=1&", "s=1", [], "https://x.example/a?b=1&s=1"),
        // UTM parameters the destination already carries are skipped, only those
        ("https://x.example/a?utm_source=web", nil, qr, "https://x.example/a?utm_source=web&utm_medium=print"),
        ("https://x.example/a?utm_medium=web&utm_source=mail", nil, qr, "https://x.example/a?utm_medium=web&utm_source=mail"),
        ("https://x.example/a?utm_source", nil, qr, "https://x.example/a?utm_source&utm_medium=print"),
        ("https://x.example/a?utm%5Fsource=web", nil, qr, "https://x.example/a?utm%5Fsource=web&utm_medium=print"),
        ("https://x.example/a?xutm_source=1", nil, qr, "https://x.example/a?xutm_source=1&utm_source=qr&utm_medium=print"),
        ("https://x.example/a?UTM_SOURCE=1", nil, qr, "https://x.example/a?UTM_SOURCE=1&utm_source=qr&utm_medium=print"),
        ("https://x.example/a#utm_source=x", nil, qr, "https://x.example/a?utm_source=qr&utm_medium=print#utm_source=x"),
        // UTM values are percent-encoded (RFC 3986 unreserved kept)
        ("https://x.example/a", nil, [QueryParameter(name: "utm_campaign", value: "spring sale")], "https://x.example/a?utm_campaign=spring%20sale"),
        ("https://x.example/a", nil, [QueryParameter(name: "utm_campaign", value: "a&b=c")], "https://x.example/a?utm_campaign=a%26b%3Dc"),
        ("https://x.example/a", nil, [QueryParameter(name: "utm_campaign", value: "café-€")], "https://x.example/a?utm_campaign=caf%C3%A9-%E2%82%AC"),
        ("https://x.example/a", nil, [QueryParameter(name: "utm_campaign", value: "a.b_c~d-e")], "https://x.example/a?utm_campaign=a.b_c~d-e"),
        ("https://x.example/a", nil, [QueryParameter(name: "utm_campaign", value: "#?+/%")], "https://x.example/a?utm_campaign=%23%3F%2B%2F%25"),
        // the forwarded query comes last, before the fragment
        ("https://x.example/a", "s=1&t=2", [], "https://x.example/a?s=1&t=2"),
        ("https://x.example/a?b=1", "s=1", [], "https://x.example/a?b=1&s=1"),
        ("https://x.example/a#top", "s=1", [], "https://x.example/a?s=1#top"),
        ("https://x.example/a", "s=1", qr, "https://x.example/a?utm_source=qr&utm_medium=print&s=1"),
        ("https://x.example/a?b=1#top", "s=1", qr, "https://x.example/a?b=1&utm_source=qr&utm_medium=print&s=1#top"),
        // an empty forwarded query adds nothing
        ("https://x.example/a", "", [], "https://x.example/a"),
        ("https://x.example/a#top", "", qr, "https://x.example/a?utm_source=qr&utm_medium=print#top"),
        // the forwarded query is appended verbatim, duplicates included (static servers cannot
        // remove them either)
        ("https://x.example/a", "utm_source=flyer", qr, "https://x.example/a?utm_source=qr&utm_medium=print&utm_source=flyer"),
        // unsafe bytes in the forwarded query are encoded; valid escapes, `+`, `&`, `=` stay
        ("https://x.example/a", "q=a b", [], "https://x.example/a?q=a%20b"),
        ("https://x.example/a", "q=a+b&r=%41", [], "https://x.example/a?q=a+b&r=%41"),
        ("https://x.example/a", "q=\"<x>\"", [], "https://x.example/a?q=%22%3Cx%3E%22"),
        ("https://x.example/a", "q={a}|[b]^`\\", [], "https://x.example/a?q=%7Ba%7D%7C%5Bb%5D%5E%60%5C"),
        ("https://x.example/a", "q=café", [], "https://x.example/a?q=caf%C3%A9"),
        ("https://x.example/a", "q=\r\nSet-Cookie:x", [], "https://x.example/a?q=%0D%0ASet-Cookie:x"),
        ("https://x.example/a", "q=100%", [], "https://x.example/a?q=100%25"),
        ("https://x.example/a", "q=%zz&r=%4", [], "https://x.example/a?q=%25zz&r=%254"),
        ("https://x.example/a", "q=1#frag", [], "https://x.example/a?q=1"),
        ("https://x.example/a", "#frag", [], "https://x.example/a"),
        ("https://x.example/a", "a=1?b=2&c=/d:e@f", [], "https://x.example/a?a=1?b=2&c=/d:e@f"),
    ] as [(String, String?, [QueryParameter], String)])
    func compose(destination: String, forwarded: String?, utm: [QueryParameter], location: String) {
        #expect(DestinationComposer.compose(destination, forwardedQuery: forwarded, utm: utm) == location)
    }

    @Test func splitGivesTheCompileTimeParts() {
        let parts = DestinationComposer.split("https://x.example/a?b=1#top", utm: Self.qr)
        #expect(parts.prefix == "https://x.example/a?b=1&utm_source=qr&utm_medium=print")
        #expect(parts.separator == "&")
        #expect(parts.fragment == "#top")
        let bare = DestinationComposer.split("https://x.example/a", utm: [])
        #expect(bare.prefix == "https://x.example/a" && bare.separator == "?" && bare.fragment == "")
        let open = DestinationComposer.split("https://x.example/a?", utm: [])
        #expect(open.prefix == "https://x.example/a?" && open.separator == "" && open.fragment == "")
    }

    /// Static servers rebuild a Location as prefix + separator + `$args` + fragment; that must be
    /// what `compose` gives for any query that needs no escaping.
    @Test func composeIsPrefixSeparatorQueryFragment() {
        for destination in ["https://x.example/a", "https://x.example/a?b=1", "https://x.example/a?", "https://x.example/a#f", "https://x.example/a?b#f"] {
            for utm in [[], Self.qr] {
                let parts = DestinationComposer.split(destination, utm: utm)
                #expect(DestinationComposer.compose(destination, forwardedQuery: "s=1", utm: utm) == parts.prefix + parts.separator + "s=1" + parts.fragment)
                #expect(DestinationComposer.compose(destination, forwardedQuery: nil, utm: utm) == parts.prefix + parts.fragment)
            }
        }
    }

    // MARK: - Property test

    static let alphabet: [String] = ["a", "Z", "0", "-", ".", "_", "~", "?", "&", "=", "#", "%", "%41", "%zz", "/", ":", "@", "+", " ",
                                     "\"", "<", ">", "[", "]", "{", "}", "|", "\\", "^", "`", "é", "€", "\t", "\n", "utm_source", "utm_medium"]

    static func randomText(_ random: inout SplitMix64, maxLength: Int) -> String {
        (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }.joined()
    }

    /// Destinations as lint lets them through (no spaces or controls), with random query and
    /// fragment parts; random UTM values and forwarded queries with every kind of byte.
    @Test func propertiesHoldForRandomInputs() throws {
        var random = SplitMix64(seed: 0xD357_1A7E)
        let safe = ["a", "b", "1", "-", "=", "&", "?", "%41", "/", "utm_source", "utm_campaign", ".", "~"]
        for round in 0..<3000 {
            var destination = "https://x.example/p"
            if Bool.random(using: &random) {
                destination += "?" + (0..<Int.random(in: 0...6, using: &random)).map { _ in safe[Int.random(in: 0..<safe.count, using: &random)] }.joined()
            }
            if Bool.random(using: &random) {
                destination += "#" + (0..<Int.random(in: 0...4, using: &random)).map { _ in safe[Int.random(in: 0..<safe.count, using: &random)] }.joined()
            }
            let utm = ["utm_source", "utm_medium", "utm_campaign"].filter { _ in Bool.random(using: &random) }
                .map { QueryParameter(name: $0, value: Self.randomText(&random, maxLength: 6)) }
            let forwarded: String? = Bool.random(using: &random) ? Self.randomText(&random, maxLength: 10) : nil
            let location = DestinationComposer.compose(destination, forwardedQuery: forwarded, utm: utm)
            let context = "round \(round): \(destination) + \(utm) + \(forwarded ?? "nil") → \(location)"

            // The fragment is the destination's, and it is last.
            let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
            #expect(location.hasSuffix(fragment), "\(context)")
            let beforeFragment = String(location.dropLast(fragment.count))
            #expect(!beforeFragment.contains("#"), "\(context)")
            // One `?` starts the query; whatever `?` follows belongs to the query's data (the
            // destination's own or a forwarded one), and the composed parts never add another.
            let destinationBase = String(destination.prefix { $0 != "#" })
            #expect(beforeFragment.hasPrefix(destinationBase), "\(context)")
            if !destinationBase.contains("?") {
                let added = beforeFragment.dropFirst(destinationBase.count)
                #expect(added.isEmpty || added.first == "?", "\(context)")
                #expect(added.dropFirst().filter { $0 == "?" }.count == (forwarded.map(DestinationComposer.sanitisedQuery) ?? "").filter { $0 == "?" }.count, "\(context)")
            }
            // No empty parameter is introduced between parts (`?&`, `&&`) unless the
            // destination itself had one.
            if !destinationBase.contains("&&"), !destinationBase.hasSuffix("?&"), !(forwarded ?? "").contains("&&"), !(forwarded ?? "").hasPrefix("&") {
                #expect(!beforeFragment.contains("&&"), "\(context)")
            }
            // Every UTM parameter the destination lacks is present once, encoded.
            for parameter in utm where !destinationBase.contains(parameter.name + "=") && !destinationBase.hasSuffix(parameter.name)
                && !destinationBase.contains(parameter.name + "&") {
                #expect(beforeFragment.contains(parameter.name + "=" + DestinationComposer.encode(parameter.value)), "\(context)")
            }
            // Only URL characters, and every `%` starts an escape.
            #expect(Self.isURLText(beforeFragment), "\(context)")
            // It parses as a URL with our host, path and fragment.
            let url = try #require(URLComponents(string: location), "\(context)")
            #expect(url.host == "x.example" && url.path == "/p", "\(context)")
        }
    }

    /// Printable ASCII outside `"<>\^`{|}` and space, with `%` followed by two hex digits.
    static func isURLText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            guard byte > 0x20, byte < 0x7F, !DestinationComposer.unsafeInQuery.contains(byte) else { return false }
            if byte == 0x25 {
                guard index + 2 < bytes.count, SlugPath.hexValue(bytes[index + 1]) != nil, SlugPath.hexValue(bytes[index + 2]) != nil else { return false }
            }
        }
        return true
    }
}

import Testing
@testable import Routing

/// Path and host normalisation (docs/routing.md, "Lookup"). The comments name what nginx
/// 1.22.1 puts in `$uri` / `$host` for the same request where it differs (observed with
/// `return 200 "$uri"`); docs/routing.md lists the differences.
@Suite struct SlugPathTests {
    @Test(arguments: [
        ("/cx1", "cx1"),
        ("/CX1", "CX1"),                  // case is kept here; folding is the domain's business
        // trailing and repeated slashes
        ("/cx1/", "cx1"),                 // nginx: $uri keeps the slash (`/cx1/`)
        ("/cx1//", "cx1"),
        ("//cx1", "cx1"),
        ("///cx1///", "cx1"),
        ("/a//b", "a/b"),
        // dot segments
        ("/./cx1", "cx1"),
        ("/a/../cx1", "cx1"),
        ("/a/./../cx1", "cx1"),
        ("/a/b/../../cx1", "cx1"),
        ("/cx1/.", "cx1"),
        ("/cx1/..", ""),
        ("/../cx1", "cx1"),               // nginx: 400 (above the root); RFC 3986 drops it
        ("/../../cx1", "cx1"),
        ("/.hidden", ".hidden"),
        ("/...", "..."),
        ("/..cx1", "..cx1"),
        // percent-encoding
        ("/c%78%31", "cx1"),
        ("/%63%58%31", "cX1"),
        ("/%2e/cx1", "cx1"),              // an encoded dot segment is still a dot segment
        ("/a/%2E%2E/cx1", "cx1"),
        ("/a%2Fb", "a/b"),                // %2F is a slash after decoding, as in nginx
        ("/a%2fb", "a/b"),
        ("/a%2F..%2Fcx1", "cx1"),
        ("/%2F", ""),
        ("/%2Fcx1%2F", "cx1"),
        ("/caf%C3%A9", "café"),
        ("/caf%c3%a9", "café"),
        ("/café", "café"),
        ("/a%20b", "a b"),
        ("/a+b", "a+b"),                  // `+` is a space only in form queries, never in paths
        ("/a;b", "a;b"),
        ("/%25", "%"),
        ("/%2525", "%25"),                // decoded once
        // invalid escapes stay as written (nginx: 400)
        ("/%zz", "%zz"),
        ("/%4", "%4"),
        ("/a%", "a%"),
        ("/%%41", "%A"),
        ("/%G1", "%G1"),
        // bytes that are not UTF-8 become U+FFFD (nginx keeps the raw byte)
        ("/ca%E9", "ca\u{FFFD}"),
        ("/%C3", "\u{FFFD}"),
        // empty paths
        ("/", ""),
        ("", ""),
        ("/.", ""),
        ("/%2e", ""),
    ])
    func slug(path: String, slug: String) {
        #expect(SlugPath.slug(fromPath: path) == slug)
    }

    @Test(arguments: [
        ("qr.acme.example", "qr.acme.example"),
        ("QR.Acme.EXAMPLE", "qr.acme.example"),
        ("qr.acme.example:443", "qr.acme.example"),
        ("qr.acme.example:8080", "qr.acme.example"),
        ("qr.acme.example:", "qr.acme.example"),
        ("qr.acme.example.", "qr.acme.example"),
        ("qr.acme.example.:443", "qr.acme.example"),
        ("QR.ACME.EXAMPLE..", "qr.acme.example"),   // nginx: 400
        (" qr.acme.example\t", "qr.acme.example"),
        ("[::1]", "[::1]"),
        ("[::1]:8080", "[::1]"),
        ("[2001:DB8::1]:443", "[2001:db8::1]"),
        ("203.0.113.7:80", "203.0.113.7"),
        ("xn--caf-dma.example", "xn--caf-dma.example"),
        ("CAFÉ.example", "cafÉ.example"),            // only ASCII is folded; a Unicode Host is not ours
        ("", ""),
    ])
    func host(raw: String, host: String) {
        #expect(SlugPath.host(raw) == host)
    }

    @Test func slugKeysFoldASCIIUnlessTheDomainIsCaseSensitive() {
        let insensitive = TableDomain(host: "qr.acme.example")
        let sensitive = TableDomain(host: "cs.acme.example", caseSensitiveSlugs: true)
        #expect(insensitive.slugKey("CX1") == "cx1")
        #expect(insensitive.slugKey("Cx-1_Z") == "cx-1_z")
        #expect(insensitive.slugKey("CAFÉ") == "cafÉ")
        #expect(sensitive.slugKey("CX1") == "CX1")
        #expect(sensitive.slugKey("cx1") == "cx1")
    }

    @Test func percentDecodingLeavesTextWithoutEscapesAlone() {
        #expect(SlugPath.percentDecoded("a+b c") == "a+b c")
        #expect(SlugPath.percentDecoded("%41%42%43") == "ABC")
        #expect(SlugPath.percentDecoded("%e2%82%ac") == "€")
    }
}

@Suite struct ScanRequestURLTests {
    @Test(arguments: [
        ("https://qr.acme.example/cx1", "qr.acme.example", "/cx1", nil),
        ("HTTPS://QR.acme.example:443/CX1/?a=1#frag", "QR.acme.example:443", "/CX1/", "a=1"),
        ("http://qr.acme.example", "qr.acme.example", "/", nil),
        ("http://qr.acme.example?x", "qr.acme.example", "/", "x"),
        ("https://qr.acme.example/cx1?", "qr.acme.example", "/cx1", ""),
        ("qr.acme.example/cx1?a=b?c", "qr.acme.example", "/cx1", "a=b?c"),
        ("https://user:secret@qr.acme.example/cx1", "qr.acme.example", "/cx1", nil),
        ("https://[::1]:8080/cx1", "[::1]:8080", "/cx1", nil),
        ("https://qr.acme.example/a#b?c", "qr.acme.example", "/a", nil),
    ] as [(String, String, String, String?)])
    func parts(url: String, host: String, path: String, query: String?) throws {
        let request = try #require(ScanRequest(url: url, at: 0))
        #expect(request.host == host)
        #expect(request.path == path)
        #expect(request.query == query)
    }

    @Test(arguments: ["", "/cx1", "ftp://qr.acme.example/cx1", "mailto:a@b", "https:///cx1", "?a=1"])
    func notAScanURL(url: String) {
        #expect(ScanRequest(url: url, at: 0) == nil)
    }
}

import Catalog
import Testing

/// `WebURL.problem(in:)` (what the decoder asks) and `WebURL.layout(of:)` (what the rules
/// read) come from the same split as `WebURL.parse`.
@Suite("URL layout")
struct WebURLLayoutTests {
    static let texts = [
        "https://www.acme.example/support?lang=fr#faq", "HTTPS://User:Pw@WWW.Acme.Example:8443/a/b?c=d&e#f?g#h",
        "https://[2001:db8::1]:8443/x?y", "https://[::1]", "//evil.example/x", "javascript:alert(1)", "/relative/path?q#f",
        "page.html", "https://b\u{FC}cher.example/k\u{E4}se?q=\u{E9}", "", "https://", "https:///x", "https://a b/",
        "https://a.example:x/", "1http://a/", "https://a.example:70000/", "https://[::1", "https://[::1]x/", "http:x",
        "https://a@:80/", "mailto:a@b.example", "h ttp://a/",
    ]

    @Test(arguments: texts)
    func problemIsParseFailure(_ text: String) {
        switch WebURL.parse(text) {
        case .success: #expect(WebURL.problem(in: text) == nil)
        case .failure(let error): #expect(WebURL.problem(in: text) == error)
        }
    }

    @Test(arguments: texts)
    func layoutSlicesAreTheParsedParts(_ text: String) throws {
        guard case .success(let url) = WebURL.parse(text) else { return }
        let layout = WebURL.layout(of: text)
        let bytes = Array(text.utf8)
        func slice(_ range: Range<Int>?) -> String? { range.map { String(decoding: bytes[$0], as: UTF8.self) } }
        #expect(slice(layout.scheme)?.lowercased() == url.scheme)
        #expect(slice(layout.userinfo) == url.userinfo)
        #expect(slice(layout.host)?.lowercased() == url.host)
        #expect(slice(layout.port).flatMap { Int($0) } == url.port)
        #expect(slice(layout.path) == url.path)
        #expect(slice(layout.query) == url.query)
        #expect(slice(layout.fragment) == url.fragment)
    }
}

import Catalog
@testable import Rules
import Testing

/// The rules' cheap splitter must agree with the decoder's `WebURL.parse` on every URL the
/// decoder accepts.
@Suite("Destination URL splitting")
struct DestinationURLTests {
    @Test(arguments: [
        "https://www.acme.example/support?lang=fr#faq",
        "HTTPS://User:Pw@WWW.Acme.Example:8443/a/b?c=d&e#f?g#h",
        "https://www.acme.example@evil.example/",
        "https://a@b@evil.example:99/x",
        "https://[2001:db8::1]:8443/x?y",
        "https://[::1]",
        "http://2130706433",
        "//evil.example/x",
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "https//www.acme.example/x",
        "/relative/path?q#f",
        "page.html",
        "blob:https://www.acme.example/0b3c",
        "https://www.acme.example?x=1",
        "https://www.acme.example#top",
        "https://b\u{FC}cher.example/k\u{E4}se?q=\u{E9}",
        "https://www.acme.example/team/@acme:x?mail=a@b.example",
    ])
    func agreesWithWebURL(_ text: String) throws {
        let reference = try WebURL.parse(text).get()
        let url = DestinationURL(text)
        #expect(url.scheme?.lowercased() == reference.scheme)
        #expect(url.userinfo.map(String.init) == reference.userinfo)
        #expect(url.host?.lowercased() == reference.host)
        #expect(url.port.flatMap { Int($0) } == reference.port)
        #expect(String(url.path) == reference.path)
        #expect(url.query.map(String.init) == reference.query)
        #expect(url.fragment.map(String.init) == reference.fragment)
        #expect(url.isWeb == (reference.scheme == "http" || reference.scheme == "https"))
        #expect(url.isHTTP == (reference.scheme == "http"))
    }
}

@testable import Rules
import Testing

@Suite("Script and confusable tables")
struct UnicodeTableTests {
    @Test(arguments: [
        ("a", UnicodeScript.latin), ("\u{E9}", .latin), ("\u{430}", .cyrillic), ("\u{3B1}", .greek),
        ("\u{561}", .armenian), ("\u{5D0}", .hebrew), ("\u{627}", .arabic), ("\u{E01}", .thai),
        ("\u{65E5}", .han), ("\u{3042}", .hiragana), ("\u{30A2}", .katakana), ("\u{AC00}", .hangul),
        ("\u{3105}", .bopomofo), ("\u{13A0}", .cherokee), ("1", .common), ("-", .common),
        ("\u{301}", .inherited), ("\u{2D30}", .other),
    ])
    func scriptOfScalar(_ text: String, _ script: UnicodeScript) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(UnicodeScript(of: scalar) == script)
    }

    @Test(arguments: [
        ("www.\u{430}cme.example", "www.acme.example"),
        ("www.acrne.example", "www.acme.example"),
        ("www.acme.exarnple", "www.acme.example"),
        ("vvvvvv.acme.example", "www.acme.example"),
        ("g00gle.example", "google.example"),
        ("paypa1.example", "paypal.example"),
        ("app1e.com", "apple.com"),
        ("acm\u{E9}.example", "acme.example"),
        ("acme\u{301}.example", "acme.example"),
        ("\u{FF41}cme.example", "acme.example"),
        ("\u{1D41A}cme.example", "acme.example"),
        ("ACME.example", "acme.example"),
        ("\u{3BF}\u{3C1}\u{3B1}.example", "opa.example"),
    ])
    func lookalikesShareASkeleton(_ lookalike: String, _ original: String) {
        #expect(ConfusableSkeleton.of(lookalike) == ConfusableSkeleton.of(original))
    }

    @Test(arguments: [
        ("acme.example", "acne.example"),
        ("shop.acme.example", "shoe.acme.example"),
        ("www.acme.example", "ww.acme.example"),
        ("b\u{FC}cher.example", "becher.example"),
    ])
    func differentHostsKeepDifferentSkeletons(_ a: String, _ b: String) {
        #expect(ConfusableSkeleton.of(a) != ConfusableSkeleton.of(b))
    }

    @Test(arguments: [
        ("acme", true), ("b\u{FC}cher", true), ("\u{43F}\u{440}\u{438}\u{43C}\u{435}\u{440}", true),
        ("acme-\u{30B7}\u{30E7}\u{30C3}\u{30D7}", true), ("\u{6771}\u{4EAC}\u{3068}\u{30AB}", true),
        ("acme\u{C1C7}\u{D551}\u{D55C}\u{5B57}", true), ("shop\u{E44}\u{E17}\u{E22}", true),
        ("\u{430}cme", false), ("shop-\u{3B1}\u{3B2}", false), ("\u{3B1}\u{430}", false),
        ("acme\u{5D0}\u{627}", false), ("\u{13A0}cme", false),
    ])
    func scriptMixes(_ label: String, _ allowed: Bool) {
        #expect((ScriptRestriction.disallowedMix(in: label[...]) == nil) == allowed)
    }

    @Test func hostNameForms() throws {
        let idn = try #require(HostName("WWW.B\u{DC}cher.Example."))
        #expect(idn.ascii == "www.xn--bcher-kva.example")
        #expect(idn.unicode == "www.b\u{FC}cher.example")
        let punycode = try #require(HostName("www.XN--cme-5cd.example"))
        #expect(punycode.unicode == "www.\u{430}cme.example")
        #expect(punycode.invalidLabel == nil)
        let fake = try #require(HostName("xn--acme-.example"))
        #expect(fake.invalidLabel == "xn--acme-")
        #expect(HostName.isWithin("shop.acme.example", "acme.example"))
        #expect(HostName.isWithin("acme.example", "acme.example"))
        #expect(!HostName.isWithin("evilacme.example", "acme.example"))
        #expect(!HostName.isWithin("acme.example.evil.example", "acme.example"))
    }
}

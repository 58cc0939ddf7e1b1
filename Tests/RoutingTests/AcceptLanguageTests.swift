import Testing
@testable import Routing

@Suite struct AcceptLanguageTests {
    @Test(arguments: [
        // plain and regional tags
        ("fr", "fr"),
        ("fr-CH", "fr"),
        ("FR-ch", "fr"),
        ("en_US", "en"),
        ("zh-Hant-TW", "zh"),
        ("yue-HK", "yue"),
        // q-values: the highest wins, wherever it is
        ("en;q=0.5, fr;q=0.9", "fr"),
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"),
        ("de;q=0.1, en;q=0.2, it;q=1", "it"),
        ("en;q=0.001, de;q=0.002", "de"),
        ("en;q=1.000, de", "en"),
        ("en;Q=0.4, de;q=0.3", "en"),
        // ties: the first wins
        ("de, fr", "de"),
        ("de;q=0.8, fr;q=0.8", "de"),
        ("de;q=0.8, fr;q=0.80", "de"),
        ("de;q=0.5, fr;q=0.500, nl;q=0.5", "de"),
        // `*` is never a language
        ("*", nil),
        ("*, fr;q=0.5", "fr"),
        ("*;q=1, fr;q=0.1", "fr"),
        // q=0 means "not this one"
        ("fr;q=0", nil),
        ("fr;q=0, de;q=0.1", "de"),
        ("fr;q=0.000, de;q=0.001", "de"),
        ("fr;q=0., de;q=0.001", "de"),
        // malformed q-values drop their item, not the header
        ("fr;q=2, de;q=0.5", "de"),
        ("fr;q=1.5, de;q=0.5", "de"),
        ("fr;q=1.001, de;q=0.5", "de"),
        ("fr;q=0.0001, de;q=0.5", "de"),
        ("fr;q=abc, de;q=0.5", "de"),
        ("fr;q=, de;q=0.5", "de"),
        ("fr;q=-0.5, de;q=0.5", "de"),
        ("fr;q=.5, de;q=0.4", "de"),
        ("fr;q=0.5;q=oops, de;q=0.4", "de"),
        // other parameters are ignored; the q parameter is found among them
        ("fr;level=1;q=0.2, de;q=0.3", "de"),
        ("fr;quality=0.1, de;q=0.9", "fr"),
        // whitespace around items, separators and parameters
        ("  fr  ,  de ; q=0.9 ", "fr"),
        ("\tde;q=0.2,\ten ;q=0.3", "en"),
        ("fr ; q = 0.5 , de;q=0.4", "fr"),
        // empty items and garbage
        (",,, fr", "fr"),
        ("", nil),
        ("   ", nil),
        (",;,;", nil),
        ("%%%, 123, ?!", nil),
        ("12-34, fr", "fr"),
        ("français, de;q=0.5", "de"),
        ("-fr, de;q=0.5", "de"),
        ("abcdefghi, de;q=0.5", "de"),
        ("abcdefgh", "abcdefgh"),
        // single-letter primary subtags (private use, grandfathered) are not languages
        ("x-pig-latin, fr;q=0.5", "fr"),
        ("i-klingon, de;q=0.5", "de"),
    ] as [(String, String?)])
    func preferred(header: String, language: String?) {
        #expect(AcceptLanguage.preferred(header) == language)
    }

    @Test func noHeaderIsNoLanguage() {
        #expect(AcceptLanguage.preferred(nil) == nil)
    }

    @Test(arguments: [("0", 0), ("1", 1000), ("0.5", 500), ("0.25", 250), ("0.125", 125), ("1.0", 1000), ("1.000", 1000), ("0.", 0), ("1.", 1000)])
    func qValues(text: String, thousandths: Int) {
        #expect(AcceptLanguage.qValue(Substring(text)) == thousandths)
    }

    @Test(arguments: ["", "2", "1.1", "1.0001", "0.1234", ".5", "0,5", "0.5x", "-1", "01"])
    func malformedQValues(text: String) {
        #expect(AcceptLanguage.qValue(Substring(text)) == nil)
    }
}

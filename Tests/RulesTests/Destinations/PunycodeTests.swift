@testable import Rules
import Testing

@Suite("Punycode (RFC 3492)")
struct PunycodeTests {
    /// RFC 3492 section 7.1 samples (A, B, D, L) and host labels, checked against Python's codec.
    static let vectors: [(String, String)] = [
        ("\u{644}\u{64A}\u{647}\u{645}\u{627}\u{628}\u{62A}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64A}\u{61F}",
         "egbpdaj6bu4bxfgehfvwxn"),
        ("\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}", "ihqwcrb4cv8a8dqg056pqjye"),
        ("Pro\u{10D}prost\u{11B}nemluv\u{ED}\u{10D}esky", "Proprostnemluvesky-uyb24dma41a"),
        ("3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}", "3B-ww4c5e180e575a65lsy2b"),
        ("b\u{FC}cher", "bcher-kva"),
        ("\u{430}cme", "cme-5cd"),
        ("\u{65E5}\u{672C}\u{8A9E}", "wgv71a119e"),
        ("\u{C548}\u{B155}\u{D558}\u{C138}\u{C694}", "o70b841ad5c9qb763b"),
        ("\u{1F600}smile", "smile-y224d"),
    ]

    @Test(arguments: vectors.indices)
    func encodesAndDecodes(_ index: Int) throws {
        let (unicode, encoded) = Self.vectors[index]
        #expect(Punycode.encode(Array(unicode.unicodeScalars)) == encoded)
        let decoded = try #require(Punycode.decode(encoded[...]))
        #expect(String(String.UnicodeScalarView(decoded)) == unicode)
    }

    @Test func decodingIgnoresDigitCase() throws {
        let decoded = try #require(Punycode.decode("CME-5CD"))
        #expect(String(String.UnicodeScalarView(decoded)) == "\u{430}CME")
    }

    @Test(arguments: ["b\u{FC}cher", "a-b", "99999999999", "zzzzzzzzzzzzzzzzzzzzzzzz", "-"])
    func rejectsInvalidInputWithoutTrapping(_ text: String) {
        // Non-ASCII before the delimiter, truncated digits, overflow: nil, never a crash.
        if text == "-" {
            #expect(Punycode.decode(text[...])?.isEmpty == true)
        } else {
            #expect(Punycode.decode(text[...]) == nil)
        }
    }
}

import Foundation
import Testing
import Diagnostics

@Suite("JSON writer")
struct JSONWriterTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("/", #""/""#),
        ("\n", #""\n""#),
        ("\r", #""\r""#),
        ("\t", #""\t""#),
        ("\u{08}", #""\b""#),
        ("\u{0C}", #""\f""#),
        ("\u{00}", #""\u0000""#),
        ("\u{07}", #""\u0007""#),
        ("\u{1B}", #""\u001b""#),
        ("\u{1F}", #""\u001f""#),
        ("\u{7F}", #""\u007f""#),
        ("\u{2028}", #""\u2028""#),
        ("\u{2029}", #""\u2029""#),
        ("é日本😀", "\"é日本😀\""),
    ] as [(String, String)])
    func escapes(_ input: String, _ expected: String) {
        #expect(Array(JSONWriter.quoted(input).utf8) == Array(expected.utf8))
    }

    /// Every ASCII character and a few awkward others survive a trip through Foundation's parser.
    @Test func roundTripsThroughJSONSerialization() throws {
        var text = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        text += "\u{2028}\u{2029}é日本😀e\u{301}"
        let json = JSONWriter.write(.array([.string(text)]))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        #expect(parsed.first.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
    }

    @Test func layoutIsFixed() {
        let value = JSONValue.object([
            ("b", .int(-1)),
            ("a", .array([.null, .bool(true), .bool(false)])),
            ("empty", .object([])),
            ("none", .array([])),
            ("nested", .object([("k", .optional(nil)), ("s", .optional("v"))])),
        ])
        #expect(JSONWriter.write(value) == """
            {
              "b": -1,
              "a": [
                null,
                true,
                false
              ],
              "empty": {},
              "none": [],
              "nested": {
                "k": null,
                "s": "v"
              }
            }

            """)
    }
}

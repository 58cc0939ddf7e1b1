@testable import Catalog
import Testing

/// `CodeKey(text)` dispatches on length and first byte; it must name exactly the keys
/// `CodeKey(rawValue:)` does.
@Suite("Code keys")
struct CodeKeyTests {
    @Test func everyKeyAndItsNearMissesMatchTheRawValues() {
        var texts: [String] = ["", "-", "ID", "Id", "i", "utm ", " utm", "targét", "ta\u{301}rget", "\u{212A}"]
        for key in CodeKey.allCases.map(\.rawValue) {
            texts.append(key)
            texts.append(key + "s")
            texts.append(String(key.dropLast()))
            texts.append(String(key.dropFirst()))
            texts.append(key.uppercased())
            let bytes = Array(key.utf8)
            for index in bytes.indices {
                for replacement in [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "-")] {
                    var changed = bytes
                    changed[index] = replacement
                    texts.append(String(decoding: changed, as: UTF8.self))
                }
            }
        }
        for text in texts {
            #expect(CodeKey(text) == CodeKey(rawValue: text), "\(text)")
        }
        #expect(CodeKey.allCases.allSatisfy { CodeKey($0.rawValue) == $0 })
        #expect(CodeDecoder.keys.first == "id" && CodeDecoder.keys.last == "ignore" && CodeDecoder.keys.count == 23)
    }
}

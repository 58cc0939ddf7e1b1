/// The visitor's language from `Accept-Language` (RFC 9110 §12.5.4): the tag with the highest
/// q-value (the first of equals), reduced to its primary subtag in lower case (`fr-CH;q=0.9`
/// → `fr`, `zh-Hant-TW` → `zh`, `en_US` → `en`). Skipped, never fatal: `*`, `q=0`, an item
/// whose q-value is malformed or above 1, and a tag whose primary subtag is not 2–8 ASCII
/// letters (private-use `x-…` and grandfathered `i-…` tags, digits, empty items).
public enum AcceptLanguage {
    public static func preferred(_ header: String?) -> String? {
        guard let header else { return nil }
        var best: (language: Substring, q: Int)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let rawTag = parts.first else { continue }
            let tag = rawTag.trimmingWhitespace()
            guard tag != "*", let primary = primarySubtag(tag) else { continue }
            var q = 1000
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingWhitespace()
                guard pair.count >= 2, pair.first == "q" || pair.first == "Q" else { continue }
                let afterName = pair.dropFirst().trimmingWhitespace()
                guard afterName.first == "=" else { continue }
                q = qValue(afterName.dropFirst().trimmingWhitespace()) ?? -1
            }
            guard q > 0 else { continue }
            if best.map({ q > $0.q }) ?? true { best = (primary, q) }
        }
        return best.map { SlugPath.asciiLowercased(String($0.language)) }
    }

    /// 2–8 ASCII letters before the first `-` or `_`.
    static func primarySubtag(_ tag: Substring) -> Substring? {
        let end = tag.firstIndex { $0 == "-" || $0 == "_" } ?? tag.endIndex
        let primary = tag[..<end]
        guard (2...8).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }

    /// `0`, `0.5`, `1.000` → thousandths; nil when malformed or above 1.
    static func qValue(_ text: Substring) -> Int? {
        let utf8 = Array(text.utf8)
        guard let first = utf8.first, first == 0x30 || first == 0x31 else { return nil }
        var value = Int(first - 0x30) * 1000
        if utf8.count > 1 {
            guard utf8[1] == 0x2E, utf8.count <= 5 else { return nil }
            var scale = 100
            for byte in utf8.dropFirst(2) {
                guard (0x30...0x39).contains(byte) else { return nil }
                value += Int(byte - 0x30) * scale
                scale /= 10
            }
        }
        return value <= 1000 ? value : nil
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

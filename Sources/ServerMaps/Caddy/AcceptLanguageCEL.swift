/// A CEL expression (Caddy's `expression` matcher) that is true when the scan's preferred
/// language is one of a list, with exactly the router's rules (`AcceptLanguage.preferred`): the
/// tag with the highest q-value wins, the first of equals; `*`, q=0, malformed q-values and tags
/// whose primary subtag is not 2–8 ASCII letters are skipped; only the primary subtag counts.
///
/// CEL has no variables, so every item's q-value is worked out where it is used: an item `x`
/// wins when its q-value is positive and no item has a higher one, or an equal one earlier in
/// the header (an item's position is where `,item,` first occurs in `,header,`; identical items
/// have identical languages, so the first occurrence is as good as the item's own).
enum AcceptLanguageCEL {
    static let header = "{http.request.header.Accept-Language}"

    /// Nil when no language in the list can ever be a primary subtag (the route never matches).
    static func prefers(_ languages: [String]) -> String? {
        let usable = Self.languages(languages)
        guard !usable.isEmpty else { return nil }
        let names = usable.map { RequestPattern.caseless($0, .re2) }.joined(separator: "|")
        let items = "\(header).split(',')"
        return "\(items).exists(x, \(quality("x")) > 0.0 && \(tag("x")).matches(r'^(?:\(names))(?:[-_]|$)') && "
            + "\(items).all(y, \(quality("y")) < \(quality("x")) || (\(quality("y")) == \(quality("x")) && \(position("y")) >= \(position("x")))))"
    }

    /// The languages of a list that can be a primary subtag (2–8 ASCII letters), lower-cased,
    /// each once, in their order.
    static func languages(_ languages: [String]) -> [String] {
        var seen = Set<String>()
        return languages.compactMap { language in
            guard (2...8).contains(language.utf8.count), language.utf8.allSatisfy(RequestPattern.isLetter) else { return nil }
            let lower = String(decoding: language.utf8.map { $0 | 0x20 }, as: UTF8.self)
            return seen.insert(lower).inserted ? lower : nil
        }
    }

    /// The item's `;`-separated parts without empty ones (as Swift's `split` drops them).
    static func parts(_ item: String) -> String {
        "\(item).split(';').filter(p\(item), p\(item) != '')"
    }

    static func tag(_ item: String) -> String {
        "\(parts(item))[0].trim()"
    }

    /// The item's q-value, or -1 when the item is skipped (no valid tag, malformed q).
    static func quality(_ item: String) -> String {
        let qParameters = "\(parts(item)).filter(q\(item), q\(item).trim().matches(r'^[qQ][ \\t]*='))"
        let last = "\(qParameters)[size(\(qParameters)) - 1]"
        let text = "\(last).substring(\(last).indexOf('=') + 1).trim()"
        let valid = "size(\(parts(item))) > 0 && \(tag(item)).matches(r'^[A-Za-z]{2,8}(?:[-_]|$)')"
        return "(!(\(valid)) ? -1.0 : (size(\(qParameters)) == 0 ? 1.0 : "
            + "(\(text).matches(r'^(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)$') ? double(\(text)) : -1.0)))"
    }

    static func position(_ item: String) -> String {
        "(',' + \(header) + ',').indexOf(',' + \(item) + ',')"
    }
}

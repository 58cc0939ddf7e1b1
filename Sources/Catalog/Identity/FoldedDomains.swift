/// `String.lowercased()` for the catalog-wide checks, which fold a domain and a slug for every
/// code: text that has no upper-case letter and is plain ASCII is returned as it is (it is
/// its own lower-case form), and the last domain folded is remembered (codes share a domain).
struct FoldedDomains {
    private var last: (domain: String, folded: String)?

    mutating func lowercased(_ domain: String) -> String {
        if let last, last.domain == domain { return last.folded }
        let folded = Self.lowercased(domain)
        last = (domain, folded)
        return folded
    }

    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) { return text }
        return text.lowercased()
    }
}

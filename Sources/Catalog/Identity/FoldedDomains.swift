/// `String.lowercased()` for the catalog-wide checks, which fold a domain and a slug for every
/// code: text that has no upper-case letter and is plain ASCII is returned as it is (it is
/// its own lower-case form), and the last domain folded is remembered (codes share a domain).
struct FoldedDomains {
    private var last: (domain: String, folded: String, index: Int)?
    private var indices: [String: Int] = [:]

    mutating func lowercased(_ domain: String) -> String {
        remember(domain).folded
    }

    /// A number per folded domain: equal for domains equal once folded.
    mutating func index(of domain: String) -> Int {
        remember(domain).index
    }

    private mutating func remember(_ domain: String) -> (domain: String, folded: String, index: Int) {
        if let last, last.domain == domain { return last }
        let folded = Self.lowercased(domain)
        let index = indices[folded] ?? indices.count
        indices[folded] = index
        let remembered = (domain, folded, index)
        last = remembered
        return remembered
    }

    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) { return text }
        return text.lowercased()
    }
}

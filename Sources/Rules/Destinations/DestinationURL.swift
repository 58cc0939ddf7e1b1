import Catalog

/// A destination split into its RFC 3986 parts as slices of the written text (no copies), by
/// the decoder's own splitter (`WebURL.Layout`): the rules see exactly the parts the decoder
/// validated. Destinations reach the rules only once the decoder has accepted them.
struct DestinationURL: Sendable {
    let text: String
    private let layout: WebURL.Layout

    init(_ text: String) {
        self.text = text
        layout = WebURL.layout(of: text)
    }

    /// As written (not lower-cased); nil for a relative reference.
    var scheme: Substring? { slice(layout.scheme) }
    /// Everything between `//` and the path, when the URL has an authority.
    var authority: Substring? { slice(layout.authority) }
    var userinfo: Substring? { slice(layout.userinfo) }
    /// As written, without the port; IPv6 literals keep their brackets.
    var host: Substring? { slice(layout.host) }
    var port: Substring? { slice(layout.port) }

    /// Everything after the authority: path, query and fragment, as written.
    var afterAuthority: Substring { text[index(layout.afterAuthority)...] }

    var path: Substring { slice(layout.path) ?? "" }
    var query: Substring? { slice(layout.query) }
    var fragment: Substring? { slice(layout.fragment) }

    /// `http` or `https`, in any case.
    var isWeb: Bool { layout.web != nil }
    /// `http` in any case (not `https`).
    var isHTTP: Bool { layout.web == .http }

    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// The text between two byte offsets (always at ASCII delimiters, so on scalar boundaries).
    private func slice(_ range: Range<Int>?) -> Substring? {
        guard let range else { return nil }
        let start = index(range.lowerBound)
        return text[start ..< text.utf8.index(start, offsetBy: range.count)]
    }
}

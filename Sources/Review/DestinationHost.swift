/// The host of a destination URL, lower-cased, for "did the destination domain change": the
/// text between `://` and the first `/`, `?` or `#`, without user information or port. Nil
/// when the text has no `://` (lint reports such destinations).
enum DestinationHost {
    static func host(of url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            if let close = authority.firstIndex(of: "]") { return String(authority[...close]).lowercased() }
        } else if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        return authority.isEmpty ? nil : authority.lowercased()
    }

    /// Every host a code can send a scan to.
    static func hosts(of destinations: [String]) -> Set<String> {
        Set(destinations.compactMap(host(of:)))
    }
}

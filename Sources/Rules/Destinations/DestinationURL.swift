/// A destination split into its RFC 3986 parts as slices of the written text (no copies),
/// exactly as `WebURL.parse` splits it (the decoder has already accepted the text). Every rule
/// splits every destination, so only the front (scheme and authority) is scanned up front;
/// path, query and fragment are found when asked for.
struct DestinationURL: Sendable {
    let text: String
    private let front: Front

    init(_ text: String) {
        self.text = text
        front = text.utf8.withContiguousStorageIfAvailable { Front($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Front($0) }
    }

    /// As written (not lower-cased); nil for a relative reference.
    var scheme: Substring? { slice(front.scheme) }
    /// Everything between `//` and the path, when the URL has an authority.
    var authority: Substring? { slice(front.authority) }
    var userinfo: Substring? { slice(front.userinfo) }
    /// As written, without the port; IPv6 literals keep their brackets.
    var host: Substring? { slice(front.host) }
    var port: Substring? { slice(front.port) }

    /// Everything after the authority: path, query and fragment, as written.
    var afterAuthority: Substring { text[index(front.rest)...] }

    var path: Substring { slice(rest.path) ?? "" }
    var query: Substring? { slice(rest.query) }
    var fragment: Substring? { slice(rest.fragment) }

    /// Byte offsets of path, query and fragment (scanned on demand).
    private var rest: (path: Range<Int>, query: Range<Int>?, fragment: Range<Int>?) {
        let start = front.rest
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (path: Range<Int>, query: Range<Int>?, fragment: Range<Int>?) {
            var question: Int?
            var index = start
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    let pathEnd = question ?? index
                    return (start ..< pathEnd, question.map { $0 + 1 ..< index }, index + 1 ..< bytes.count)
                }
                if bytes[index] == UInt8(ascii: "?"), question == nil { question = index }
                index += 1
            }
            return (start ..< (question ?? bytes.count), question.map { $0 + 1 ..< bytes.count }, nil)
        }
        return text.utf8.withContiguousStorageIfAvailable(split) ?? Array(text.utf8).withUnsafeBufferPointer(split)
    }

    /// `http` or `https`, in any case.
    var isWeb: Bool { front.web != nil }
    /// `http` in any case (not `https`).
    var isHTTP: Bool { front.web == .http }

    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// The text between two byte offsets (always at ASCII delimiters, so on scalar boundaries).
    private func slice(_ range: Range<Int>?) -> Substring? {
        guard let range else { return nil }
        let start = index(range.lowerBound)
        return text[start ..< text.utf8.index(start, offsetBy: range.count)]
    }

    /// Byte offsets of the scheme and the authority's parts, and where the rest starts.
    private struct Front: Sendable {
        var scheme: Range<Int>?
        var authority: Range<Int>?
        var userinfo: Range<Int>?
        var host: Range<Int>?
        var port: Range<Int>?
        var rest = 0
        var web: WebScheme?

        enum WebScheme: Sendable { case http, https }

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count, !Self.endsScheme(bytes[index]) { index += 1 }
            var start = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                scheme = 0 ..< index
                start = index + 1
                web = Self.webScheme(bytes, length: index)
            }
            guard bytes.count - start >= 2, bytes[start] == UInt8(ascii: "/"), bytes[start + 1] == UInt8(ascii: "/") else {
                rest = start
                return
            }
            start += 2
            var end = start
            var lastAt: Int?
            var lastColon: Int?
            var close: Int?
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
                if byte == UInt8(ascii: "@") { lastAt = end }
                if byte == UInt8(ascii: ":") { lastColon = end }
                if byte == UInt8(ascii: "]"), close == nil { close = end }
                end += 1
            }
            authority = start ..< end
            rest = end
            var hostStart = start
            if let lastAt {
                userinfo = start ..< lastAt
                hostStart = lastAt + 1
                if let colon = lastColon, colon < hostStart { lastColon = nil }
                if let bracket = close, bracket < hostStart { close = nil }
            }
            if hostStart < end, bytes[hostStart] == UInt8(ascii: "["), let close {
                host = hostStart ..< close + 1
                if close + 1 < end { port = close + 2 ..< end }
            } else if let lastColon {
                host = hostStart ..< lastColon
                port = lastColon + 1 ..< end
            } else {
                host = hostStart ..< end
            }
        }

        private static func webScheme(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> WebScheme? {
            guard length == 4 || length == 5 else { return nil }
            guard bytes[0] | 0x20 == UInt8(ascii: "h"), bytes[1] | 0x20 == UInt8(ascii: "t"),
                  bytes[2] | 0x20 == UInt8(ascii: "t"), bytes[3] | 0x20 == UInt8(ascii: "p") else { return nil }
            if length == 4 { return .http }
            return bytes[4] | 0x20 == UInt8(ascii: "s") ? .https : nil
        }

        private static func endsScheme(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
        }
    }
}

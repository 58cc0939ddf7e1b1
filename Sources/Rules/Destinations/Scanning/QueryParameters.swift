/// The `name=value` pairs of a query (or of a fragment written like one), as slices, without
/// allocating: rules walk every destination's query.
struct QueryParameters: Sequence {
    let text: Substring

    struct Iterator: IteratorProtocol {
        var rest: Substring
        var done = false

        mutating func next() -> (name: Substring, value: Substring)? {
            while !done {
                let end = rest.utf8.firstIndex(of: UInt8(ascii: "&")) ?? rest.endIndex
                let pair = rest[..<end]
                if end == rest.endIndex { done = true } else { rest = rest[rest.index(after: end)...] }
                guard !pair.isEmpty else { continue }
                guard let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) else { return (pair, pair[pair.endIndex...]) }
                return (pair[..<equals], pair[pair.index(after: equals)...])
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(rest: text) }
}

extension Substring {
    /// A parameter name for comparisons: ASCII lower-case, without `-`, `_` and `.`.
    var normalisedParameterName: String {
        String(decoding: utf8.compactMap { byte -> UInt8? in
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") { return nil }
            return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        }, as: UTF8.self)
    }

    /// True for `utm_...` parameters (any case): campaign labels, never personal data.
    var isUTMParameterName: Bool {
        var bytes = utf8.makeIterator()
        guard let u = bytes.next(), let t = bytes.next(), let m = bytes.next() else { return false }
        return u | 0x20 == UInt8(ascii: "u") && t | 0x20 == UInt8(ascii: "t") && m | 0x20 == UInt8(ascii: "m")
    }
}

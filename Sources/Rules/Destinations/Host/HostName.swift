/// A destination host in the two forms the rules compare: the ASCII form (lower-case, IDN
/// labels as `xn--` Punycode, the form DNS and the allow-list use) and the Unicode form (what a
/// person sees, `xn--` labels decoded). One trailing dot is dropped (`www.acme.example.` is the
/// same host). IDNA-style, without the full UTS #46 mapping tables: ASCII is lower-cased,
/// other letters are lower-cased with Unicode's simple rules; no NFC (see the rule docs).
/// Both forms are slices of the written host when nothing needs changing (no copies).
struct HostName: Sendable {
    let ascii: Substring
    let unicode: Substring
    /// Set when an `xn--` label is not valid Punycode or decodes to plain ASCII.
    let invalidLabel: String?
    /// The Unicode form is plain ASCII (no IDN label): no script checks needed.
    let unicodeIsASCII: Bool

    init?(_ written: Substring) {
        var host = written
        if host.utf8.last == UInt8(ascii: "."), host.utf8.count > 1 { host = host.dropLast() }
        guard !host.isEmpty else { return nil }
        let shape = host.utf8.withContiguousStorageIfAvailable(Shape.init) ?? Array(host.utf8).withUnsafeBufferPointer(Shape.init)
        if shape.isASCII {
            let lower = shape.hasUpper ? Self.asciiLowercased(host)[...] : host
            ascii = lower
            if shape.hasPunycodeLabel {
                var invalid: String?
                unicode = Self.decodedLabels(lower, invalid: &invalid)[...]
                invalidLabel = invalid
                unicodeIsASCII = false
            } else {
                unicode = lower
                invalidLabel = nil
                unicodeIsASCII = true
            }
            return
        }
        let lower = host.lowercased()
        var labels: [String] = []
        for label in lower.split(separator: ".", omittingEmptySubsequences: false) {
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                labels.append(String(label))
            } else {
                guard let encoded = Punycode.encode(Array(label.unicodeScalars)) else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        ascii = labels.joined(separator: ".")[...]
        var invalid: String?
        unicode = Self.decodedLabels(lower[...], invalid: &invalid)[...]
        invalidLabel = invalid
        unicodeIsASCII = false
    }

    /// What one pass over the written host finds.
    private struct Shape {
        var isASCII = true
        var hasUpper = false
        /// A label starts with `xn--` (in any case).
        var hasPunycodeLabel = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var position = 0
            var matching = true
            for byte in bytes {
                if byte >= 0x80 { isASCII = false }
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { hasUpper = true }
                if byte == UInt8(ascii: ".") {
                    position = 0
                    matching = true
                } else if matching, position < 4 {
                    let lower = byte | 0x20
                    matching = position == 0 ? lower == UInt8(ascii: "x") : position == 1 ? lower == UInt8(ascii: "n") : byte == UInt8(ascii: "-")
                    position += 1
                    if matching, position == 4 { hasPunycodeLabel = true }
                }
            }
        }
    }

    /// The host's labels in Unicode form.
    var unicodeLabels: [Substring] { unicode.split(separator: ".", omittingEmptySubsequences: false) }

    /// True when the host is `domain` or one of its subdomains (both in ASCII form).
    func isWithin(_ domain: String) -> Bool {
        Self.isWithin(ascii, domain)
    }

    static func isWithin(_ host: Substring, _ domain: String) -> Bool {
        let hostBytes = host.utf8
        let domainBytes = domain.utf8
        if hostBytes.count == domainBytes.count { return hostBytes.elementsEqual(domainBytes) }
        guard hostBytes.count > domainBytes.count else { return false }
        let start = hostBytes.index(hostBytes.endIndex, offsetBy: -domainBytes.count)
        return hostBytes[hostBytes.index(before: start)] == UInt8(ascii: ".") && hostBytes[start...].elementsEqual(domainBytes)
    }

    private static func asciiLowercased(_ text: Substring) -> String {
        String(decoding: text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Decodes every `xn--` label; remembers the first one that is not valid.
    private static func decodedLabels(_ host: Substring, invalid: inout String?) -> String {
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            guard label.utf8.starts(with: "xn--".utf8) else {
                labels.append(String(label))
                continue
            }
            if let scalars = Punycode.decode(label.dropFirst(4)), scalars.contains(where: { !$0.isASCII }) {
                labels.append(String(String.UnicodeScalarView(scalars)))
            } else {
                if invalid == nil { invalid = String(label) }
                labels.append(String(label))
            }
        }
        return labels.joined(separator: ".")
    }
}

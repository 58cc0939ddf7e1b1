/// The URL printed in a code's symbol: `https://<domain>/<slug>`.
///
/// The domain is used as written (the encoder may upper-case it to shrink the symbol; host
/// names are case-insensitive). The slug keeps its case; any byte outside RFC 3986's
/// unreserved set (`A-Z a-z 0-9 - . _ ~`) is percent-encoded, so a slug can never add a
/// query, a fragment or another path segment to the printed URL.
enum ShortURL {
    static func make(domain: String, slug: String) -> String {
        "https://" + domain + "/" + percentEncoded(slug)
    }

    static func percentEncoded(_ text: String) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

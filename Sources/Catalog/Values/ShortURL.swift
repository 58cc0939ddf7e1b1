/// The URL printed in a code's symbol: `https://<domain>/<slug>`. `qrops build` encodes it,
/// and the print rules measure the symbol it makes.
///
/// The domain is used as written (the encoder may upper-case it to shrink the symbol; host
/// names are case-insensitive). The slug keeps its case; any byte outside RFC 3986's
/// unreserved set (`A-Z a-z 0-9 - . _ ~`) is percent-encoded, so a slug can never add a
/// query, a fragment or another path segment to the printed URL.
public enum ShortURL {
    public static func make(domain: String, slug: String) -> String {
        "https://" + domain + "/" + percentEncoded(slug)
    }

    public static func percentEncoded(_ text: String) -> String {
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

    /// The length in bytes of `make(domain:slug:)`, without making it.
    public static func byteCount(domain: String, slug: String) -> Int {
        var bytes = "https://".utf8.count + domain.utf8.count + 1
        for byte in slug.utf8 { bytes += isUnreserved(byte) ? 1 : 3 }
        return bytes
    }

    /// `A-Z a-z 0-9 - . _ ~` (RFC 3986, 2.3).
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

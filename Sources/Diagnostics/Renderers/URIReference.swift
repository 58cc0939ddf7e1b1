/// Relative paths as RFC 3986 URI references, for SARIF `artifactLocation.uri`.
enum URIReference {
    /// Percent-encodes the UTF-8 bytes of `path`, keeping only unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`) and the `/` separator: `codes/café 1.yaml` becomes
    /// `codes/caf%C3%A9%201.yaml`. A `:` is always encoded, so a first segment can never be
    /// read as a scheme.
    static func encodingPath(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            if isKept(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}

/// The BCH-protected format and version information words (ISO/IEC 18004, 7.9 and 7.10).
enum FormatInformation {
    /// The 15-bit format word for a level and mask: 5 data bits, 10 BCH(15,5) check bits
    /// (generator 0x537), XORed with 0x5412 so it is never all zero.
    static func formatWord(_ ecl: ErrorCorrection, mask: Int) -> Int {
        let data = ecl.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18-bit version word for versions 7–40: 6 data bits, 12 BCH(18,6) check bits
    /// (generator 0x1F25).
    static func versionWord(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }
}

/// The constants of the `.qrt` format, version 1 (docs/table-format.md is the specification;
/// the names here follow its tables).
enum QRTLayout {
    /// `\x89 Q R T \r \n \x1A \n`: a non-ASCII first byte so the file is never taken for text,
    /// and the CR LF / SUB / LF trio that catches line-ending conversions (as in PNG).
    static let magic: [UInt8] = [0x89, 0x51, 0x52, 0x54, 0x0D, 0x0A, 0x1A, 0x0A]
    static let version: UInt16 = 1

    static let headerSize = 32
    static let directoryEntrySize = 16
    /// Sections of version 1, in file order.
    static let sections: [Section] = [.domains, .codes, .index, .details, .strings]
    static let directorySize = sections.count * directoryEntrySize
    /// Where the first section starts (the header and the directory, rounded up to 8).
    static let firstSectionOffset = align(headerSize + directorySize)

    static let domainRecordSize = 20
    static let codeRecordSize = 24
    static let slotSize = 16
    /// No string (an absent optional string in a fixed-size record).
    static let none: UInt32 = 0xFFFF_FFFF
    /// The longest chain of prefixes a string may have (itself included).
    static let maxStringDepth = 16
    static let maxDomains = Int(UInt16.max)
    /// Instants are 0000-01-01T00:00:00Z through 9999-12-31T23:59:59Z: what RFC 3339 can
    /// write, and far from the overflow of date arithmetic near the ends of Int64.
    static let instants: ClosedRange<Int64> = -62_167_219_200...253_402_300_799
    /// A split's weights are each at least 1 and add up to at most 2³² − 1, so that the
    /// router's arm boundaries (`0xffffffff × cumulative / total`) stay within 64 bits.
    static let maxTotalWeight: UInt64 = 0xFFFF_FFFF

    enum Section: Int, CaseIterable, Sendable {
        case domains, codes, index, details, strings

        var tag: String {
            switch self {
            case .domains: "DOMS"
            case .codes: "CODE"
            case .index: "HASH"
            case .details: "DETL"
            case .strings: "STRS"
            }
        }

        var tagValue: UInt32 {
            var value: UInt32 = 0
            for (shift, byte) in tag.utf8.enumerated() { value |= UInt32(byte) << (8 * UInt32(shift)) }
            return value
        }
    }

    /// The slot count of the index for `codes` codes: the smallest power of two that is at
    /// least 8 and at least twice the code count (load factor at most 1/2).
    static func slotCount(codes: Int) -> Int {
        var slots = 8
        while slots < 2 * codes { slots *= 2 }
        return slots
    }

    static func align(_ offset: Int) -> Int { (offset + 7) & ~7 }

    // Code record flags.
    static let forwardQueryFlag: UInt8 = 1 << 0
    // Domain record flags.
    static let caseSensitiveFlag: UInt8 = 1 << 0
    // Detail block flags.
    static let launchFlag: UInt8 = 1 << 0
    static let retireFlag: UInt8 = 1 << 1
    static let utmFlag: UInt8 = 1 << 2
    static let routesFlag: UInt8 = 1 << 3
    // Route parts.
    static let devicesPart: UInt8 = 1 << 0
    static let languagesPart: UInt8 = 1 << 1
    static let countriesPart: UInt8 = 1 << 2
    static let queryPart: UInt8 = 1 << 3
    static let afterPart: UInt8 = 1 << 4
    static let beforePart: UInt8 = 1 << 5
    static let splitPart: UInt8 = 1 << 6
}

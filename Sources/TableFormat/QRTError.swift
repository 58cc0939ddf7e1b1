/// Why a `.qrt` table was rejected (or could not be written). The reader never traps on bad
/// bytes: every problem it finds is one of these, with a message that says where.
public enum QRTError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Shorter than the 32-byte header.
    case tooShort(actual: Int)
    case badMagic(found: [UInt8])
    case unsupportedVersion(Int)
    /// The file is shorter than the size its header records.
    case truncated(expected: Int, actual: Int)
    /// The file is longer than the size its header records.
    case trailingBytes(expected: Int, actual: Int)
    /// `section` is `header` or a section tag (`STRS`, ...).
    case checksumMismatch(section: String, stored: UInt32, computed: UInt32)
    /// A structural problem: a bad offset, count, reference, order, encoding...
    case malformed(String)
    /// The table cannot be written in this format (a limit of the format, or a value the
    /// router could not use, such as a split without arms).
    case unwritable(String)

    public var description: String {
        switch self {
        case .tooShort(let actual):
            "truncated: a table starts with a \(QRTLayout.headerSize)-byte header, file has \(actual) bytes"
        case .badMagic(let found):
            "bad magic: not a qrops redirect table (found \(Self.hex(found)), expected \(Self.hex(QRTLayout.magic)))"
        case .unsupportedVersion(let version):
            "unsupported version \(version) (this qrops reads \(QRTLayout.version))"
        case .truncated(let expected, let actual):
            "truncated: header says \(expected) bytes, file has \(actual)"
        case .trailingBytes(let expected, let actual):
            "trailing bytes: header says \(expected) bytes, file has \(actual)"
        case .checksumMismatch(let section, let stored, let computed):
            "checksum mismatch in \(section == "header" ? "the header" : "section \(section)") (stored \(Self.hex32(stored)), computed \(Self.hex32(computed)))"
        case .malformed(let message):
            message
        case .unwritable(let message):
            "cannot write the table: \(message)"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

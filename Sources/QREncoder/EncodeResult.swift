/// What `QREncoder` produced and how.
public struct EncodeResult: Sendable, Equatable {
    public let code: QRCode
    /// The payload actually encoded: the input, or its URL-compacted form.
    public let encodedText: String
    /// When URL compaction was applied, the version the uncompacted text would have needed
    /// (so `versionWithoutCompaction - code.version` versions were saved); nil otherwise.
    public let versionWithoutCompaction: Int?
    /// The modes of the segments in the data stream, in order (an ECI designator is `.eci`).
    public let segmentModes: [Segment.Mode]
}

/// Why encoding failed.
public enum EncodeError: Error, Sendable, Equatable {
    /// The payload (`bytes` long in UTF-8) does not fit `maxVersion` at level `ecl`.
    case dataTooLong(bytes: Int, maxVersion: Int, ecl: ErrorCorrection)
    /// An option or segment is out of range; the message says which.
    case invalidOption(String)
}

extension EncodeError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .dataTooLong(bytes, maxVersion, ecl):
            "data too long: \(bytes) bytes do not fit a version-\(maxVersion) QR code at error correction \(ecl.rawValue)"
        case let .invalidOption(message):
            "invalid option: \(message)"
        }
    }
}

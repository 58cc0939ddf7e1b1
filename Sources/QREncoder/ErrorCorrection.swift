/// The four error-correction levels of ISO/IEC 18004 (Table 13), weakest first.
public enum ErrorCorrection: String, Sendable, CaseIterable, Comparable {
    /// Recovers about 7% of codewords.
    case low = "L"
    /// Recovers about 15% of codewords.
    case medium = "M"
    /// Recovers about 25% of codewords.
    case quartile = "Q"
    /// Recovers about 30% of codewords.
    case high = "H"

    /// Position in `allCases`, weakest (0) to strongest (3); indexes the version tables.
    var ordinal: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two bits this level contributes to the format information (Table 12).
    var formatBits: Int {
        switch self {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
    }

    public static func < (lhs: ErrorCorrection, rhs: ErrorCorrection) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}

/// How `QREncoder` chooses the symbol.
public struct EncodeOptions: Sendable, Equatable {
    /// The minimum error-correction level (raised by `boostErrorCorrection`).
    public var ecl: ErrorCorrection
    /// The smallest version to use, 1…40.
    public var minVersion: Int
    /// The largest version to use, `minVersion`…40.
    public var maxVersion: Int
    /// Forces a data mask 0…7; nil picks the one with the lowest penalty score.
    public var mask: Int?
    /// Raise the error-correction level as long as the data still fits the same version.
    public var boostErrorCorrection: Bool
    /// When to put an Extended Channel Interpretation designator in front of the data.
    public var eci: ECIPolicy
    /// Whether a URL may be rewritten in upper case where case does not matter, so that
    /// alphanumeric mode shrinks the symbol.
    public var urlCompaction: URLCompaction

    public init(
        ecl: ErrorCorrection = .medium,
        minVersion: Int = 1,
        maxVersion: Int = 40,
        mask: Int? = nil,
        boostErrorCorrection: Bool = true,
        eci: ECIPolicy = .automatic,
        urlCompaction: URLCompaction = .automatic(caseInsensitivePath: false)
    ) {
        self.ecl = ecl
        self.minVersion = minVersion
        self.maxVersion = maxVersion
        self.mask = mask
        self.boostErrorCorrection = boostErrorCorrection
        self.eci = eci
        self.urlCompaction = urlCompaction
    }

    /// Throws `invalidOption` for out-of-range versions or mask.
    func validate() throws(EncodeError) {
        guard VersionTable.versions.contains(minVersion), VersionTable.versions.contains(maxVersion) else {
            throw .invalidOption("versions must be in 1...40, got \(minVersion)...\(maxVersion)")
        }
        guard minVersion <= maxVersion else {
            throw .invalidOption("minVersion \(minVersion) is greater than maxVersion \(maxVersion)")
        }
        if let mask, !(0..<MaskPattern.count).contains(mask) {
            throw .invalidOption("mask must be in 0...7, got \(mask)")
        }
        if case .always(let assignment) = eci, !(0...999_999).contains(assignment) {
            throw .invalidOption("ECI assignment must be in 0...999999, got \(assignment)")
        }
    }
}

/// When the encoder emits an ECI designator (ISO/IEC 18004, 7.4.2) before the data.
public enum ECIPolicy: Sendable, Equatable {
    /// ECI 26 (UTF-8) when byte-mode data holds non-ASCII UTF-8, none otherwise. Without it
    /// decoders guess the character set, and zbar among others guesses wrong.
    case automatic
    /// Never; byte-mode data is left to the decoder's default interpretation.
    case never
    /// Always this assignment number (26 = UTF-8, 3 = ISO-8859-1, 20 = Shift_JIS, …).
    case always(Int)

    /// ECI 26, UTF-8.
    public static let utf8 = ECIPolicy.always(26)
}

/// Case compaction of URLs (see `docs/encoder.md`).
public enum URLCompaction: Sendable, Equatable {
    /// Upper-case the host of an `http`/`https` URL (case-insensitive per RFC 3986), and the
    /// path too when `caseInsensitivePath` is true, when that gives a smaller version. The
    /// scheme is never upper-cased; URLs with a query, fragment, user info or percent-escape
    /// are left alone.
    case automatic(caseInsensitivePath: Bool)
    /// Encode the text exactly as given.
    case off
}

import Catalog
import Diagnostics
import QREncoder

/// A code's effective print settings, as the artwork would be made: each `artwork:` field from
/// the code (its folder and file defaults already merged in), else the artwork policy's
/// defaults, else the built-in default; and the policy's print thresholds.
///
/// Plain numbers only, resolved once per check: lint runs every print rule on every code, so
/// nothing here copies the code's artwork mapping or the policies (their strings and lists would
/// cost reference counting on every code). Where a value is written, for the finding, is looked
/// up only when a rule fails (`written(_:in:_:)`).
struct PrintSettings {
    // Built-in defaults (docs/artwork.md; listed in each rule's documentation).
    static let defaultErrorCorrection = ErrorCorrectionLevel.M
    static let defaultSize = (millimetres: 25.0, written: "25mm")
    static let defaultQuietZone = 4
    static let defaultForeground = Colour.rgb(red: 0, green: 0, blue: 0)
    static let defaultBackground = Colour.rgb(red: 255, green: 255, blue: 255)
    static let defaultMinModuleMillimetres = 0.33
    static let defaultMinContrast = 3.0
    static let defaultMinQuietZone = 4

    var errorCorrection: ErrorCorrectionLevel
    /// The artwork's outer width, quiet zone included.
    var sizeMillimetres: Double
    var quietZone: Int
    var foreground: Colour
    var background: Colour
    var minModuleMillimetres: Double
    var minContrast: Double
    var minQuietZone: Int

    /// Reads the code's artwork fields in place (`sharedArtwork`: no copy of the whole spec) and
    /// the policy's from the values prepared once per run. `borrowing`: an initializer would
    /// take its arguments owned, and so copy the whole context for every code.
    init(_ code: borrowing Code, _ context: borrowing RuleContext) {
        let policy = context.artwork
        let artwork = code.sharedArtwork
        errorCorrection = artwork?.spec.ec?.value ?? policy.errorCorrection ?? Self.defaultErrorCorrection
        sizeMillimetres = artwork?.spec.size?.value.millimetres ?? policy.sizeMillimetres ?? Self.defaultSize.millimetres
        quietZone = artwork?.spec.quietZone?.value ?? policy.quietZone ?? Self.defaultQuietZone
        foreground = artwork?.spec.foreground?.value ?? policy.foreground ?? Self.defaultForeground
        background = artwork?.spec.background?.value ?? policy.background ?? Self.defaultBackground
        minModuleMillimetres = policy.minModuleMillimetres ?? Self.defaultMinModuleMillimetres
        minContrast = policy.minContrast ?? Self.defaultMinContrast
        minQuietZone = policy.minQuietZone ?? Self.defaultMinQuietZone
    }

    /// Whether the print rules judge this code: not when it is retired or archived, whose
    /// artwork is history (drafts are checked: they are about to be printed).
    static func isJudged(_ code: Code) -> Bool {
        switch code.status.value {
        case .draft, .active, .paused: true
        case .retired, .archived: false
        }
    }

    /// The printed width of one module: `size` spans the symbol and both quiet zones.
    func moduleMillimetres(symbolModules: Int) -> Double {
        sizeMillimetres / Double(symbolModules + 2 * quietZone)
    }

    // MARK: The symbol

    /// The version and level of the code's symbol, encoded as `qrops build` encodes it (see
    /// `payload`): URL compaction on, the path upper-cased only on a domain whose slugs are
    /// case-insensitive. `level` replaces the configured `ec` (for "what if" hints). Nil without
    /// a domain or when the URL fits no symbol (other rules report both).
    func shape(of code: Code, _ policies: Policies, level: ErrorCorrectionLevel? = nil) -> SymbolShape? {
        guard let domain = policies.domain(of: code) else { return nil }
        let entry = policies.domains[domain] ?? policies.domains.first { $0.key.lowercased() == domain.lowercased() }?.value
        let caseInsensitivePath = !(entry?.caseSensitiveSlugs ?? false)
        let options = EncodeOptions(ecl: Self.encoderLevel(level ?? errorCorrection),
                                    urlCompaction: .automatic(caseInsensitivePath: caseInsensitivePath))
        return try? QREncoder.shape(text: Self.payload(domain: domain, slug: code.slug.value), options: options)
    }

    /// A version the code's symbol never exceeds, from the short URL's length alone (no
    /// segmentation: `QREncoder.versionBound`); nil without a domain or when the bound does not fit.
    func versionBound(of code: Code, _ context: RuleContext) -> Int? {
        // `Policies.domain(of:)`, spelled out so that the hot path does not copy the policies.
        guard let domain = code.domain?.value ?? context.policies.defaultDomain?.value else { return nil }
        let bytes = ShortURL.byteCount(domain: domain, slug: code.slug.value)
        return QREncoder.versionBound(byteCount: bytes, options: EncodeOptions(ecl: Self.encoderLevel(errorCorrection)))
    }

    /// Modules per side of a symbol of `version` (ISO/IEC 18004, 6.3.1).
    static func symbolModules(version: Int) -> Int { 4 * version + 17 }

    /// The printed payload, the code's short URL, exactly as `qrops build` encodes it.
    static func payload(domain: String, slug: String) -> String {
        ShortURL.make(domain: domain, slug: slug)
    }

    static func encoderLevel(_ level: ErrorCorrectionLevel) -> ErrorCorrection {
        switch level {
        case .L: .low
        case .M: .medium
        case .Q: .quartile
        case .H: .high
        }
    }

    // MARK: Where values are written (for findings)

    /// Where an artwork field is written: the code (or its defaults), else the policy defaults;
    /// nil when the built-in default applies.
    static func written<Value>(_ field: KeyPath<ArtworkSpec, Located<Value>?>, in code: Code,
                               _ policies: Policies) -> Located<Value>? {
        code.sharedArtwork?.spec[keyPath: field] ?? policies.artwork.defaults?[keyPath: field]
    }

    /// Where a finding about `field` lands: its key where it is written, else the code itself.
    static func location<Value>(of field: Located<Value>?, in code: Code) -> SourceLocation {
        field?.keyLocation ?? field?.location ?? code.location
    }

    /// The written form of `size` (`12mm`), or the built-in default's.
    static func writtenSize(of code: Code, _ policies: Policies) -> String {
        written(\.size, in: code, policies)?.value.written ?? defaultSize.written
    }

    /// Where a finding about the pair of colours lands, and that field's key: the colour the
    /// code's own file writes (foreground first), else the foreground wherever it is written,
    /// else the background; the code itself when both are built-in defaults.
    static func colourField(of code: Code, _ policies: Policies) -> (location: SourceLocation, key: String) {
        let candidates = [(written(\.foreground, in: code, policies), "foreground"),
                          (written(\.background, in: code, policies), "background")]
            .compactMap { field, key in field.map { (field: $0, key: key) } }
        let own = candidates.first { $0.field.location.file == code.location.file }
        guard let chosen = own ?? candidates.first else { return (code.location, "") }
        return (location(of: chosen.field, in: code), chosen.key)
    }
}

import Catalog
import Diagnostics
import QREncoder

/// `logo-too-large`: a logo over the symbol must leave each Reed–Solomon block enough of its
/// correction for real damage, and keep clear of the finder patterns.
public struct LogoTooLargeRule: Rule {
    public static let description = RuleDescription(
        id: "logo-too-large",
        name: "Logo small enough to correct",
        severity: .error,
        summary: "A logo (`artwork.logo`) may cost each error-correction block at most 60% of the errors it corrects, and must not cover a finder pattern.",
        rationale: """
            A logo over the middle of a QR symbol hides modules, and the symbol still scans only because \
            Reed–Solomon error correction rebuilds the hidden codewords. Correction works per block: a block \
            with e error-correction codewords corrects (e − p) / 2 wrong codewords (p, the misdecode protection, \
            is 1 to 3 in a few version 1 to 3 symbols and 0 in all others), and the scanner cannot tell logo from dirt, so every \
            codeword with a covered module counts as an error. The rule maps the covered modules (a centred \
            rectangle of `logo.width` × `logo.height` of the symbol, quiet zone excluded; a missing dimension \
            equals the other) to their codewords through the standard's placement and interleaving, and allows \
            each block at most 60% of its correction (rounded down), keeping the rest for what print and use \
            do to every code: scuffs, glare, curvature, ink spread. Counting is deliberately pessimistic (a \
            partly covered module is covered; a covered codeword is wrong even where the logo happens to match \
            its colours), so 60% leaves a real margin: in versions 2 to 7, a centred square logo of about 20% \
            to 30% of the width passes at level H, of about 12% to 20% at level M. It also requires the three finder patterns and \
            their separators to stay uncovered: without them the symbol is not found at all. A smaller logo or \
            a higher `ec` level fixes it. \
            Retired and archived codes are not checked: their artwork is history.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: M
                  logo: {↓width: 30%, height: 30%}
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: H
                  logo:
                    ↓width: 0.9
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: H
                  logo: {width: 20%, height: 20%}
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: H
                """),
        ]
    )

    /// The share of each block's correction capacity a logo may use.
    static let budgetShare = 0.6

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard code.sharedArtwork?.spec.logoWidth != nil || code.sharedArtwork?.spec.logoHeight != nil || context.artwork.hasLogo,
              PrintSettings.isJudged(code) else { return }
        let policies = context.policies
        let width = PrintSettings.written(\.logoWidth, in: code, policies)
        let height = PrintSettings.written(\.logoHeight, in: code, policies)
        let settings = PrintSettings(code, context)
        guard let field = width ?? height, let shape = settings.shape(of: code, policies) else { return }
        let logo = (width: width?.value ?? field.value, height: height?.value ?? field.value)
        let coverage = LogoCoverage(width: logo.width, height: logo.height, symbolSize: shape.size)
        guard !coverage.isEmpty else { return }
        let location = PrintSettings.location(of: field, in: code), length = width == nil ? "height".count : "width".count
        if coverage.touchesFinderPatterns {
            findings.append(finding(
                "the logo (\(percent(logo.width)) × \(percent(logo.height)) of the symbol) covers finder patterns, "
                    + "which scanners need to find the symbol at all",
                at: location, length: length,
                hint: "keep the logo within the middle "
                    + "\(PrintText.decimal(Double(100 * (shape.size - 16)) / Double(shape.size), places: 0))% of the symbol"))
            return
        }
        let map = shape.codewordMap()
        let allowed = Self.allowedErrors(map)
        let covered = coverage.coveredCodewordsPerBlock(map)
        guard let worst = covered.indices.max(by: { covered[$0] < covered[$1] }), covered[worst] > allowed else { return }
        findings.append(finding(
            "the logo (\(percent(logo.width)) × \(percent(logo.height)) of the symbol) covers \(covered[worst]) codewords "
                + "of block \(worst + 1) of \(map.blockCount) in this version \(shape.version)-\(shape.errorCorrection.rawValue) symbol; "
                + "a block corrects \(map.correctableErrorsPerBlock) errors, and a logo may use at most \(allowed)",
            at: location, length: length,
            hint: hint(code, policies, settings, logo: logo, shape: shape)))
    }

    /// The errors a logo may cause in each block of `map`'s symbols.
    static func allowedErrors(_ map: CodewordMap) -> Int {
        Int((Double(map.correctableErrorsPerBlock) * budgetShare).rounded(.down))
    }

    /// Whether a logo of this size passes on a symbol whose codewords lie as in `map`.
    static func fits(width: Double, height: Double, map: CodewordMap) -> Bool {
        let coverage = LogoCoverage(width: width, height: height, symbolSize: map.size)
        guard !coverage.touchesFinderPatterns else { return false }
        let allowed = allowedErrors(map)
        return coverage.coveredCodewordsPerBlock(map).allSatisfy { $0 <= allowed }
    }

    private func hint(_ code: Code, _ policies: Policies, _ settings: PrintSettings,
                      logo: (width: Double, height: Double), shape: SymbolShape) -> String {
        var options: [String] = []
        // The largest logo of the same proportions that fits, in whole percent of the width.
        let map = shape.codewordMap()
        let aspect = logo.height / max(logo.width, 1e-9)
        var percent = Int((logo.width * 100).rounded(.down))
        while percent > 0, !Self.fits(width: Double(percent) / 100, height: Double(percent) / 100 * aspect, map: map) {
            percent -= 1
        }
        if percent > 0 { options.append("shrink the logo to \(percent)% wide") }
        if settings.errorCorrection != .H, let high = settings.shape(of: code, policies, level: .H),
           Self.fits(width: logo.width, height: logo.height, map: high.codewordMap()) {
            options.append("raise `ec` to H")
        }
        return options.isEmpty ? "remove the logo" : options.joined(separator: ", or ")
    }

    private func percent(_ fraction: Double) -> String {
        PrintText.plain(fraction * 100) + "%"
    }
}

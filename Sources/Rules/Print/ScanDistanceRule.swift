import Catalog
import Diagnostics

/// `scan-distance`: a code with a `scan-distance` must be printed at least a tenth of that
/// distance wide (the symbol itself, without its quiet zone).
public struct ScanDistanceRule: Rule {
    public static let description = RuleDescription(
        id: "scan-distance",
        name: "Large enough for its scan distance",
        severity: .error,
        summary: "When a code gives `scan-distance`, its symbol (the artwork's `size` less the quiet zone) must be at least a tenth of that distance wide.",
        rationale: """
            A phone camera resolves a QR symbol reliably up to about ten times the symbol's width away: the \
            10:1 rule of thumb of print guides. A poster scanned from across a platform, a shelf strip read from \
            the aisle, a cooler door seen from the queue all need larger artwork than the 25 mm a package gets. \
            The symbol is what counts, not the artwork: `size` includes the quiet zone, so the symbol is `size` \
            × modules / (modules + 2 × `quiet-zone`), and the module count depends on the short URL and its \
            `ec` level. The hint gives the smallest `size` that passes. \
            Retired and archived codes are not checked: their artwork is history.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                ↓scan-distance: 2m
                artwork:
                  size: 120mm
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                scan-distance: 1m
                artwork:
                  size: 140mm
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  size: 20mm
                """),
        ]
    )

    /// Distance / symbol width: the 10:1 rule.
    static let ratio = 10.0

    /// The fewest modules a symbol has (version 1).
    private static let smallestSymbol = 21

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard let distance = code.scanDistance, PrintSettings.isJudged(code) else { return }
        let settings = PrintSettings(code, context)
        let required = distance.value.millimetres / Self.ratio
        let size = settings.sizeMillimetres, quietZone = settings.quietZone
        // The symbol's share of `size` grows with its module count: if even version 1 passes,
        // every version does, and the URL need not be encoded.
        let smallestShare = Double(Self.smallestSymbol) / Double(Self.smallestSymbol + 2 * quietZone)
        guard size * smallestShare < required - 1e-9, let shape = settings.shape(of: code, context.policies) else { return }
        let across = shape.size + 2 * quietZone
        let symbol = size * Double(shape.size) / Double(across)
        guard symbol < required - 1e-9 else { return }
        let written = PrintSettings.writtenSize(of: code, context.policies)
        findings.append(finding(
            "scanned from `\(distance.value)`, the symbol must be at least \(PrintText.millimetres(required)) wide (10:1), "
                + "but it is \(PrintText.millimetres(symbol)): `size: \(written)` less the quiet zone "
                + "(version \(shape.version), \(shape.size) of \(across) modules)",
            at: distance.keyLocation ?? distance.location, length: "scan-distance".count,
            hint: "make `size` at least \(PrintText.sizeToWrite(atLeast: required * Double(across) / Double(shape.size))) "
                + "(quiet zone included), or place the code closer to where people scan it"))
    }
}

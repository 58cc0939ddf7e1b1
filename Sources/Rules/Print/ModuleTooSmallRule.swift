import Catalog
import Diagnostics
import QREncoder

/// `module-too-small`: one module of the printed symbol must measure at least the policy's
/// `min-module` (default 0.33 mm).
public struct ModuleTooSmallRule: Rule {
    public static let description = RuleDescription(
        id: "module-too-small",
        name: "Modules large enough to print",
        severity: .error,
        summary: "One printed module, `size` / (symbol modules + 2 × `quiet-zone`), must be at least the artwork policy's `min-module` (default 0.33 mm).",
        rationale: """
            The number of modules across a symbol depends on what it encodes: the code's short URL, \
            `https://<domain>/<slug>`, at its `ec` level, encoded as `qrops build` encodes it (the host, and \
            on a case-insensitive domain the slug too, in upper case when that gives a smaller version). \
            `size` is the artwork's outer width, quiet zone included, so a longer slug, a longer domain or a \
            higher `ec` level shrinks every module of an artwork of the same size. Below about a third of a \
            millimetre ink spread, paper texture and phone autofocus blur modules into their neighbours and \
            scans fail; print partners usually state their own minimum, which goes in `min-module`. Without \
            `size`, `ec` or `quiet-zone` anywhere (the code, its defaults, the artwork policy) the artwork is \
            25 mm at level M with a 4-module quiet zone, as `qrops build` makes it. The \
            hint gives the smallest `size` that passes, and a lower `ec` level when one would pass at the \
            current size. \
            Retired and archived codes are not checked: their artwork is history.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: coffee-x1-setup
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: H
                  ↓size: 12mm
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: coffee-x1-setup
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ec: H
                  size: 20mm
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard PrintSettings.isJudged(code) else { return }
        let settings = PrintSettings(code, context)
        let minimum = settings.minModuleMillimetres
        // Most codes pass even at the largest version their URL's length allows: no need to
        // plan the segments then.
        if let bound = settings.versionBound(of: code, context),
           settings.moduleMillimetres(symbolModules: PrintSettings.symbolModules(version: bound)) >= minimum - 1e-9 {
            return
        }
        guard let shape = settings.shape(of: code, context.policies) else { return }
        let module = settings.moduleMillimetres(symbolModules: shape.size)
        guard module < minimum - 1e-9 else { return }
        let size = PrintSettings.written(\.size, in: code, context.policies)
        let across = shape.size + 2 * settings.quietZone
        let written = PrintSettings.writtenSize(of: code, context.policies)
        findings.append(finding(
            "modules of \(PrintText.millimetres(module)) at `size: \(written)`: the short URL needs version "
                + "\(shape.version)-\(shape.errorCorrection.rawValue), \(shape.size) modules (\(across) with the quiet zone); "
                + "the minimum module is \(PrintText.millimetres(minimum))",
            at: PrintSettings.location(of: size, in: code), length: size == nil ? 1 : "size".count,
            hint: hint(code, context.policies, settings, minimum: minimum, across: across)))
    }

    private func hint(_ code: Code, _ policies: Policies, _ settings: PrintSettings, minimum: Double, across: Int) -> String {
        var hint = "make `size` at least \(PrintText.sizeToWrite(atLeast: minimum * Double(across)))"
        if let lower = lowerLevelThatFits(code, policies, settings, minimum: minimum) {
            hint += ", or lower `ec` to \(lower.level.rawValue) (version \(lower.shape.version), "
                + "\(PrintText.millimetres(settings.moduleMillimetres(symbolModules: lower.shape.size))) modules)"
        }
        return hint + ", or use a shorter slug"
    }

    /// The strongest level below the configured one whose symbol passes at the current size.
    private func lowerLevelThatFits(_ code: Code, _ policies: Policies, _ settings: PrintSettings, minimum: Double)
        -> (level: ErrorCorrectionLevel, shape: SymbolShape)? {
        let lower = ErrorCorrectionLevel.allCases.prefix { $0 != settings.errorCorrection }
        for level in lower.reversed() {
            guard let shape = settings.shape(of: code, policies, level: level) else { continue }
            if settings.moduleMillimetres(symbolModules: shape.size) >= minimum - 1e-9 { return (level, shape) }
        }
        return nil
    }
}

import Catalog
import Diagnostics

/// `quiet-zone-too-small`: the light margin around the symbol must be at least the policy's
/// `min-quiet-zone` modules wide (4 by default, the standard's minimum).
public struct QuietZoneTooSmallRule: Rule {
    public static let description = RuleDescription(
        id: "quiet-zone-too-small",
        name: "Quiet zone wide enough",
        severity: .error,
        summary: "The artwork's `quiet-zone` must be at least the artwork policy's `min-quiet-zone` modules (default 4).",
        rationale: """
            A scanner finds a QR symbol by its three finder patterns, and needs a light margin around them to \
            tell where the symbol starts. ISO/IEC 18004 requires a quiet zone of 4 modules on every side; with \
            less, a border, a line of text or a busy background next to the code is read as part of it and the \
            scan fails or takes long. `quiet-zone` is the margin drawn into the artwork (default 4); set \
            `min-quiet-zone` in the artwork policy to demand more, or less for codes whose layout guarantees \
            white space around them. \
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
                  ↓quiet-zone: 2
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
                  quiet-zone: 4
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
        let quietZone = settings.quietZone, minimum = settings.minQuietZone
        guard quietZone < minimum else { return }
        let written = PrintSettings.written(\.quietZone, in: code, context.policies)
        findings.append(finding(
            "a quiet zone of \(modules(quietZone)) is below the minimum of \(modules(minimum))",
            at: PrintSettings.location(of: written, in: code), length: written == nil ? 1 : "quiet-zone".count,
            hint: "set `quiet-zone: \(minimum)`: scanners need a light margin around the symbol to find it"))
    }

    private func modules(_ count: Int) -> String { count == 1 ? "1 module" : "\(count) modules" }
}

import Catalog
import Diagnostics

/// `contrast-too-low`: foreground and background must differ by at least the policy's
/// `min-contrast` (a WCAG contrast ratio, default 3).
public struct ContrastTooLowRule: Rule {
    public static let description = RuleDescription(
        id: "contrast-too-low",
        name: "Enough contrast",
        severity: .error,
        summary: "The contrast ratio of `foreground` and `background` must be at least the artwork policy's `min-contrast` (default 3).",
        rationale: """
            A phone camera separates dark modules from light ones by brightness alone. Brand colours that look \
            distinct to people (dark green on dark blue, mid grey on white) can be too close in brightness for \
            a camera in a dim shop or under glossy lamination. The ratio is WCAG 2.x's, (L1 + 0.05) / (L2 + 0.05) \
            of the two relative luminances, from 1 (identical) to 21 (black on white); CMYK inks are converted \
            naively, so leave room for the press. The default minimum, 3, is WCAG's requirement for graphical \
            objects (success criterion 1.4.11); print guidance is stricter, and many policies ask for 4.5. \
            Which colour is darker does not matter here; light-on-dark is `inverted-colours`. A colour given \
            nowhere (the code, its defaults, the artwork policy) is the built-in black on white. \
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
                  ↓foreground: "#999999"
                  background: "#FFFFFF"
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  ↓background: "cmyk(0,0,0,70)"
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
                  foreground: "#1A237E"
                  background: "#F7F1E3"
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
        let foreground = settings.foreground, background = settings.background
        let ratio = ContrastRatio.between(foreground, background)
        let minimum = settings.minContrast
        guard ratio < minimum - 1e-9 else { return }
        let field = PrintSettings.colourField(of: code, context.policies)
        findings.append(finding(
            "the contrast of foreground `\(foreground)` and background `\(background)` is \(PrintText.ratio(ratio)), "
                + "below the minimum \(PrintText.plain(minimum)):1",
            at: field.location, length: field.key.isEmpty ? 1 : field.key.count,
            hint: "darken the foreground or lighten the background (black on white is 21:1)"))
    }
}

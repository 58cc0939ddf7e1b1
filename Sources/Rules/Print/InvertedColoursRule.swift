import Catalog
import Diagnostics

/// `inverted-colours`: the foreground (the dark modules) must not be lighter than the background.
public struct InvertedColoursRule: Rule {
    public static let description = RuleDescription(
        id: "inverted-colours",
        name: "Dark on light",
        severity: .warning,
        summary: "The `foreground` must not be lighter than the `background` (a light-on-dark, \"inverted\" code).",
        rationale: """
            Scanners look for dark modules on a light ground: the finder patterns' dark-light-dark-light-dark \
            runs inside a light quiet zone. ISO/IEC 18004 asks readers to cope with reflectance-reversed \
            symbols too, but many do not try the inverted image (older phone cameras, in-app and point-of-sale \
            readers), so a white-on-navy code that scans on one phone fails on the next. It is a warning, \
            not an error, because modern readers often cope; test it on the devices your audience uses, or \
            swap the colours. Contrast is checked separately (`contrast-too-low`). \
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
                  ↓foreground: "#FFFFFF"
                  background: "#1A237E"
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
                  background: "#FFFFFF"
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                artwork:
                  foreground: "cmyk(100,80,0,10)"
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard PrintSettings.isJudged(code) else { return }
        let settings = PrintSettings(code, context)
        let foreground = settings.foreground, background = settings.background
        guard ContrastRatio.luminance(foreground) > ContrastRatio.luminance(background) else { return }
        let field = PrintSettings.colourField(of: code, context.policies)
        findings.append(finding(
            "the foreground `\(foreground)` is lighter than the background `\(background)`: "
                + "light modules on a dark ground, which many scanners cannot read",
            at: field.location, length: field.key.isEmpty ? 1 : field.key.count,
            hint: "swap `foreground` and `background`, or test the inverted code on the phones and apps your audience uses"))
    }
}

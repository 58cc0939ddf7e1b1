import Diagnostics

/// One fixed set of findings and sources that exercises every corner of every renderer:
/// a frame at column 1 and a wide (and over-long) one, a tab before the caret, a non-ASCII
/// line, notes with and without locations (with and without source), a hint, a whole-file
/// finding, a suppressed one, a note-severity one, an unknown rule id, a missing source, and a
/// message full of characters that need escaping. The list is deliberately out of order.
enum SampleDiagnostics {
    static let filesChecked = 31
    static let toolVersion = "1.2.3-test"
    static let informationURI = "https://github.com/acme/qrops"

    static let coffeePath = "codes/retail/eu/coffee-x1.yaml"
    static let coffeeTwinPath = "codes/retail/eu/coffee-x2.yaml"
    static let japanPath = "codes/jp/café-日本.yaml"
    static let oddPath = "codes/odd,name:1.yaml"

    /// `a "quoted" %-sign, a comma, a colon: a backslash \ CR LF and BEL`.
    static let awkwardMessage = "target \"http://x/%7B\" is 100% unsafe, e.g. a:b\\c\r\nsecond line with BEL \u{07} here"

    static let coffeeLines = [
        "id: RET-EU-0001",
        "slug: cx1",
        "domain: qr.acme.example",
        "name:\tRetail EU Coffee X1",
        "owner-team: retail-eu",
        "status: active",
        "use: packaging",
        "compliance: general",
        "tags: [setup, evergreen]",
        "launch: 2026-03-01",
        "retire: 2027-03-01",
        "redirect: 302",
        "routes:",
        "  - when: {device: [ios]}",
        "    target: http://www.acme.example/x",
        "utm: {source: qr, medium: packaging, campaign: coffee-x1-autumn-relaunch-2026}",
        "ignore: [{rule: retire-soon, reason: print run PR-2026-114 ends first, until: 2027-01-01}]",
    ]

    static let sources: [String: SourceText] = [
        coffeePath: SourceText(path: coffeePath, text: coffeeLines.joined(separator: "\n") + "\n"),
        coffeeTwinPath: SourceText(path: coffeeTwinPath, text: "id: RET-EU-0002\nslug: CX1\n"),
        japanPath: SourceText(path: japanPath, text: "id: JP-0001\nname: Café 日本 launch!\n"),
        oddPath: SourceText(path: oddPath, text: "target: \"http://x/%7B\"\u{1B}[31m\r\nowner: ops\r\n"),
    ]

    static let diagnostics: [Diagnostic] = [
        Diagnostic(
            .warning, "naming-convention", "name must be lower_snake_case",
            at: location(japanPath, 2, 15), length: 7,
            hint: "use `cafe_nihon_launch`"
        ),
        Diagnostic(
            .error, "https-only", "destination must use https",
            at: location(coffeePath, 15, 13), length: 25,
            hint: "use https://www.acme.example/x"
        ),
        Diagnostic(
            .error, "missing-owner", "code has no owner",
            at: .file("codes/retail/eu/tea.yaml"),
            hint: "add `owner:` with a key from policies/owners.yaml"
        ),
        Diagnostic(
            .warning, "retire-soon", "code retires within 90 days",
            at: location(coffeePath, 11, 9), length: 10,
            suppression: Suppression(
                reason: "print run PR-2026-114 ends first", until: "2027-01-01",
                at: location(coffeePath, 17, 11)
            )
        ),
        Diagnostic(
            .error, "destination-unsafe", awkwardMessage,
            at: location(oddPath, 1, 9), length: 16,
            hint: "remove the control characters, then run: qrops lint, again"
        ),
        Diagnostic(
            .error, "slug-unique", "slug `cx1` is already used on qr.acme.example",
            at: location(coffeePath, 2, 7), length: 3,
            notes: [
                DiagnosticNote("first defined here", at: location(coffeeTwinPath, 2, 7)),
                DiagnosticNote("slugs are compared case-insensitively"),
            ]
        ),
        Diagnostic(
            .error, "unknown-key", "unknown key `owner-team`",
            at: location(coffeePath, 5, 1), length: 10,
            hint: "did you mean `owner`?"
        ),
        Diagnostic(
            .warning, "naming-convention", "name must be lower_snake_case",
            at: location(coffeePath, 4, 7), length: 19,
            hint: "use `retail_eu_coffee_x1`"
        ),
        Diagnostic(
            .note, "deprecated-tag", "tag `evergreen` is deprecated",
            at: location(coffeePath, 9, 15), length: 9,
            notes: [DiagnosticNote("see policies/labels.yaml")]
        ),
        Diagnostic(
            .warning, "utm-campaign", "utm campaign should match the code's campaign label",
            at: location(coffeePath, 16, 48), length: 200
        ),
        Diagnostic(
            .error, "yaml-syntax", "mapping values are not allowed in this context",
            at: location("codes/broken.yaml", 3, 8),
            notes: [DiagnosticNote("the mapping started here", at: location("codes/broken.yaml", 1, 1))]
        ),
    ]

    /// Every rule above except `yaml-syntax`, which SARIF must still report (without a
    /// `ruleIndex`). Given out of order; the SARIF renderer sorts them by id.
    static let rules: [RuleDescriptor] = [
        rule("unknown-key", "Unknown key", "Every key in a code file must be known.", .error),
        rule("https-only", "Destination must use HTTPS", "Targets must use https.", .error),
        rule("slug-unique", "Slug must be unique", "A slug is used once per short domain.", .error),
        rule("missing-owner", "Code must have an owner", "Every code names an owner.", .error),
        rule("naming-convention", "Name follows the convention", "Names are lower_snake_case.", .warning),
        rule("retire-soon", "Code retires soon", "Warns 90 days before retirement.", .warning),
        rule("destination-unsafe", "Destination is unsafe", "No control characters or `$ { }`.", .error),
        rule("deprecated-tag", "Deprecated tag", "Some tags are being phased out.", .note),
        rule("utm-campaign", "UTM campaign matches label", "Analytics campaigns match labels.", .warning),
    ]

    static func location(_ file: String, _ line: Int, _ column: Int) -> Diagnostics.SourceLocation {
        Diagnostics.SourceLocation(file: file, line: line, column: column)
    }

    private static func rule(_ id: String, _ name: String, _ summary: String, _ severity: Severity) -> RuleDescriptor {
        RuleDescriptor(
            id: id, name: name, summary: summary,
            rationale: "Why \(id) matters: \(summary) Printed codes live for years.",
            defaultSeverity: severity
        )
    }
}

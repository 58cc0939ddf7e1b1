import Catalog
import Diagnostics
import Testing

struct SchemaCase: Sendable, CustomStringConvertible {
    let name: String
    let extra: String
    let rule: String
    let line: Int
    let column: Int
    let hint: String?

    init(_ name: String, _ extra: String, _ rule: String, line: Int, column: Int, hint: String? = nil) {
        self.name = name
        self.extra = extra
        self.rule = rule
        self.line = line
        self.column = column
        self.hint = hint
    }

    var description: String { name }
}

@Suite("Code decoding: schema diagnostics at the exact key or value")
struct CodeDecoderTests {
    // `minimalCode` has 5 lines; extra keys start on line 6.
    static let cases: [SchemaCase] = [
        SchemaCase("unknown key with did-you-mean", "fallbak: https://www.acme.example/f\n", SchemaRule.unknownKey, line: 6, column: 1,
                   hint: "did you mean `fallback`?"),
        SchemaCase("wrong type: yes is not a boolean", "forward-query: yes\n", SchemaRule.wrongType, line: 6, column: 16,
                   hint: "qrops reads YAML by its schema: only `true` and `false` are booleans"),
        SchemaCase("wrong type: quoted boolean", "forward-query: \"true\"\n", SchemaRule.wrongType, line: 6, column: 16, hint: "remove the quotes"),
        SchemaCase("wrong type: list for a string", "name: [a, b]\n", SchemaRule.wrongType, line: 6, column: 7),
        SchemaCase("wrong type: labels as a list", "labels:\n  - region\n", SchemaRule.wrongType, line: 7, column: 3,
                   hint: "remove the `- ` in front of the keys"),
        SchemaCase("bad redirect status", "redirect: 303\n", SchemaRule.invalidEnum, line: 6, column: 11),
        SchemaCase("redirect not a number", "redirect: permanent\n", SchemaRule.wrongType, line: 6, column: 11),
        SchemaCase("malformed date", "retire: 2026-13-45\n", SchemaRule.malformedDate, line: 6, column: 9),
        SchemaCase("February 30th", "launch: 2027-02-30\n", SchemaRule.malformedDate, line: 6, column: 9),
        SchemaCase("instant without zone", "launch: 2027-02-01T10:00:00\n", SchemaRule.malformedDate, line: 6, column: 9),
        SchemaCase("malformed URL: bad port", "fallback: https://www.acme.example:99999/x\n", SchemaRule.malformedURL, line: 6, column: 11),
        SchemaCase("malformed URL: no host", "fallback: https:///x\n", SchemaRule.malformedURL, line: 6, column: 11),
        SchemaCase("malformed URL: space in host", "fallback: \"https://www.acme example/x\"\n", SchemaRule.malformedURL, line: 6, column: 11),
        SchemaCase("malformed colour", "artwork: {foreground: \"#12345\"}\n", SchemaRule.malformedColour, line: 6, column: 23),
        SchemaCase("malformed size", "artwork: {size: 25 mm}\n", SchemaRule.malformedSize, line: 6, column: 17),
        SchemaCase("bad ec level", "artwork: {ec: X}\n", SchemaRule.invalidEnum, line: 6, column: 15),
        SchemaCase("bad device", "routes:\n  - when: {device: iphone}\n    target: https://www.acme.example/i\n",
                   SchemaRule.invalidEnum, line: 7, column: 20),
        SchemaCase("bad country", "routes:\n  - when: {country: fr}\n    target: https://www.acme.example/i\n",
                   SchemaRule.invalidValue, line: 7, column: 21),
        SchemaCase("empty time window", "routes:\n  - when: {after: 2027-01-02, before: 2027-01-01}\n    target: https://www.acme.example/i\n",
                   SchemaRule.invalidValue, line: 7, column: 19),
        SchemaCase("route without target", "routes:\n  - when: {device: ios}\n", SchemaRule.missingRequired, line: 7, column: 5),
        SchemaCase("split with one arm", "routes:\n  - split:\n      - {weight: 1, target: https://www.acme.example/a}\n",
                   SchemaRule.invalidValue, line: 8, column: 7),
        SchemaCase("unknown utm parameter", "utm: {source: qr, campain: x}\n", SchemaRule.unknownKey, line: 6, column: 19,
                   hint: "did you mean `campaign`?"),
        SchemaCase("unknown condition key", "routes:\n  - when: {langauge: fr}\n    target: https://www.acme.example/i\n",
                   SchemaRule.unknownKey, line: 7, column: 12, hint: "did you mean `language`?"),
        SchemaCase("expect without target", "expect:\n  - when: {device: ios}\n", SchemaRule.missingRequired, line: 7, column: 5),
        SchemaCase("scan distance malformed", "scan-distance: far\n", SchemaRule.malformedSize, line: 6, column: 16),
    ]

    @Test(arguments: cases)
    func reportsSchemaProblem(_ input: SchemaCase) throws {
        let (_, diagnostics) = decodeCodeFile(minimalCode + input.extra)
        let diagnostic = try #require(diagnostics.first, "no diagnostic for \(input.name)")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        #expect(diagnostic.ruleID == input.rule, "\(diagnostic.message)")
        #expect(diagnostic.location.line == input.line)
        #expect(diagnostic.location.column == input.column)
        if let hint = input.hint { #expect(diagnostic.hint == hint) }
    }

    @Test func missingRequiredFieldsAreReportedAtTheCode() throws {
        let (codes, diagnostics) = decodeCodeFile("id: RET-EU-0001\nowner: x\nstatus: active\ntarget: https://a.example/\n")
        #expect(codes.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.missingRequired)
        #expect(diagnostic.message.contains("`slug`"))
        #expect(diagnostic.location == SourceLocation(file: "codes/c.yaml", line: 1, column: 1))
    }

    @Test func misspeltRequiredKeyIsReportedOnce() {
        let (_, diagnostics) = decodeCodeFile("id: A\nslug: a\nowner: x\nstatus: active\ntargt: https://a.example/\n")
        #expect(diagnostics.map(\.ruleID) == [SchemaRule.unknownKey])
    }

    @Test func draftMayOmitTarget() {
        let (codes, diagnostics) = decodeCodeFile("id: A\nslug: a\nowner: x\nstatus: draft\n")
        #expect(diagnostics.isEmpty)
        #expect(codes.count == 1)
    }

    @Test func badEnumListsAllowedValues() throws {
        let (_, diagnostics) = decodeCodeFile("id: A\nslug: a\nowner: x\nstatus: live\ntarget: https://a.example/\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "`live` is not a valid `status`; allowed: `draft`, `active`, `paused`, `archived`, `retired`")
    }

    @Test func scalarsAreTypedBySchema() throws {
        let (codes, diagnostics) = decodeCodeFile(minimalCode + """
            labels: {country: NO, version: 1.10, flag: yes, n: 007}
            routes:
              - when: {country: NO}
                target: https://www.acme.example/no

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let code = try #require(codes.first)
        #expect(code.label("country")?.value == "NO")
        #expect(code.label("version")?.value == "1.10")
        #expect(code.label("flag")?.value == "yes")
        #expect(code.label("n")?.value == "007")
        #expect(code.routes.first?.when?.countries?.value == ["NO"])
    }

    @Test func everyFieldDecodes() throws {
        let (codes, diagnostics) = decodeCodeFile("""
            id: RET-EU-0001
            slug: cx1
            domain: qr.acme.example
            name: retail_eu_packaging_coffee-x1_setup_v2
            owner: retail-eu
            status: active
            use: packaging
            compliance: general
            labels: {business-unit: retail, region: eu}
            tags: [setup, evergreen]
            launch: 2026-03-01
            retire: 2031-03-01T00:00:00+01:00
            target: https://www.acme.example/support/coffee-x1/setup
            redirect: 307
            forward-query: true
            utm: {source: qr, medium: packaging, campaign: coffee-x1}
            routes:
              - when: {device: [ios]}
                target: https://apps.apple.com/app/id0000000001
              - when: {language: [fr], country: [FR, BE, CH], query: {ref: "*"}}
                target: https://www.acme.example/fr
              - when: {after: 2026-12-01T00:00:00Z, before: 2027-01-01T00:00:00Z}
                target: https://www.acme.example/holiday
              - split:
                  - {weight: 50, target: https://www.acme.example/setup-a}
                  - {weight: 50, target: https://www.acme.example/setup-b}
            fallback: https://www.acme.example/support
            artwork: {ec: Q, size: 25mm, formats: [svg, pdf], foreground: "#111111", background: "cmyk(0,0,0,0)", quiet-zone: 4, dpi: 600, logo: {width: 20%, height: 0.2}}
            expect:
              - when: {device: ios}
                target: https://apps.apple.com/app/id0000000001
              - when: {at: 2032-01-01T00:00:00Z, user-agent: "Mozilla/5.0", accept-language: "fr-CH, fr;q=0.9", country: FR, query: "a=b", client: c1, language: fr}
                target: https://www.acme.example/support
                status: 302
            scan-distance: 2m
            change-reason: moved the setup page
            ignore:
              - {rule: utm-required, reason: legacy print run, until: 2027-01-01}

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let code = try #require(codes.first)
        #expect(code.id.value == "RET-EU-0001")
        #expect(code.domain?.value == "qr.acme.example")
        #expect(code.status.value == .active)
        #expect(code.tags.map(\.value) == ["setup", "evergreen"])
        #expect(code.launch?.value == Instant.parse("2026-03-01"))
        #expect(code.retire?.value.description == "2031-02-28T23:00:00Z")
        #expect(code.redirectStatus == 307)
        #expect(code.forwardQuery?.value == true)
        #expect(code.utm.map(\.key.value) == ["source", "medium", "campaign"])
        #expect(code.routes.count == 4)
        #expect(code.routes[0].when?.devices?.value == [.ios])
        #expect(code.routes[1].when?.query.first?.value.value == "*")
        #expect(code.routes[3].split.map(\.weight.value) == [50, 50])
        #expect(code.artwork?.ec?.value == .Q)
        #expect(code.artwork?.size?.value.millimetres == 25)
        #expect(code.artwork?.formats?.value == [.svg, .pdf])
        #expect(code.artwork?.logoWidth?.value == 0.2)
        #expect(code.expect.count == 2)
        #expect(code.expect[1].status?.value == 302)
        #expect(code.scanDistance?.value.millimetres == 2000)
        #expect(code.ignore.first?.rule.value == "utm-required")
        #expect(code.destinations.count == 7)
    }

    @Test func multiCodeFileAppliesFileDefaults() throws {
        let (codes, diagnostics) = decodeCodeFile("""
            defaults:
              owner: retail-eu
              status: active
              labels: {region: eu, unit: retail}
            codes:
              - id: A-1
                slug: a1
                target: https://www.acme.example/a
                labels: {unit: coffee}
              - id: A-2
                slug: a2
                status: paused
                target: https://www.acme.example/b

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(codes.map(\.id.value) == ["A-1", "A-2"])
        #expect(codes[0].owner?.value == "retail-eu")
        #expect(codes[0].label("region")?.value == "eu")
        #expect(codes[0].label("unit")?.value == "coffee")
        #expect(codes[1].status.value == .paused)
        // A default's location is where the default is written.
        #expect(codes[0].owner?.location.line == 2)
    }

    @Test func codeKeysBesideCodesListAreRejected() throws {
        let (_, diagnostics) = decodeCodeFile("owner: x\ncodes: []\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.unknownKey)
        #expect(diagnostic.hint == "a file with a `codes:` list takes shared keys under `defaults:`")
    }

    @Test func listAtTheTopIsAWrongType() throws {
        let (_, diagnostics) = decodeCodeFile("- id: A\n- id: B\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.ruleID == SchemaRule.wrongType)
        #expect(diagnostic.location.line == 1 && diagnostic.location.column == 1)
    }
}

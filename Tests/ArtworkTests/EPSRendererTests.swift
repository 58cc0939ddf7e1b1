import Testing
@testable import Artwork

@Suite struct EPSRendererTests {
    @Test func acmeSymbolMatchesGolden() throws {
        GoldenFile.check(try EPSRenderer().render(SampleSymbols.acme), named: "acme.eps")
    }

    @Test func cmykMatchesGolden() throws {
        let style = ArtworkStyle(foreground: .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10),
                                 background: .cmyk(cyan: 0, magenta: 0, yellow: 5, black: 0), size: .inches(1))
        GoldenFile.check(try EPSRenderer(style: style).render(SampleSymbols.acme), named: "acme-cmyk.eps")
    }

    @Test func headerDeclaresEPSF3AndBothBoundingBoxes() throws {
        let eps = try EPSRenderer().render(SampleSymbols.tiny)
        let lines = eps.split(separator: "\n")
        #expect(lines.first == "%!PS-Adobe-3.0 EPSF-3.0")
        #expect(lines.contains("%%BoundingBox: 0 0 71 71"))
        #expect(lines.contains("%%HiResBoundingBox: 0 0 70.8661 70.8661"))
    }

    @Test func wholePointSizesAreNotRoundedUpPastThemselves() throws {
        let eps = try EPSRenderer(style: ArtworkStyle(size: .inches(1))).render(SampleSymbols.tiny)
        #expect(eps.contains("%%BoundingBox: 0 0 72 72\n"))
        #expect(eps.contains("%%HiResBoundingBox: 0 0 72 72\n"))
    }

    @Test func coloursUseRGBOrCMYKOperators() throws {
        let rgb = try EPSRenderer(style: ArtworkStyle(foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E)))
            .render(SampleSymbols.tiny)
        #expect(rgb.contains("0.102 0.1373 0.4941 setrgbcolor\n"))
        #expect(rgb.contains("1 1 1 setrgbcolor\n"))
        let cmyk = try EPSRenderer(style: ArtworkStyle(foreground: .cmyk(cyan: 0, magenta: 100, yellow: 100, black: 0), background: nil))
            .render(SampleSymbols.tiny)
        #expect(cmyk.contains("0 1 1 0 setcmykcolor\n"))
        #expect(!cmyk.contains("setrgbcolor"))
    }

    @Test func tinyGridDrawsOneRectanglePerRun() throws {
        let eps = try EPSRenderer(style: ArtworkStyle(quietZone: 1)).render(SampleSymbols.tiny)
        #expect(eps.contains("newpath\n1 1 3 R\n1 2 1 R\n3 2 1 R\nfill\n"))
    }
}

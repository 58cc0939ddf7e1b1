import Testing
@testable import Artwork

@Suite struct SVGRendererTests {
    @Test func acmeSymbolMatchesGolden() throws {
        GoldenFile.check(try SVGRenderer().render(SampleSymbols.acme), named: "acme.svg")
    }

    @Test func brandColoursOnTransparentMatchGolden() throws {
        let style = ArtworkStyle(foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E), background: nil, size: .inches(1))
        GoldenFile.check(try SVGRenderer(style: style).render(SampleSymbols.acme), named: "acme-brand-transparent.svg")
    }

    @Test func tinyGridIsOnePathOfMergedRuns() throws {
        let style = ArtworkStyle(quietZone: 1, size: .millimetres(10))
        let svg = try SVGRenderer(style: style).render(SampleSymbols.tiny)
        #expect(svg == """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10mm" height="10mm" viewBox="0 0 5 5" shape-rendering="crispEdges">
            <rect width="5" height="5" fill="#FFFFFF"/>
            <path fill="#000000" d="M1 1h3v1h-3zM1 2h1v1h-1zM3 2h1v1h-1z"/>
            </svg>

            """)
    }

    @Test func cmykForegroundIsWrittenAsItsRGBApproximation() throws {
        let style = ArtworkStyle(foreground: .cmyk(cyan: 100, magenta: 50, yellow: 0, black: 20))
        let svg = try SVGRenderer(style: style).render(SampleSymbols.tiny)
        #expect(svg.contains("<path fill=\"#0066CC\" d="))
    }

    @Test func allLightGridHasNoPath() throws {
        let grid = try #require(ModuleGrid(size: 2, modules: [false, false, false, false]))
        let svg = try SVGRenderer().render(grid)
        #expect(!svg.contains("<path"))
        #expect(svg.contains("<rect"))
    }

    @Test func outputIsDeterministic() throws {
        let renderer = SVGRenderer(style: ArtworkStyle(size: .centimetres(3)))
        #expect(try renderer.render(SampleSymbols.acme) == renderer.render(SampleSymbols.acme))
    }
}

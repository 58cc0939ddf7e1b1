import Testing
@testable import Artwork

@Suite struct PNGRendererTests {
    @Test func acmeSymbolMatchesGolden() throws {
        GoldenFile.check(try PNGRenderer().render(SampleSymbols.acme), named: "acme.png")
    }

    @Test func brandColoursMatchGolden() throws {
        let style = ArtworkStyle(foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E), size: .millimetres(20), dpi: 150)
        GoldenFile.check(try PNGRenderer(style: style).render(SampleSymbols.acme), named: "acme-brand.png")
    }

    @Test func blackOnWhiteIsOneBitGreyscaleWhosePixelsAreTheGrid() throws {
        let grid = try SampleSymbols.acme
        let png = try PNGReader(try PNGRenderer().render(grid))
        // 25 mm over 37 modules at 300 dpi: 7.98 → 8 pixels per module.
        #expect(png.width == 8 * 37 && png.height == 8 * 37)
        #expect(png.bitDepth == 1 && png.colourType == 0)
        #expect(png.chunk("PLTE") == nil && png.chunk("tRNS") == nil)
        try expectPixels(png, match: grid, pixelsPerModule: 8, quietZone: 4, darkBit: 0)
    }

    @Test func brandColoursUseATwoEntryPalette() throws {
        let grid = try SampleSymbols.acme
        let style = ArtworkStyle(foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E), quietZone: 2, size: .inches(1), dpi: 200)
        let png = try PNGReader(try PNGRenderer(style: style).render(grid))
        #expect(png.colourType == 3 && png.bitDepth == 1)
        #expect(png.chunk("PLTE")?.data == [0xFF, 0xFF, 0xFF, 0x1A, 0x23, 0x7E])
        // 1 in over 33 modules at 200 dpi: 6.06 → 6 pixels per module.
        #expect(png.width == 6 * 33)
        try expectPixels(png, match: grid, pixelsPerModule: 6, quietZone: 2, darkBit: 1)
    }

    @Test func transparentBackgroundAddsTRNS() throws {
        let grey = try PNGReader(try PNGRenderer(style: ArtworkStyle(background: nil)).render(SampleSymbols.tiny))
        #expect(grey.colourType == 0)
        #expect(grey.chunk("tRNS")?.data == [0, 1], "white (1) is transparent")
        let palette = try PNGReader(try PNGRenderer(style: ArtworkStyle(foreground: .rgb(red: 200, green: 0, blue: 0), background: nil))
            .render(SampleSymbols.tiny))
        #expect(palette.colourType == 3)
        #expect(palette.chunk("tRNS")?.data == [0], "palette entry 0 (background) is transparent")
    }

    @Test func whiteOnBlackStaysGreyscale() throws {
        let grid = try SampleSymbols.acme
        let png = try PNGReader(try PNGRenderer(style: ArtworkStyle(foreground: .white, background: .black)).render(grid))
        #expect(png.colourType == 0)
        try expectPixels(png, match: grid, pixelsPerModule: 8, quietZone: 4, darkBit: 1)
    }

    @Test func physicalDensityMakesTheImageExactlyTheRequestedSize() throws {
        for (size, dpi) in [(PhysicalLength.millimetres(25), 300), (.inches(1), 300), (.millimetres(33.3), 600), (.centimetres(10), 72)] {
            let png = try PNGReader(try PNGRenderer(style: ArtworkStyle(size: size, dpi: dpi)).render(SampleSymbols.acme))
            let density = try #require(png.physicalDensity)
            #expect(density.x == density.y && density.unit == 1, "pixels per metre on both axes")
            let printedMillimetres = Double(png.width) / Double(density.x) * 1000
            #expect(abs(printedMillimetres - size.millimetres) < 0.01, "\(size) at \(dpi) dpi prints at \(printedMillimetres) mm")
        }
    }

    @Test func layoutRoundsPixelsPerModuleAndNeverGoesBelowOne() throws {
        let grid = try SampleSymbols.acme
        let layout = try PNGLayout(grid: grid, style: ArtworkStyle())
        #expect(layout.pixelsPerModule == 8 && layout.pixelWidth == 296 && layout.pixelsPerMetre == 11840)
        #expect(abs(layout.effectiveDPI - 300.736) < 0.001)
        let coarse = try PNGLayout(grid: grid, style: ArtworkStyle(dpi: 1))
        #expect(coarse.pixelsPerModule == 1 && coarse.pixelWidth == 37)
    }

    @Test func outputIsDeterministic() throws {
        let renderer = PNGRenderer(style: ArtworkStyle(size: .millimetres(40), dpi: 600))
        #expect(try renderer.render(SampleSymbols.acme) == renderer.render(SampleSymbols.acme))
    }

    private func expectPixels(_ png: PNGReader, match grid: ModuleGrid, pixelsPerModule: Int, quietZone: Int, darkBit: UInt8,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        var mismatches = 0
        for (y, row) in png.pixels.enumerated() {
            for (x, bit) in row.enumerated() {
                let dark = grid.isDark(x: x / pixelsPerModule - quietZone, y: y / pixelsPerModule - quietZone)
                if (bit == darkBit) != dark { mismatches += 1 }
            }
        }
        #expect(mismatches == 0, "pixels that disagree with the grid", sourceLocation: sourceLocation)
    }
}

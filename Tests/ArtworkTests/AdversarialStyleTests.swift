import Testing
@testable import Artwork

/// Absurd requests are refused with an error before anything large is allocated; odd but valid
/// ones (equal colours, no quiet zone) render without judging them.
@Suite struct AdversarialStyleTests {
    @Test(arguments: [
        PhysicalLength.millimetres(0), .millimetres(-25), .millimetres(1.99), .millimetres(5000.01), .millimetres(1e300),
        .millimetres(.nan), .millimetres(.infinity), .millimetres(-.infinity),
    ])
    func sizeOutOfRangeIsRefusedByEveryGraphicFormat(size: PhysicalLength) throws {
        let style = ArtworkStyle(size: size)
        for format in ArtworkFormat.allCases where format != .txt {
            #expect(throws: ArtworkError.self, "\(format)") { try format.render(SampleSymbols.acme, style: style) }
        }
        #expect {
            try SVGRenderer(style: style).render(SampleSymbols.acme)
        } throws: { error in
            // Compared by bit pattern: NaN is not equal to itself.
            guard case let .sizeOutOfRange(refused) = error as? ArtworkError else { return false }
            return refused.millimetres.bitPattern == size.millimetres.bitPattern
        }
    }

    @Test(arguments: [0, -300, 10_001, Int.max, Int.min])
    func dpiOutOfRangeIsRefused(dpi: Int) throws {
        #expect(throws: ArtworkError.dpiOutOfRange(dpi)) {
            try PNGRenderer(style: ArtworkStyle(dpi: dpi)).render(SampleSymbols.acme)
        }
    }

    @Test(arguments: [-1, 101, Int.max, Int.min])
    func quietZoneOutOfRangeIsRefused(quietZone: Int) throws {
        for format in ArtworkFormat.allCases {
            #expect(throws: ArtworkError.quietZoneOutOfRange(quietZone), "\(format)") {
                try format.render(SampleSymbols.acme, style: ArtworkStyle(quietZone: quietZone))
            }
        }
    }

    @Test func hugePNGIsRefusedWithoutAllocating() throws {
        // 5 m at 10,000 dpi would be about 1.97 million pixels across.
        let style = ArtworkStyle(size: .millimetres(5000), dpi: 10_000)
        #expect(throws: ArtworkError.self) { try PNGRenderer(style: style).render(SampleSymbols.acme) }
        do {
            _ = try PNGLayout(grid: SampleSymbols.acme, style: style)
            Issue.record("expected imageTooLarge")
        } catch let error as ArtworkError {
            guard case let .imageTooLarge(pixels, limit) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 20_000 && pixels > 1_900_000)
        }
    }

    @Test func largestAllowedPNGStaysWithinTheLimit() throws {
        // 1 m at 500 dpi: 39.37 in × 500 = 19,685 px → 532 px per module × 37 = 19,684 px.
        let layout = try PNGLayout(grid: SampleSymbols.acme, style: ArtworkStyle(size: .millimetres(1000), dpi: 500))
        #expect(layout.pixelWidth <= PNGLayout.maximumPixels)
        #expect(layout.pixelWidth == 532 * 37)
    }

    @Test func invalidCMYKInkIsRefused() throws {
        let bad = Colour.cmyk(cyan: 0, magenta: 0, yellow: 0, black: 150)
        #expect(throws: ArtworkError.invalidColour(bad)) { try PDFRenderer(style: ArtworkStyle(foreground: bad)).render(SampleSymbols.acme) }
        #expect(throws: ArtworkError.invalidColour(bad)) { try EPSRenderer(style: ArtworkStyle(background: bad)).render(SampleSymbols.acme) }
    }

    @Test(arguments: ArtworkFormat.allCases)
    func equalColoursRenderWithoutJudging(format: ArtworkFormat) throws {
        let grey = Colour.rgb(red: 128, green: 128, blue: 128)
        let bytes = try format.render(SampleSymbols.acme, style: ArtworkStyle(foreground: grey, background: grey))
        #expect(!bytes.isEmpty)
    }

    @Test(arguments: ArtworkFormat.allCases)
    func noQuietZoneAndOneModuleGridsRender(format: ArtworkFormat) throws {
        let single = try #require(ModuleGrid(size: 1, modules: [true]))
        #expect(!(try format.render(single, style: ArtworkStyle(quietZone: 0))).isEmpty)
    }

    @Test func malformedGridsAreRejected() {
        #expect(ModuleGrid(size: 0, modules: []) == nil)
        #expect(ModuleGrid(size: -1, modules: []) == nil)
        #expect(ModuleGrid(size: 2, modules: [true, false, true]) == nil)
        #expect(ModuleGrid(size: Int.max, modules: []) == nil)
    }
}

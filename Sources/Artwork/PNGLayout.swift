/// The pixel geometry of a PNG: whole pixels per module, and the density that makes the image
/// print at exactly the requested size.
///
/// Pixels per module are `max(1, round(module size in inches × dpi))`, so the image is rarely
/// exactly `size × dpi` pixels wide. Rather than record the requested DPI, the `pHYs` chunk
/// records `pixelWidth / size` (as pixels per metre), so software that honours `pHYs` places
/// the image at the requested physical size; `effectiveDPI` is that density in inches.
public struct PNGLayout: Sendable, Equatable {
    /// Largest accepted width (= height) in pixels; larger requests throw `imageTooLarge`.
    public static let maximumPixels = 20_000

    public let modulesAcross: Int
    public let quietZone: Int
    public let pixelsPerModule: Int
    public let pixelWidth: Int
    /// The `pHYs` value: pixels per metre along both axes.
    public let pixelsPerMetre: Int

    public init(grid: ModuleGrid, style: ArtworkStyle) throws(ArtworkError) {
        try style.validate()
        let across = grid.size + 2 * style.quietZone
        let moduleInches = style.size.inches / Double(across)
        let ideal = (moduleInches * Double(style.dpi)).rounded()
        guard ideal < Double(PNGLayout.maximumPixels) else {
            throw .imageTooLarge(pixels: Int(min(ideal * Double(across), 1e15)), limit: PNGLayout.maximumPixels)
        }
        let perModule = max(1, Int(ideal))
        let (width, overflow) = perModule.multipliedReportingOverflow(by: across)
        guard !overflow, width <= PNGLayout.maximumPixels else {
            throw .imageTooLarge(pixels: overflow ? Int.max : width, limit: PNGLayout.maximumPixels)
        }
        modulesAcross = across
        quietZone = style.quietZone
        pixelsPerModule = perModule
        pixelWidth = width
        pixelsPerMetre = Int((Double(width) * 1000 / style.size.millimetres).rounded())
    }

    /// The density `pHYs` records, in dots per inch.
    public var effectiveDPI: Double { Double(pixelsPerMetre) * 0.0254 }
}

/// How a symbol is printed: colours, quiet zone, physical size and (for PNG) resolution.
///
/// `size` is the outer edge of the artwork, quiet zone included, so one module measures
/// `size / (symbol modules + 2 × quietZone)`.
public struct ArtworkStyle: Sendable, Hashable {
    public var foreground: Colour
    /// nil paints no background (transparent in SVG, PNG, PDF and EPS).
    public var background: Colour?
    /// Light modules around the symbol on each side; the standard asks for 4.
    public var quietZone: Int
    /// Width and height of the artwork including the quiet zone.
    public var size: PhysicalLength
    /// Target resolution of PNG output in dots per inch.
    public var dpi: Int

    public static let defaultSize = PhysicalLength.millimetres(25)
    public static let defaultDPI = 300
    public static let defaultQuietZone = 4

    /// 2 mm keeps a PDF page above PDF's 3 pt minimum; 5 m stays below its 200 in maximum.
    public static let sizeRange = PhysicalLength.millimetres(2)...PhysicalLength.millimetres(5000)
    public static let dpiRange = 1...10_000
    public static let quietZoneRange = 0...100

    public init(
        foreground: Colour = .black,
        background: Colour? = .white,
        quietZone: Int = ArtworkStyle.defaultQuietZone,
        size: PhysicalLength = ArtworkStyle.defaultSize,
        dpi: Int = ArtworkStyle.defaultDPI
    ) {
        self.foreground = foreground
        self.background = background
        self.quietZone = quietZone
        self.size = size
        self.dpi = dpi
    }

    /// Throws the first out-of-range setting. NaN and infinite sizes are out of range.
    public func validate() throws(ArtworkError) {
        guard size.millimetres.isFinite, ArtworkStyle.sizeRange.contains(size) else {
            throw .sizeOutOfRange(size)
        }
        guard ArtworkStyle.dpiRange.contains(dpi) else { throw .dpiOutOfRange(dpi) }
        guard ArtworkStyle.quietZoneRange.contains(quietZone) else { throw .quietZoneOutOfRange(quietZone) }
        guard foreground.isValid else { throw .invalidColour(foreground) }
        if let background, !background.isValid { throw .invalidColour(background) }
    }
}

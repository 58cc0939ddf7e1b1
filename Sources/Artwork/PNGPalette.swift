/// How a PNG stores the two colours in one bit: greyscale (colour type 0) when each colour is
/// pure black or white, otherwise a palette (colour type 3) with the background at index 0.
struct PNGPalette: Equatable {
    let colourType: UInt8
    let darkBit: UInt8
    let lightBit: UInt8
    /// `PLTE` payload for colour type 3.
    let paletteEntries: [UInt8]?
    /// `tRNS` payload when the background is transparent.
    let transparency: [UInt8]?

    init(foreground: Colour, background: Colour?) {
        let ink = foreground.rgbApproximation
        let paper = background?.rgbApproximation
        // Greyscale when the ink is black or white and the paper is too, or transparent (then
        // the paper takes the other level, and `tRNS` makes that level see-through).
        if let inkLevel = PNGPalette.greyLevel(ink),
           let paperLevel = paper.map(PNGPalette.greyLevel) ?? (1 - inkLevel) {
            colourType = 0
            darkBit = inkLevel
            lightBit = paperLevel
            paletteEntries = nil
            transparency = background == nil ? [0, paperLevel] : nil
        } else {
            let paperRGB = paper ?? (255, 255, 255)
            colourType = 3
            darkBit = 1
            lightBit = 0
            paletteEntries = [paperRGB.0, paperRGB.1, paperRGB.2, ink.red, ink.green, ink.blue]
            transparency = background == nil ? [0] : nil
        }
    }

    func bit(dark: Bool) -> UInt8 { dark ? darkBit : lightBit }

    /// 0 for black, 1 for white, nil for any other colour.
    private static func greyLevel(_ rgb: (red: UInt8, green: UInt8, blue: UInt8)) -> UInt8? {
        switch (rgb.red, rgb.green, rgb.blue) {
        case (0, 0, 0): return 0
        case (255, 255, 255): return 1
        default: return nil
        }
    }
}

/// PNG artwork, one bit per pixel: greyscale when both colours are black or white, otherwise a
/// two-entry palette (`PLTE`); a transparent background adds `tRNS`. Whole pixels per module,
/// `pHYs` for the physical size (see `PNGLayout`), no timestamps. CMYK colours are written as
/// their `rgbApproximation`.
public struct PNGRenderer: Sendable {
    public var style: ArtworkStyle

    public init(style: ArtworkStyle = ArtworkStyle()) {
        self.style = style
    }

    public func render(_ grid: ModuleGrid) throws(ArtworkError) -> [UInt8] {
        let layout = try PNGLayout(grid: grid, style: style)
        let palette = PNGPalette(foreground: style.foreground, background: style.background)
        let pixels = PNGRenderer.scanlines(grid: grid, layout: layout, palette: palette)
        var chunks = PNGChunkWriter()
        chunks.append("IHDR", PNGRenderer.header(width: layout.pixelWidth, colourType: palette.colourType))
        chunks.append("pHYs", PNGChunkWriter.bigEndian(UInt32(layout.pixelsPerMetre))
            + PNGChunkWriter.bigEndian(UInt32(layout.pixelsPerMetre)) + [1])
        if let entries = palette.paletteEntries { chunks.append("PLTE", entries) }
        if let transparency = palette.transparency { chunks.append("tRNS", transparency) }
        chunks.append("IDAT", try PNGChunkWriter.deflate(pixels))
        chunks.append("IEND", [])
        return chunks.bytes
    }

    /// Width and height, bit depth 1, the colour type, deflate, adaptive filtering, no interlace.
    private static func header(width: Int, colourType: UInt8) -> [UInt8] {
        PNGChunkWriter.bigEndian(UInt32(width)) + PNGChunkWriter.bigEndian(UInt32(width))
            + [1, colourType, 0, 0, 0]
    }

    /// Filter byte 0 (none) then the packed bits of each pixel row, most significant bit first.
    /// Each module row is packed once and repeated `pixelsPerModule` times.
    static func scanlines(grid: ModuleGrid, layout: PNGLayout, palette: PNGPalette) -> [UInt8] {
        let rowBytes = 1 + (layout.pixelWidth + 7) / 8
        var data: [UInt8] = []
        data.reserveCapacity(rowBytes * layout.pixelWidth)
        for moduleY in 0..<layout.modulesAcross {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for pixelX in 0..<layout.pixelWidth {
                let moduleX = pixelX / layout.pixelsPerModule
                let dark = grid.isDark(x: moduleX - layout.quietZone, y: moduleY - layout.quietZone)
                if palette.bit(dark: dark) == 1 {
                    row[1 + pixelX / 8] |= 0x80 >> UInt8(pixelX % 8)
                }
            }
            for _ in 0..<layout.pixelsPerModule { data += row }
        }
        return data
    }
}

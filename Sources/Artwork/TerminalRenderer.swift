/// Text artwork for terminals: two module rows per line with the half blocks `▀ ▄ █` and a
/// space, quiet zone included.
///
/// A block is drawn in the terminal's text colour. On a light background (the default) blocks
/// are the dark modules; `inverted` draws the light modules instead, for light-on-dark
/// terminals, so the quiet zone shows as a light frame.
public struct TerminalRenderer: Sendable {
    public var quietZone: Int
    public var inverted: Bool

    public init(quietZone: Int = ArtworkStyle.defaultQuietZone, inverted: Bool = false) {
        self.quietZone = quietZone
        self.inverted = inverted
    }

    public func render(_ grid: ModuleGrid) throws(ArtworkError) -> String {
        guard ArtworkStyle.quietZoneRange.contains(quietZone) else { throw .quietZoneOutOfRange(quietZone) }
        let across = grid.size + 2 * quietZone
        var text = ASCIIBuffer(capacity: (across * 3 + 1) * (across + 1) / 2)
        for top in stride(from: 0, to: across, by: 2) {
            for x in 0..<across {
                let upper = ink(grid, x, top)
                // Below an odd last row there is no symbol: leave the terminal background.
                let lower = top + 1 < across && ink(grid, x, top + 1)
                text.append(TerminalRenderer.block(upper: upper, lower: lower))
            }
            text.append("\n")
        }
        return text.string
    }

    private func ink(_ grid: ModuleGrid, _ x: Int, _ y: Int) -> Bool {
        grid.isDark(x: x - quietZone, y: y - quietZone) != inverted
    }

    private static func block(upper: Bool, lower: Bool) -> StaticString {
        switch (upper, lower) {
        case (true, true): return "█"
        case (true, false): return "▀"
        case (false, true): return "▄"
        case (false, false): return " "
        }
    }
}

/// Encapsulated PostScript 3.0 artwork: `%%BoundingBox` (whole points, enclosing) and
/// `%%HiResBoundingBox` (exact), an optional background, and every dark run as a rectangle in a
/// single fill. Colours use `setrgbcolor` or `setcmykcolor`. Deterministic: no creation date.
public struct EPSRenderer: Sendable {
    public var style: ArtworkStyle

    public init(style: ArtworkStyle = ArtworkStyle()) {
        self.style = style
    }

    public func render(_ grid: ModuleGrid) throws(ArtworkError) -> String {
        let layout = try ArtworkLayout(grid: grid, style: style)
        let width = DecimalText.format(layout.widthPoints)
        // Round to the printed precision first so 72.00000000000001 pt gives 72, not 73.
        let wholeWidth = Int(((layout.widthPoints * 10_000).rounded() / 10_000).rounded(.up))
        var eps = """
            %!PS-Adobe-3.0 EPSF-3.0
            %%BoundingBox: 0 0 \(wholeWidth) \(wholeWidth)
            %%HiResBoundingBox: 0 0 \(width) \(width)
            %%Creator: qrops
            %%LanguageLevel: 2
            %%Pages: 1
            %%EndComments
            %%BeginProlog
            /R { 3 1 roll moveto dup 0 rlineto 0 1 rlineto neg 0 rlineto closepath } bind def
            %%EndProlog
            %%Page: 1 1
            gsave

            """
        if let background = style.background {
            eps += "\(EPSRenderer.colour(background))\nnewpath 0 0 moveto \(width) 0 lineto "
                + "\(width) \(width) lineto 0 \(width) lineto closepath fill\n"
        }
        let runs = grid.darkRuns(offset: layout.quietZone)
        if !runs.isEmpty {
            let module = DecimalText.format(layout.modulePoints, fractionDigits: 6)
            eps += "0 \(width) translate \(module) -\(module) scale\n\(EPSRenderer.colour(style.foreground))\nnewpath\n"
            eps += EPSRenderer.rectangles(runs)
            eps += "fill\n"
        }
        eps += "grestore\nshowpage\n%%Trailer\n%%EOF\n"
        return eps
    }

    /// `x y w R` per run (the prolog's `R` adds a one-module-high rectangle to the path).
    static func rectangles(_ runs: [DarkRun]) -> String {
        var text = ASCIIBuffer(capacity: runs.count * 10)
        for run in runs {
            text.append(run.x)
            text.append(" ")
            text.append(run.y)
            text.append(" ")
            text.append(run.length)
            text.append(" R\n")
        }
        return text.string
    }

    static func colour(_ colour: Colour) -> String {
        switch colour {
        case let .rgb(red, green, blue):
            let channels = [red, green, blue].map { DecimalText.format(Double($0) / 255) }
            return channels.joined(separator: " ") + " setrgbcolor"
        case let .cmyk(cyan, magenta, yellow, black):
            let inks = [cyan, magenta, yellow, black].map { DecimalText.format(Colour.fraction($0)) }
            return inks.joined(separator: " ") + " setcmykcolor"
        }
    }
}

/// SVG 1.1 artwork: a `viewBox` in modules (quiet zone included), physical `width`/`height` in
/// millimetres, an optional background rectangle, and one `<path>` holding every dark run.
///
/// CMYK colours are written as their `rgbApproximation` (SVG has no CMYK); use PDF or EPS when
/// the inks matter.
public struct SVGRenderer: Sendable {
    public var style: ArtworkStyle

    public init(style: ArtworkStyle = ArtworkStyle()) {
        self.style = style
    }

    public func render(_ grid: ModuleGrid) throws(ArtworkError) -> String {
        let layout = try ArtworkLayout(grid: grid, style: style)
        let across = String(layout.modulesAcross)
        let width = DecimalText.format(layout.widthMillimetres) + "mm"
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(width)" \
            viewBox="0 0 \(across) \(across)" shape-rendering="crispEdges">

            """
        if let background = style.background {
            svg += "<rect width=\"\(across)\" height=\"\(across)\" fill=\"\(background.hexRGB)\"/>\n"
        }
        let runs = grid.darkRuns(offset: layout.quietZone)
        if !runs.isEmpty {
            svg += "<path fill=\"\(style.foreground.hexRGB)\" d=\"\(SVGRenderer.pathData(runs))\"/>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// `M4 4h7v1h-7z` per run: a one-module-high rectangle.
    static func pathData(_ runs: [DarkRun]) -> String {
        var data = ASCIIBuffer(capacity: runs.count * 16)
        for run in runs {
            data.append("M")
            data.append(run.x)
            data.append(" ")
            data.append(run.y)
            data.append("h")
            data.append(run.length)
            data.append("v1h-")
            data.append(run.length)
            data.append("z")
        }
        return data.string
    }
}

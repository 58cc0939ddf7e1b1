/// Vector PDF 1.4 artwork: one page whose MediaBox is exactly the requested size, an optional
/// background rectangle, and every dark run as a rectangle in a single fill. Colours use `rg`
/// (RGB) or `k` (CMYK). Deterministic: no dates, no document ID, uncompressed content.
public struct PDFRenderer: Sendable {
    public var style: ArtworkStyle

    public init(style: ArtworkStyle = ArtworkStyle()) {
        self.style = style
    }

    public func render(_ grid: ModuleGrid) throws(ArtworkError) -> [UInt8] {
        let layout = try ArtworkLayout(grid: grid, style: style)
        let width = DecimalText.format(layout.widthPoints)
        let content = contentStream(grid: grid, layout: layout)
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(width)] "
                + "/Resources << /ProcSet [/PDF] >> /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        return PDFRenderer.document(objects: objects)
    }

    /// Background in points, then a flipped module-unit coordinate system (origin top-left,
    /// one unit per module) so every run is `x y w 1 re` in integers.
    private func contentStream(grid: ModuleGrid, layout: ArtworkLayout) -> String {
        let width = DecimalText.format(layout.widthPoints)
        let module = DecimalText.format(layout.modulePoints, fractionDigits: 6)
        var content = "q\n"
        if let background = style.background {
            content += "\(PDFRenderer.fillColour(background))\n0 0 \(width) \(width) re\nf\n"
        }
        let runs = grid.darkRuns(offset: layout.quietZone)
        if !runs.isEmpty {
            content += "\(module) 0 0 -\(module) 0 \(width) cm\n\(PDFRenderer.fillColour(style.foreground))\n"
            content += PDFRenderer.rectangles(runs)
            content += "f\n"
        }
        content += "Q\n"
        return content
    }

    /// `x y w 1 re` per run, one per line.
    static func rectangles(_ runs: [DarkRun]) -> String {
        var text = ASCIIBuffer(capacity: runs.count * 12)
        for run in runs {
            text.append(run.x)
            text.append(" ")
            text.append(run.y)
            text.append(" ")
            text.append(run.length)
            text.append(" 1 re\n")
        }
        return text.string
    }

    static func fillColour(_ colour: Colour) -> String {
        switch colour {
        case let .rgb(red, green, blue):
            let channels = [red, green, blue].map { DecimalText.format(Double($0) / 255) }
            return channels.joined(separator: " ") + " rg"
        case let .cmyk(cyan, magenta, yellow, black):
            let inks = [cyan, magenta, yellow, black].map { DecimalText.format(Colour.fraction($0)) }
            return inks.joined(separator: " ") + " k"
        }
    }

    /// Header, numbered objects, a cross-reference table with exact byte offsets, trailer.
    static func document(objects: [String]) -> [UInt8] {
        var bytes: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xrefOffset = bytes.count
        var xref = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            xref += PDFRenderer.padded(offset) + " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return bytes + Array(xref.utf8)
    }

    /// A ten-digit, zero-padded byte offset, as every xref entry needs.
    private static func padded(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}

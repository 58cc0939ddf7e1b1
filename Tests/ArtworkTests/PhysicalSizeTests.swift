import Testing
@testable import Artwork

/// The printed size of every vector format is the requested size, to 0.01 pt.
@Suite struct PhysicalSizeTests {
    static let sizes: [PhysicalLength] = [
        .millimetres(25), .millimetres(2), .millimetres(5000), .inches(1), .centimetres(2.5), .points(100),
        .millimetres(33.3333), .millimetres(19.05),
    ]

    @Test(arguments: sizes)
    func svgWidthAndHeightAttributes(size: PhysicalLength) throws {
        let svg = try SVGRenderer(style: ArtworkStyle(size: size)).render(SampleSymbols.acme)
        let width = try #require(attribute("width", in: svg))
        let height = try #require(attribute("height", in: svg))
        #expect(width == height)
        let millimetres = try #require(Double(width.dropLast(2)))
        #expect(width.hasSuffix("mm"))
        #expect(abs(PhysicalLength.millimetres(millimetres).points - size.points) < 0.01)
        #expect(svg.contains("viewBox=\"0 0 37 37\""))
    }

    @Test(arguments: sizes)
    func pdfMediaBox(size: PhysicalLength) throws {
        let pdf = String(decoding: try PDFRenderer(style: ArtworkStyle(size: size)).render(SampleSymbols.acme), as: UTF8.self)
        let box = try #require(pdf.firstMatch(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/))
        let width = try #require(Double(box.1))
        let height = try #require(Double(box.2))
        #expect(abs(width - size.points) < 0.01 && abs(height - size.points) < 0.01)
    }

    @Test(arguments: sizes)
    func epsBoundingBoxes(size: PhysicalLength) throws {
        let eps = try EPSRenderer(style: ArtworkStyle(size: size)).render(SampleSymbols.acme)
        let hiRes = try #require(eps.firstMatch(of: /%%HiResBoundingBox: 0 0 ([0-9.]+) ([0-9.]+)\n/))
        let width = try #require(Double(hiRes.1))
        let height = try #require(Double(hiRes.2))
        #expect(abs(width - size.points) < 0.01 && abs(height - size.points) < 0.01)
        let whole = try #require(eps.firstMatch(of: /%%BoundingBox: 0 0 ([0-9]+) ([0-9]+)\n/))
        let wholeWidth = try #require(Double(whole.1))
        #expect(wholeWidth >= size.points - 0.0001 && wholeWidth < size.points + 1, "the whole-point box encloses the art")
        #expect(whole.1 == whole.2)
    }

    private func attribute(_ name: String, in svg: String) -> Substring? {
        guard let start = svg.firstRange(of: " \(name)=\"")?.upperBound else { return nil }
        return svg[start...].prefix { $0 != "\"" }
    }
}

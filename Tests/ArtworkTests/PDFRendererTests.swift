import Testing
@testable import Artwork

@Suite struct PDFRendererTests {
    @Test func acmeSymbolMatchesGolden() throws {
        GoldenFile.check(try PDFRenderer().render(SampleSymbols.acme), named: "acme.pdf")
    }

    @Test func cmykOnTransparentMatchesGolden() throws {
        let style = ArtworkStyle(foreground: .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10), background: nil)
        GoldenFile.check(try PDFRenderer(style: style).render(SampleSymbols.acme), named: "acme-cmyk-transparent.pdf")
    }

    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        let pdf = try PDFRenderer().render(SampleSymbols.acme)
        let text = String(decoding: pdf, as: UTF8.self)
        let structure = try PDFStructure(pdf)
        #expect(structure.objectOffsets.count == 4)
        for (index, offset) in structure.objectOffsets.enumerated() {
            #expect(pdf[offset...].starts(with: Array("\(index + 1) 0 obj\n".utf8)))
        }
        #expect(pdf[structure.startXref...].starts(with: Array("xref\n0 5\n".utf8)))
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func streamLengthIsTheContentLength() throws {
        let pdf = try PDFRenderer().render(SampleSymbols.acme)
        let structure = try PDFStructure(pdf)
        #expect(structure.declaredStreamLength == structure.actualStreamLength)
    }

    @Test func rgbUsesRgAndCMYKUsesK() throws {
        let rgb = ArtworkStyle(foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E))
        let rgbText = String(decoding: try PDFRenderer(style: rgb).render(SampleSymbols.tiny), as: UTF8.self)
        #expect(rgbText.contains("\n1 1 1 rg\n"))
        #expect(rgbText.contains("\n0.102 0.1373 0.4941 rg\n"))

        let cmyk = ArtworkStyle(foreground: .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10),
                                background: .cmyk(cyan: 0, magenta: 0, yellow: 0, black: 0))
        let cmykText = String(decoding: try PDFRenderer(style: cmyk).render(SampleSymbols.tiny), as: UTF8.self)
        #expect(cmykText.contains("\n1 0.8 0 0.1 k\n"))
        #expect(cmykText.contains("\n0 0 0 0 k\n"))
        #expect(!cmykText.contains(" rg\n"))
    }

    @Test func transparentBackgroundPaintsNoBackground() throws {
        let pdf = try PDFRenderer(style: ArtworkStyle(background: nil)).render(SampleSymbols.tiny)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(!text.contains("1 1 1 rg"))
        #expect(text.contains("0 0 0 rg"))
    }
}

/// The parts of our own PDF a test needs: xref entries, startxref, and the content stream.
struct PDFStructure {
    let objectOffsets: [Int]
    let startXref: Int
    let declaredStreamLength: Int
    let actualStreamLength: Int

    init(_ pdf: [UInt8]) throws {
        let text = String(decoding: pdf, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let startIndex = try #require(lines.lastIndex(of: "startxref"))
        startXref = try #require(Int(lines[startIndex + 1]))
        let xrefIndex = try #require(lines.firstIndex(of: "xref"))
        let countText = try #require(lines[xrefIndex + 1].split(separator: " ").last)
        let count = try #require(Int(countText))
        objectOffsets = try (1..<count).map { entry in
            let line = lines[xrefIndex + 2 + entry]
            #expect(line.utf8.count == 19, "xref entries are 20 bytes with their newline")
            return try #require(Int(line.prefix(10)))
        }
        let lengthText = try #require(text.firstRange(of: "/Length ")).upperBound
        let lengthDigits = text[lengthText...].prefix { $0.isNumber }
        declaredStreamLength = try #require(Int(lengthDigits))
        let streamStart = try #require(text.utf8.firstRange(of: "stream\n".utf8)).upperBound
        let streamEnd = try #require(text.utf8.firstRange(of: "endstream".utf8)).lowerBound
        actualStreamLength = text.utf8.distance(from: streamStart, to: streamEnd)
    }
}

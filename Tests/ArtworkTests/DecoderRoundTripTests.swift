import Artwork
import Foundation
import Testing

/// Real decoders judge the artwork: every format is rendered, rasterised by the tool a print
/// shop would use (rsvg-convert, pdftoppm, Ghostscript; PNG as is), and read by ZXing and zbar.
/// Each decoder runs once per format over all files.
@Suite struct DecoderRoundTripTests {
    static let cases: [RoundTripCase] = (try? RoundTripCase.all()) ?? []

    @Test func everyCaseEncodes() throws {
        #expect(try RoundTripCase.all().count == 28)
        #expect(Self.cases.contains { $0.version == 40 })
        #expect(Self.cases.filter { $0.version >= 25 }.count >= 5)
    }

    @Test(arguments: [ArtworkFormat.png, .svg, .pdf, .eps])
    func zxingAndZbarReadEveryCase(format: ArtworkFormat) async throws {
        let cases = Self.cases
        try #require(!cases.isEmpty, "the round-trip cases failed to encode")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrops-artwork-\(format.rawValue)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let images = try await Rasteriser(format: format, directory: directory).images(for: cases)
        let zxing = try ExternalTool.find("ZXingReader")
        let zbar = try ExternalTool.find("zbarimg")
        async let zxingRun = zxing.run(["-format", "QRCode"] + images, in: directory)
        async let zbarRun = zbar.run(["--nodbus", "--xml", "-q"] + images, in: directory)
        let zxingRead = DecoderOutput.zxing(try await zxingRun.stdout)
        let zbarRead = try await Self.rereadBinary(DecoderOutput.zbar(try await zbarRun.stdout), with: zbar, in: directory)

        for (testCase, image) in zip(cases, images) {
            let expected = Array(testCase.expectedText.utf8)
            let fromZXing = zxingRead[image]
            #expect(fromZXing?.bytes == expected, "ZXing read \(format) of \(testCase)")
            #expect(fromZXing?.errorCorrection == testCase.errorCorrection.rawValue, "ZXing EC level of \(testCase)")
            #expect(zbarRead[image] == expected, "zbar read \(format) of \(testCase)")
        }
    }

    /// zbar's XML garbles binary (base64) data, so those few files are read again one by one
    /// with `--raw`; everything else keeps the batch result.
    static func rereadBinary(_ symbols: [String: DecoderOutput.ZbarSymbol], with zbar: ExternalTool,
                             in directory: URL) async throws -> [String: [UInt8]] {
        var bytes = symbols.mapValues(\.bytes)
        for (file, symbol) in symbols where symbol.isBase64 {
            let output = try await zbar.run(["--nodbus", "-q", "--raw", file], in: directory)
            bytes[file] = DecoderOutput.zbarRaw(output.stdout)
        }
        return bytes
    }
}

/// Writes each case in one format and turns it into a PNG a decoder can read.
struct Rasteriser {
    let format: ArtworkFormat
    let directory: URL

    /// PNG file names (relative to `directory`), in case order.
    func images(for cases: [RoundTripCase]) async throws -> [String] {
        let tool = try rasteriser()
        var names = [String](repeating: "", count: cases.count)
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var next = 0
            func start() throws {
                guard next < cases.count else { return }
                let index = next
                next += 1
                let testCase = cases[index]
                let source = "\(testCase.name).\(format.fileExtension)"
                try Data(try format.render(testCase.grid, style: testCase.style))
                    .write(to: directory.appendingPathComponent(source))
                group.addTask { (index, try await rasterise(source, stem: testCase.name, with: tool)) }
            }
            for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) { try start() }
            while let (index, name) = try await group.next() {
                names[index] = name
                try start()
            }
        }
        return names
    }

    private func rasteriser() throws -> ExternalTool? {
        switch format {
        case .svg: return try ExternalTool.find("rsvg-convert")
        case .pdf: return try ExternalTool.find("pdftoppm")
        case .eps: return try ExternalTool.find("gs")
        case .png, .txt: return nil
        }
    }

    private func rasterise(_ source: String, stem: String, with tool: ExternalTool?) async throws -> String {
        guard let tool else { return source }
        let image = "\(stem)-\(format.rawValue).png"
        let arguments: [String]
        switch format {
        case .svg:
            arguments = ["-d", "300", "-p", "300", "-b", "white", "-o", image, source]
        case .pdf:
            arguments = ["-png", "-r", "300", "-singlefile", source, String(image.dropLast(4))]
        default:
            arguments = ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pnggray", "-r300", "-dEPSCrop",
                         "-sOutputFile=\(image)", source]
        }
        let output = try await tool.run(arguments, in: directory)
        #expect(output.status == 0, "\(tool.name) \(source): \(output.stderr)")
        return image
    }
}

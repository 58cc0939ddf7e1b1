import ArgumentParser
import Artwork
import Foundation
import QREncoder

extension ArtworkFormat: ExpressibleByArgument {}

extension Qrops {
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode any payload as QR artwork: SVG, PNG, PDF, EPS or terminal text.",
            discussion: """
                One payload: `qrops render TEXT [-o FILE]` writes to FILE, or to stdout without -o \
                (PNG and PDF only when stdout is not a terminal).
                Many payloads: `qrops render --batch FILE --out DIR` reads one payload per line \
                (LF or CRLF) and writes DIR/0.svg, DIR/1.svg, ... named by line number from 0.

                --size is the printed width and height including the quiet zone. --ec is the \
                minimum level: the encoder raises it when that costs no extra size.

                Exit status: 0 when everything was rendered, 1 when a payload cannot be encoded \
                (too long or empty), 2 for usage errors or when a file cannot be read or written.
                """
        )

        @Argument(help: "The text to encode (omit with --batch).")
        var text: String?

        @Option(name: .customLong("ec"), help: ArgumentHelp("Minimum error correction level: L, M, Q or H. (default: M)", valueName: "level"),
                transform: Render.parseErrorCorrection)
        var errorCorrection: ErrorCorrection = .medium

        @Option(name: .shortAndLong, help: "Output format (default: the -o file's extension, else svg).")
        var format: ArtworkFormat?

        @Option(help: ArgumentHelp("Printed width and height, quiet zone included: 25mm, 2.5cm, 1in, 72pt. (default: 25mm)", valueName: "length"),
                transform: Render.parseLength)
        var size: PhysicalLength = ArtworkStyle.defaultSize

        @Option(help: "PNG resolution in dots per inch.")
        var dpi: Int = ArtworkStyle.defaultDPI

        @Option(help: ArgumentHelp("Light modules around the symbol.", valueName: "modules"))
        var quietZone: Int = ArtworkStyle.defaultQuietZone

        @Option(help: ArgumentHelp("Dark module colour: #RRGGBB or cmyk(C,M,Y,K). (default: #000000)", valueName: "colour"),
                transform: Render.parseColour)
        var foreground: Colour = .black

        @Option(help: ArgumentHelp("Background colour: #RRGGBB, cmyk(C,M,Y,K) or transparent. (default: #FFFFFF)", valueName: "colour"),
                transform: Render.parseBackground)
        var background: Background = Background(colour: .white)

        @Option(help: ArgumentHelp("Force data mask 0-7 (default: the lowest penalty).", valueName: "mask"))
        var mask: Int?

        @Option(help: ArgumentHelp("Smallest symbol version, 1-40.", valueName: "version"))
        var minVersion: Int = 1

        @Flag(help: "Encode URLs exactly as given (no upper-casing of the host to shrink the symbol).")
        var noCompact = false

        @Flag(help: "With --format txt: draw the light modules, for light-on-dark terminals.")
        var invert = false

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"),
                completion: .file())
        var output: String?

        @Option(help: ArgumentHelp("Render every line of this file (one payload per line).", valueName: "file"),
                completion: .file())
        var batch: String?

        @Option(name: .customLong("out"), help: ArgumentHelp("With --batch: the folder for 0.<ext>, 1.<ext>, ...", valueName: "dir"),
                completion: .directory)
        var outDirectory: String?

        func validate() throws {
            try validateInputs()
            if let mask, !(0...7).contains(mask) { throw ValidationError("--mask must be 0...7, got \(mask)") }
            guard (1...40).contains(minVersion) else { throw ValidationError("--min-version must be 1...40, got \(minVersion)") }
            if output != nil, format == nil, Render.format(ofFile: output) == nil {
                throw ValidationError("cannot tell the format from the file name `\(output ?? "")`; pass --format svg|png|pdf|eps|txt")
            }
            if invert, resolvedFormat != .txt { throw ValidationError("--invert applies to --format txt only") }
            do { try style.validate() } catch { throw ValidationError(Render.optionMessage(error)) }
            if batch == nil, output == nil, resolvedFormat.isBinary, isatty(FileHandle.standardOutput.fileDescriptor) == 1 {
                throw ValidationError("refusing to write binary \(resolvedFormat.rawValue.uppercased()) to a terminal; use -o FILE or redirect stdout")
            }
        }

        private func validateInputs() throws {
            switch (text, batch) {
            case (nil, nil): throw ValidationError("pass the TEXT to encode, or --batch FILE --out DIR")
            case (.some, .some): throw ValidationError("pass either TEXT or --batch FILE, not both")
            case (.some(let text), nil) where text.isEmpty: throw ValidationError("TEXT is empty; there is nothing to encode")
            default: break
            }
            if batch != nil {
                guard outDirectory != nil else { throw ValidationError("--batch FILE needs --out DIR") }
                guard output == nil else { throw ValidationError("-o FILE writes one file; with --batch use --out DIR") }
            } else if outDirectory != nil {
                throw ValidationError("--out DIR goes with --batch FILE; for one payload use -o FILE")
            }
        }

        func run() async throws {
            if let batch, let outDirectory {
                try await runBatch(input: batch, outDirectory: outDirectory)
            } else {
                try runSingle(text ?? "")
            }
        }

        // MARK: - One payload

        private func runSingle(_ payload: String) throws {
            let bytes: [UInt8]
            switch Render.artwork(Array(payload.utf8), job: job) {
            case .success(let artwork):
                bytes = artwork
            case .failure(let failure):
                Render.printError(failure.message)
                throw ExitCode(failure.exitCode)
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Render.printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }

        // MARK: - Batch

        private func runBatch(input: String, outDirectory: String) async throws {
            let lines: [[UInt8]]
            do {
                lines = Render.payloadLines(try Data(contentsOf: URL(fileURLWithPath: input)))
            } catch {
                Render.printError("cannot read \(input): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            do {
                try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
            } catch {
                Render.printError("cannot create the folder \(outDirectory): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            let failures = await Render.renderAll(lines, job: job, into: outDirectory)
            for (index, failure) in failures {
                let message = "\(input):\(index + 1): error: payload \(index) not rendered: \(failure.message)\n"
                FileHandle.standardError.write(Data(message.utf8))
            }
            if let worst = failures.map(\.failure.exitCode).max() { throw ExitCode(worst) }
        }

        /// Splits on LF, drops a CR before it, and ignores the empty remainder after a final LF.
        static func payloadLines(_ data: Data) -> [[UInt8]] {
            var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                line.last == 0x0D ? Array(line.dropLast()) : Array(line)
            }
            if lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }

        /// Renders contiguous slices of the lines on every core; returns the failures by line.
        static func renderAll(_ lines: [[UInt8]], job: Job, into directory: String) async -> [(index: Int, failure: Failure)] {
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let sliceSize = max(1, (lines.count + workers * 4 - 1) / (workers * 4))
            let directoryURL = URL(fileURLWithPath: directory, isDirectory: true)
            let failures = await withTaskGroup(of: [(index: Int, failure: Failure)].self) { group in
                for start in stride(from: 0, to: lines.count, by: sliceSize) {
                    group.addTask {
                        (start..<min(start + sliceSize, lines.count)).compactMap { index in
                            renderFile(lines[index], index: index, job: job, directory: directoryURL).map { (index, $0) }
                        }
                    }
                }
                var all: [(index: Int, failure: Failure)] = []
                for await slice in group { all += slice }
                return all
            }
            return failures.sorted { $0.index < $1.index }
        }

        /// Renders one line to `<index>.<ext>`; nil on success.
        private static func renderFile(_ payload: [UInt8], index: Int, job: Job, directory: URL) -> Failure? {
            switch artwork(payload, job: job) {
            case .failure(let failure):
                return failure
            case .success(let bytes):
                let file = directory.appendingPathComponent("\(index).\(job.format.fileExtension)")
                do {
                    // Not `.atomic`: its fsync per file costs more than the rendering.
                    try Data(bytes).write(to: file)
                    return nil
                } catch {
                    return Failure(message: "cannot write \(file.path): \(error.localizedDescription)", exitCode: 2)
                }
            }
        }

        // MARK: - Encoding and rendering (pure)

        /// Everything needed to turn a payload into artwork; `Sendable` for the batch workers.
        struct Job: Sendable {
            let options: EncodeOptions
            let style: ArtworkStyle
            let format: ArtworkFormat
            let invert: Bool
        }

        /// Why a payload was not rendered, and the exit status it calls for: 1 when the payload
        /// cannot be encoded, 2 when the options cannot be rendered or a file cannot be written.
        struct Failure: Error, Sendable {
            let message: String
            let exitCode: Int32
        }

        private var job: Job {
            Job(options: EncodeOptions(ecl: errorCorrection, minVersion: minVersion, mask: mask,
                                       urlCompaction: noCompact ? .off : .automatic(caseInsensitivePath: false)),
                style: style, format: resolvedFormat, invert: invert)
        }

        static func artwork(_ payload: [UInt8], job: Job) -> Result<[UInt8], Failure> {
            guard !payload.isEmpty else { return .failure(Failure(message: "the payload is empty", exitCode: 1)) }
            guard let text = String(validating: payload, as: UTF8.self) else {
                return .failure(Failure(message: "the payload is not valid UTF-8", exitCode: 1))
            }
            let grid: ModuleGrid
            do {
                grid = ModuleGrid(try QREncoder.encode(text: text, options: job.options).code)
            } catch {
                return .failure(Failure(message: encodeMessage(error), exitCode: 1))
            }
            do {
                if job.format == .txt {
                    return .success(Array(try TerminalRenderer(quietZone: job.style.quietZone, inverted: job.invert).render(grid).utf8))
                }
                return .success(try job.format.render(grid, style: job.style))
            } catch {
                return .failure(Failure(message: error.description, exitCode: 2))
            }
        }

        private static func encodeMessage(_ error: EncodeError) -> String {
            guard case let .dataTooLong(bytes, maxVersion, ecl) = error, maxVersion == 40 else { return error.description }
            let capacity = version40Capacity[ecl] ?? (bytes: 0, alphanumeric: 0, numeric: 0)
            return "too long: \(bytes) bytes do not fit a QR code at error correction \(ecl.rawValue); the largest "
                + "(version 40) holds \(capacity.bytes) bytes, \(capacity.alphanumeric) alphanumeric or "
                + "\(capacity.numeric) numeric characters"
        }

        /// ISO/IEC 18004:2015 Table 7, version 40: data capacity per error correction level.
        private static let version40Capacity: [ErrorCorrection: (bytes: Int, alphanumeric: Int, numeric: Int)] = [
            .low: (2953, 4296, 7089), .medium: (2331, 3391, 5596),
            .quartile: (1663, 2420, 3993), .high: (1273, 1852, 3057),
        ]

        // MARK: - Options

        var resolvedFormat: ArtworkFormat { format ?? Render.format(ofFile: output) ?? .svg }

        var style: ArtworkStyle {
            ArtworkStyle(foreground: foreground, background: background.colour, quietZone: quietZone, size: size, dpi: dpi)
        }

        static func format(ofFile path: String?) -> ArtworkFormat? {
            guard let path else { return nil }
            return ArtworkFormat(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }

        /// `--background`: a colour, or `transparent` (no background painted).
        struct Background: CustomStringConvertible {
            let colour: Colour?
            var description: String { colour?.description ?? "transparent" }
        }

        static func parseErrorCorrection(_ text: String) throws -> ErrorCorrection {
            guard let level = ErrorCorrection(rawValue: text.uppercased()) else {
                throw ValidationError("--ec must be L, M, Q or H, got `\(text)`")
            }
            return level
        }

        static func parseLength(_ text: String) throws -> PhysicalLength {
            guard let length = PhysicalLength(parsing: text) else {
                throw ValidationError("--size must be a number with a unit (25mm, 2.5cm, 1in, 72pt), got `\(text)`")
            }
            return length
        }

        static func parseColour(_ text: String) throws -> Colour {
            guard let colour = Colour(parsing: text) else {
                throw ValidationError("a colour is #RRGGBB or cmyk(C,M,Y,K) with percentages, got `\(text)`")
            }
            return colour
        }

        static func parseBackground(_ text: String) throws -> Background {
            text == "transparent" ? Background(colour: nil) : Background(colour: try parseColour(text))
        }

        /// An out-of-range style, named by the option that set it.
        static func optionMessage(_ error: ArtworkError) -> String {
            switch error {
            case .sizeOutOfRange(let size):
                return "--size \(size) is outside \(ArtworkStyle.sizeRange.lowerBound)...\(ArtworkStyle.sizeRange.upperBound)"
            case .dpiOutOfRange(let dpi):
                return "--dpi \(dpi) is outside \(ArtworkStyle.dpiRange.lowerBound)...\(ArtworkStyle.dpiRange.upperBound)"
            case .quietZoneOutOfRange(let modules):
                return "--quiet-zone \(modules) is outside \(ArtworkStyle.quietZoneRange.lowerBound)...\(ArtworkStyle.quietZoneRange.upperBound)"
            default:
                return error.description
            }
        }

        static func printError(_ message: String) {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        }
    }
}

import ArgumentParser
import Diagnostics
import Workspace

extension Qrops {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint, then write every output (artwork, manifest) into build/ atomically.",
            discussion: """
                Runs the same checks as `qrops lint` first, with the same output. With errors nothing \
                is written and the previous build stays as it was; otherwise the new build is written \
                beside the output folder and swapped in with one atomic rename, so a reader never sees \
                a half-written build. Artwork is rendered for active and paused codes; unchanged \
                artwork is reused from REPO/.qrops-cache/artwork. See docs/build.md.

                Exit status: 0 when the build was written, 1 when there are errors (or warnings with \
                --strict) and nothing was written, 2 for usage errors or a failure to write.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @Option(help: ArgumentHelp("The output folder, replaced as a whole. (default: REPO/build)", valueName: "dir"),
                completion: .directory)
        var out: String?
        @Flag(help: "Skip rendering artwork.")
        var noArtwork = false
        @Flag(help: "Check every artwork file left by the build before last instead of trusting its manifest.")
        var verifyArtwork = false
        @Flag(help: "Check and compile every file again instead of reusing the check and build caches (.qrops-cache/checks, .qrops-cache/build).")
        var noCache = false
        @Option(name: .shortAndLong, help: "Output format.")
        var format: DiagnosticFormat = .human
        @Flag(help: "Treat warnings as errors.")
        var strict = false
        @Flag(help: "Also print how long each phase took (to stderr).")
        var timings = false
        @OptionGroup var clock: ClockOptions

        func run() async throws {
            var request = BuildPipeline.Request(
                repository: repository.root, out: out, now: clock.now, at: clock.at == nil ? nil : clock.now,
                toolVersion: QropsVersion.current)
            request.artwork = !noArtwork
            request.verifyArtwork = verifyArtwork
            request.strict = strict
            if !noCache {
                request.checkCache = FileCheckCache.forRepository(repository.root, engine: request.engine)
                request.productCache = BuildProductCache.forRepository(repository.root)
            }
            let result: BuildPipeline.Result
            do {
                result = try await BuildPipeline.run(request)
            } catch {
                Console.standardError("error: \(error)\nbuild: nothing written; the previous build is unchanged\n")
                throw ExitCode(2)
            }
            DiagnosticOutput.write(result.diagnostics, filesChecked: result.filesChecked, format: format, root: repository.root)
            KeptUntilExit.keep(result)
            guard let summary = result.summary else {
                Console.standardError("build: nothing written; the previous build is unchanged\n")
                throw ExitCode(1)
            }
            Console.standardError(Self.line(summary))
            if timings {
                let phases = summary.timings.map { "\($0.phase) \(Int(($0.seconds * 1000).rounded())) ms" }
                let sealed = summary.artworkUnchanged ? " (staging sealed, artwork unchanged)"
                    : summary.artworkPatched ? " (staging sealed, artwork patched)" : summary.stagingSealed ? " (staging sealed)" : ""
                let memo = summary.tableCodesFromMemo > 0 ? " (.qrt: \(summary.tableCodesFromMemo) of \(summary.codes) codes from the writer's memo)" : ""
                Console.standardError("timings: " + phases.joined(separator: ", ") + sealed + memo + "\n")
            }
        }

        /// `built build/: 45 codes, 30 printed, 30 artwork files (rendered 2, reused 28), 32 files`
        static func line(_ summary: BuildPipeline.Summary) -> String {
            "built \(summary.out): \(summary.codes) codes, \(summary.printedCodes) printed, "
                + "\(summary.artworkFiles) artwork files (rendered \(summary.rendered), reused \(summary.reused)), "
                + "\(summary.files) files\n"
        }
    }
}

import ArgumentParser
import Diagnostics
import Rules
import Workspace

extension Qrops {
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every code and policy in the repository.",
            discussion: """
                Exit status: 0 when there are no errors, 1 when there are errors (or warnings with \
                --strict), 2 for usage errors or an internal failure. Human output goes to stderr; \
                json, sarif and github go to stdout.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @Option(name: .shortAndLong, help: "Output format.")
        var format: DiagnosticFormat = .human
        @Flag(help: "Treat warnings as errors.")
        var strict = false
        @OptionGroup var clock: ClockOptions

        func run() async throws {
            let result = await LintPipeline.run(root: repository.root, now: clock.now)
            DiagnosticOutput.write(result.diagnostics, filesChecked: result.filesChecked, format: format, root: repository.root)
            let failed = result.diagnostics.fails(strict: strict)
            KeptUntilExit.keep(result)
            if failed { throw ExitCode(1) }
        }
    }
}

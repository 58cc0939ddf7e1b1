import ArgumentParser
import Diagnostics
import GitAccess
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

                With --base REF, the rules that compare with the base of a pull request run too \
                (published-code-deleted, slug-changed, domain-changed, id-reused, retired-reactivated, \
                destination-change-needs-reason): the working tree is compared with the commit REF \
                names, read straight from git. Git problems (not a repository, unknown REF, a shallow \
                clone without REF) exit with 2.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @Option(name: .shortAndLong, help: "Output format.")
        var format: DiagnosticFormat = .human
        @Flag(help: "Treat warnings as errors.")
        var strict = false
        @OptionGroup var clock: ClockOptions
        @Option(name: .long, help: ArgumentHelp(
            "Also compare with this base (a branch, tag or commit, e.g. origin/main) and run the base rules.", valueName: "ref"))
        var base: String?
        @Flag(help: "Check every file again instead of reusing the check cache (.qrops-cache/checks).")
        var noCache = false

        func run() async throws {
            if let base {
                let comparison: BaseComparison
                do {
                    comparison = try await BaseComparisonPipeline.run(root: repository.root, ref: base, now: clock.now, headEngine: RuleEngine())
                } catch {
                    BaseOutput.report(error)
                    throw ExitCode(2)
                }
                let diagnostics = comparison.diagnostics
                DiagnosticOutput.write(diagnostics, filesChecked: comparison.head.filesChecked, format: format, root: repository.root,
                                       extraSources: BaseOutput.sources(for: diagnostics, comparison: comparison, root: repository.root))
                if diagnostics.fails(strict: strict) { throw ExitCode(1) }
                return
            }
            let engine = RuleEngine()
            let cache = noCache ? nil : FileCheckCache.forRepository(repository.root, engine: engine)
            let result = await LintPipeline.run(root: repository.root, now: clock.now, engine: engine, retention: .routing, cache: cache)
            cache?.save()
            DiagnosticOutput.write(result.diagnostics, filesChecked: result.filesChecked, format: format, root: repository.root)
            let failed = result.diagnostics.fails(strict: strict)
            KeptUntilExit.keep(result)
            if failed { throw ExitCode(1) }
        }
    }
}

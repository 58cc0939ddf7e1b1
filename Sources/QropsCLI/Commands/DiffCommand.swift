import ArgumentParser
import Diagnostics
import GitAccess
import Review
import Rules
import Workspace

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case human, markdown, json
}

extension Qrops {
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a pull request changes: every changed code, before → after, with its risk.",
            discussion: """
                Compiles the portfolio at --base (read straight from git objects: no checkout) and the \
                working tree, matches codes by id, and reports each code added, deleted or changed, \
                field by field, classified high, medium or low risk. The rules that compare with the base \
                run too. markdown is one pull-request comment; json has a stable schema (docs/diff.md).

                Exit status: 0 when there are no errors, 1 when the base rules (or reading the working \
                tree) report errors (or warnings with --strict), 2 for usage errors and git problems (not \
                a repository, unknown ref, a shallow clone without the base). The diff goes to stdout; \
                with the human format, findings go to stderr as `qrops lint` prints them.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The base to compare with: a branch, tag or commit (e.g. origin/main).", valueName: "ref"))
        var base: String
        @OptionGroup var repository: RepositoryOptions
        @Option(name: .shortAndLong, help: "Output format.")
        var format: DiffFormat = .human
        @Flag(help: "Treat warnings as errors.")
        var strict = false
        @OptionGroup var clock: ClockOptions

        func run() async throws {
            let comparison: BaseComparison
            do {
                comparison = try await BaseComparisonPipeline.run(
                    root: repository.root, ref: base, now: clock.now, headEngine: RuleEngine(rules: []))
            } catch {
                BaseOutput.report(error)
                throw ExitCode(2)
            }
            let report = DiffReport(
                baseRef: comparison.ref, baseCommit: comparison.commit, base: comparison.base, head: comparison.head.catalog,
                findings: comparison.diagnostics, baseProblems: comparison.baseProblems, uncommitted: comparison.uncommitted,
                incompleteHeadFiles: comparison.context.incompleteHeadFiles,
                classifier: RiskClassifier(probe: RoutingExpectationProbe(now: clock.now)))
            switch format {
            case .human:
                Console.standardOutput(HumanDiffRenderer().render(report))
                if !report.findings.isEmpty {
                    let shown = report.findings
                    DiagnosticOutput.write(shown, filesChecked: comparison.head.filesChecked, format: .human, root: repository.root,
                                           extraSources: BaseOutput.sources(for: shown, comparison: comparison, root: repository.root))
                }
            case .markdown:
                Console.standardOutput(MarkdownDiffRenderer().render(report))
            case .json:
                Console.standardOutput(JSONDiffRenderer(toolVersion: QropsVersion.current).render(report))
            }
            if report.findings.fails(strict: strict) { throw ExitCode(1) }
        }
    }
}

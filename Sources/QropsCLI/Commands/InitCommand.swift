import ArgumentParser
import Workspace

extension Qrops {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new portfolio repository: an example code, policies, .gitignore, CODEOWNERS and CI.",
            discussion: """
                Writes codes/ (one example code), policies/ (owners, domains, destinations, use cases, \
                compliance, naming, artwork), .gitignore, README.md, .github/CODEOWNERS, GitHub Actions \
                workflows (.github/workflows/qrops-lint.yml, qrops-diff.yml, qrops-build.yml and the \
                setup-qrops action) and .gitlab-ci.yml. DIR may be new, empty, or a fresh `git init` (only \
                .git). --force also writes into a non-empty folder, but never overwrites a file. The \
                result lints clean. Exit status: 0 written, 2 usage errors or a folder that cannot be used.
                """
        )

        @Argument(help: "The folder to create the portfolio in.", completion: .directory)
        var directory: String = "."
        @Flag(help: "Write into a non-empty folder too (existing files are kept, never overwritten).")
        var force = false
        @OptionGroup var clock: ClockOptions

        func run() throws {
            let outcome: ScaffoldWriter.Outcome
            do {
                outcome = try ScaffoldWriter.write(PortfolioTemplate.files(today: clock.now), into: directory, force: force)
            } catch {
                Console.standardError("error: \(error.message)\n" + (error.hint.map { "hint: \($0)\n" } ?? ""))
                throw ExitCode(2)
            }
            var text = "created a qrops portfolio in \(directory): \(outcome.written.count) files\n"
            for path in outcome.written { text += "  \(path)\n" }
            if !outcome.kept.isEmpty {
                text += "kept \(outcome.kept.count) existing files:\n"
                for path in outcome.kept { text += "  \(path)\n" }
            }
            text += "next: edit policies/ (owners, domains, destinations), then `qrops lint \(directory)`\n"
            Console.standardError(text)
        }
    }
}

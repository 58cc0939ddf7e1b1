import ArgumentParser
import GitAccess
import Review

enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

extension Qrops {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a code's life from git: every commit that changed it, who, when, and what.",
            discussion: """
                Walks the commits of HEAD that touched codes/ (oldest first; a merge is compared with its \
                first parent) and decodes the code with ID at each, following it across renames and moves \
                between files. Only committed history is shown. Exit status: 0 when the code has a \
                history, 1 when no commit ever held a code with that id, 2 for usage errors and git \
                problems (not a repository, no commits).
                """
        )

        @Argument(help: "The code's id, e.g. RET-EU-0001.")
        var id: String
        @OptionGroup var repository: RepositoryOptions
        @Option(name: .shortAndLong, help: "Output format.")
        var format: HistoryFormat = .human

        func validate() throws {
            if id.isEmpty || id.contains("\n") { throw ValidationError("the id must be one line of text") }
        }

        func run() throws {
            let history: CodeHistory
            do {
                let git = try GitRepository.open(repository.root)
                history = try CodeHistoryWalker(repository: git).history(of: id)
            } catch {
                BaseOutput.report(error)
                throw ExitCode(2)
            }
            switch format {
            case .human: Console.standardOutput(HumanHistoryRenderer().render(history))
            case .json: Console.standardOutput(JSONHistoryRenderer(toolVersion: QropsVersion.current).render(history))
            }
            if history.entries.isEmpty {
                if format == .human {
                    Console.standardError("error: no commit of HEAD has a code with the id `\(id)` under codes/\n")
                }
                throw ExitCode(1)
            }
        }
    }
}

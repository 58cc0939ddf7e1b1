import ArgumentParser
import Catalog
import Diagnostics
import Foundation
import Review
import Rules
import Workspace

extension Qrops {
    struct CodeOwners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "codeowners",
            abstract: "Write .github/CODEOWNERS: each code file reviewed by its owners' and compliance categories' reviewers.",
            discussion: """
                Paths in CODEOWNERS are relative to the git repository: when the portfolio is a sub-folder, \
                pass it as --path-prefix and write the file at the repository's .github/ with --output. \
                With --check nothing is written: the committed file is compared with what would be \
                generated. Exit status: 0 written or up to date, 1 out of date (--check), unusable \
                reviewers in the policies, or files that cannot be read, 2 usage errors and failures to write.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "Do not write: fail when the committed file is out of date (for CI).")
        var check = false
        @Option(name: .long, help: ArgumentHelp("Where CODEOWNERS is (default: REPO/.github/CODEOWNERS).", valueName: "file"))
        var output: String?
        @Option(name: .long, help: ArgumentHelp("Folder of the portfolio inside the git repository, put before every path.", valueName: "path"))
        var pathPrefix = ""
        @Option(name: .shortAndLong, help: "Format of the diagnostics.")
        var format: DiagnosticFormat = .human

        func run() async throws {
            let now = Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
            let result = await LintPipeline.run(root: repository.root, now: now, engine: RuleEngine(rules: []))
            let reading = Set(BuiltinChecks.descriptors.map(\.id)).subtracting([SchemaRule.duplicateID, SchemaRule.duplicateSlug])
            let problems = result.diagnostics.filter { $0.severity == .error && reading.contains($0.ruleID) }
            guard problems.isEmpty else {
                DiagnosticOutput.write(problems, filesChecked: result.filesChecked, format: format, root: repository.root)
                if format == .human { Console.standardError("error: CODEOWNERS needs a portfolio that reads without errors\n") }
                throw ExitCode(1)
            }
            let (text, diagnostics) = CodeOwnersWriter(pathPrefix: pathPrefix).render(result.catalog)
            let shownPath = output ?? ".github/CODEOWNERS"
            let filePath = output ?? repository.root + "/.github/CODEOWNERS"
            var findings = diagnostics
            if check {
                let committed = (try? Data(contentsOf: URL(fileURLWithPath: filePath))).map { String(decoding: $0, as: UTF8.self) }
                if let stale = CodeOwnersWriter.staleness(committed: committed, expected: text, path: shownPath) { findings.append(stale) }
            } else {
                do {
                    let url = URL(fileURLWithPath: filePath)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url, options: .atomic)
                } catch {
                    Console.standardError("error: cannot write \(filePath): \(error.localizedDescription)\n")
                    throw ExitCode(2)
                }
                if format == .human { Console.standardError("wrote \(shownPath)\n") }
            }
            if !findings.isEmpty || format != .human {
                DiagnosticOutput.write(findings, filesChecked: result.filesChecked, format: format, root: repository.root)
            }
            if findings.fails(strict: false) { throw ExitCode(1) }
            if check, format == .human { Console.standardError("\(shownPath) is up to date\n") }
        }
    }
}

import ArgumentParser
import Catalog
import Foundation
import Routing
import TableFormat
import Workspace

extension Qrops {
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the status and Location a scan of a short URL would get, and why.",
            discussion: """
                Compiles the repository's redirect table (refusing, like build, when lint reports errors \
                as of today; --at only sets when the simulated scan happens), \
                or reads a built one with --table (build/redirects.qrt, validated before use), and runs \
                the routing engine on one simulated scan. Exit status: 0 when the scan was answered \
                (a 404 is an answer), 1 when the repository has errors or the table is unusable, 2 for \
                usage errors.
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The scanned URL, e.g. https://qr.acme.example/cx1?src=box.")
        var url: String
        @OptionGroup var repository: RepositoryOptions
        @Option(name: .customLong("user-agent"), help: ArgumentHelp("The scanning browser's User-Agent.", valueName: "ua"))
        var userAgent: String?
        @Option(name: .customLong("accept-language"), help: ArgumentHelp("The Accept-Language header.", valueName: "header"))
        var acceptLanguage: String?
        @Option(help: ArgumentHelp("The visitor's country (ISO 3166-1 alpha-2), as the domain's country header carries it.", valueName: "cc"))
        var country: String?
        @Option(help: ArgumentHelp("The client identity that keeps splits sticky (servers use the client address).", valueName: "id"))
        var client: String?
        @Option(help: ArgumentHelp("Answer from a built table (build/redirects.qrt) instead of the repository.", valueName: "file"))
        var table: String?
        @OptionGroup var clock: ClockOptions
        @Option(name: .shortAndLong, help: "Output format.")
        var format: OutputFormat = .text

        func validate() throws {
            guard ScanRequest(url: url, at: 0) != nil else {
                throw ValidationError("`\(url)` is not a URL with a host (https://qr.acme.example/slug)")
            }
            if table != nil, repository.repo != "." {
                throw ValidationError("pass either a repository or --table, not both")
            }
        }

        func run() async throws {
            guard var request = ScanRequest(url: url, at: clock.now.seconds) else { throw ExitCode(2) }
            request.userAgent = userAgent
            request.acceptLanguage = acceptLanguage
            request.country = country
            request.client = client
            let answer: Resolution
            if let table {
                let reader: QRTReader
                do {
                    reader = try MappedTable.open(path: table, verification: .full)
                } catch {
                    Console.standardError("error: \(table): \(error.description)\n")
                    throw ExitCode(1)
                }
                answer = Router.resolve(request, in: reader)
            } else {
                // The repository is checked as of today; `--at` only moves the simulated scan.
                let today = Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
                let lint = await LintPipeline.run(root: repository.root, now: today)
                if lint.diagnostics.fails(strict: false) {
                    DiagnosticOutput.write(lint.diagnostics, filesChecked: lint.filesChecked, format: .human, root: repository.root)
                    throw ExitCode(1)
                }
                answer = Router.resolve(request, in: TableIndex(TableCompiler.compile(lint.catalog)))
            }
            switch format {
            case .text: Console.standardOutput(ResolutionRenderer.text(answer, request: request))
            case .json: Console.standardOutput(ResolutionRenderer.json(answer, request: request))
            }
        }
    }
}

import ArgumentParser
import Catalog
import Rules

extension Qrops {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a rule's documentation and examples, or list every rule.")

        @Argument(help: "A rule id such as `https-only`. Leave out to list every rule.")
        var rule: String?

        @Flag(help: "Print the whole rule reference as Markdown (docs/rules.md).")
        var markdown = false

        func validate() throws {
            if markdown, rule != nil { throw ValidationError("--markdown prints every rule; leave out the rule id") }
        }

        func run() throws {
            if markdown {
                Console.standardOutput(RuleDocumentation.markdown(buildChecks: KnownChecks.buildChecks))
                return
            }
            guard let rule else {
                Console.standardOutput(RuleDocumentation.list(buildChecks: KnownChecks.buildChecks))
                return
            }
            guard let text = RuleDocumentation.explain(rule, buildChecks: KnownChecks.buildChecks) else {
                let known = KnownChecks.all.map(\.id)
                let hint = DidYouMean.suggest(rule, among: known).map { " Did you mean `\($0)`?" } ?? ""
                Console.standardError("error: there is no rule `\(rule)`.\(hint) Run `qrops explain` to list every rule.\n")
                throw ExitCode(1)
            }
            Console.standardOutput(text)
        }
    }
}

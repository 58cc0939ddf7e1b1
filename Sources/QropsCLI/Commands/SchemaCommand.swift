import ArgumentParser
import Catalog
import Diagnostics
import Foundation

extension Qrops {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write JSON Schemas for code files and policy files, for editor completion.",
            discussion: """
                Writes code-file, defaults-file and policy-file .schema.json into --out (default: schema/). \
                Point VS Code's YAML extension at them with a first line such as
                  # yaml-language-server: $schema=../../schema/code-file.schema.json
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable { case code, defaults, policy }

        @Argument(help: "Print only one schema to standard output: code, defaults or policy.")
        var kind: Kind?

        @Option(name: .shortAndLong, help: "Folder to write both schemas into.")
        var out: String = "schema"

        func run() throws {
            if let kind {
                let schema = switch kind {
                case .code: FormatSchema.codeFile()
                case .defaults: FormatSchema.defaultsFile()
                case .policy: FormatSchema.policyFile()
                }
                Console.standardOutput(JSONWriter.write(schema))
                return
            }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try Data(JSONWriter.write(FormatSchema.codeFile()).utf8).write(to: URL(fileURLWithPath: out + "/code-file.schema.json"))
                try Data(JSONWriter.write(FormatSchema.defaultsFile()).utf8).write(to: URL(fileURLWithPath: out + "/defaults-file.schema.json"))
                try Data(JSONWriter.write(FormatSchema.policyFile()).utf8).write(to: URL(fileURLWithPath: out + "/policy-file.schema.json"))
            } catch {
                Console.standardError("error: cannot write the schemas into \(out): \(error.localizedDescription)\n")
                throw ExitCode(1)
            }
            Console.standardOutput("wrote \(out)/code-file.schema.json, defaults-file.schema.json and policy-file.schema.json\n")
        }
    }
}

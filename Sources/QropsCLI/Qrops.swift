import ArgumentParser
import Foundation

/// The `qrops` command: dynamic QR codes as code.
public struct Qrops: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qrops",
        abstract: "Manage dynamic QR codes the GitOps way: lint, build, render, resolve.",
        version: QropsVersion.current,
        subcommands: [
            Lint.self,
            Diff.self,
            History.self,
            CodeOwners.self,
            Init.self,
            Build.self,
            Explain.self,
            Schema.self,
            Render.self,
            Resolve.self,
        ]
    )

    public init() {}

    /// Process-wide settings, before any other work (see `AllocatorTuning`).
    public static func prepareProcess() {
        AllocatorTuning.apply()
    }

    /// Runs the command line with qrops' exit-code contract: 0 success, 1 findings (thrown as
    /// `ExitCode(1)` by the commands), 2 usage errors and internal failures.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

public enum QropsVersion {
    public static let current = "0.1.0"
}

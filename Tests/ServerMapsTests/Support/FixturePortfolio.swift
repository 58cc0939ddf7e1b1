import Catalog
import Diagnostics
import Foundation
import Routing
import Workspace

enum FixturePaths {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let routing = root.appendingPathComponent("Tests/Fixtures/routing")
    static let portfolio = routing.appendingPathComponent("portfolio")
}

/// The fixture portfolio that uses every routing feature, linted and compiled the way
/// `qrops build` and `qrops resolve` do it.
enum FixturePortfolio {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The lint must be clean (no errors); the table is what the build would emit from.
    static func table(now: Int64) async throws -> RedirectTable {
        let result = await LintPipeline.run(root: FixturePaths.portfolio.path, now: Instant(seconds: now))
        let errors = result.diagnostics.filter { $0.severity == .error && !$0.isSuppressed }
        guard errors.isEmpty else {
            throw Failure(description: "the fixture portfolio does not lint clean:\n" + errors.map { "\($0.location): \($0.message) [\($0.ruleID)]" }.joined(separator: "\n"))
        }
        return TableCompiler.compile(result.catalog)
    }
}

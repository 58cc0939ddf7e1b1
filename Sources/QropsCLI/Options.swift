import ArgumentParser
import Catalog
import Foundation

/// The repository a command works on.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The portfolio repository (a folder with codes/ and policies/).", completion: .directory)
    var repo: String = "."

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repo, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("`\(repo)` is not a folder; pass the portfolio repository (the folder holding codes/ and policies/)")
        }
    }

    /// The repository path without a trailing slash.
    var root: String {
        var path = repo
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// `--at TIME`: evaluate time-dependent behaviour as of an instant instead of now.
struct ClockOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Evaluate as of this date or RFC 3339 instant instead of now.", valueName: "time"))
    var at: String?

    func validate() throws {
        if let at, Instant.parse(at) == nil {
            throw ValidationError("--at: `\(at)` is not a date (2026-03-01) or an RFC 3339 instant (2026-03-01T09:00:00Z)")
        }
    }

    var now: Instant {
        if let at, let instant = Instant.parse(at) { return instant }
        return Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, sarif, github
}

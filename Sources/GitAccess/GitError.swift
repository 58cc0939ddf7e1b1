import Foundation

/// What can go wrong talking to git, each with a message and a hint for the person at the
/// terminal or reading the CI log. The CLI prints them as `error: ...` / `hint: ...` on stderr
/// and exits with status 2: they are about the environment, not about the portfolio.
public enum GitError: Error, Sendable, Equatable {
    /// No `git` on `PATH`.
    case gitNotFound
    /// The folder is not inside a git work tree.
    case notARepository(path: String)
    /// The folder is inside a bare repository (or `.git` itself): there is no working tree.
    case notAWorkTree(path: String)
    /// git refuses a repository owned by another user (`safe.directory`).
    case dubiousOwnership(path: String)
    /// The revision does not name a commit.
    case unknownRef(ref: String)
    /// The revision does not name a commit, and the clone is shallow: the base was probably not
    /// fetched.
    case refMissingInShallowClone(ref: String)
    /// The repository has no commits yet.
    case noCommits(path: String)
    /// Any other failure of a git command.
    case commandFailed(command: String, status: Int32, message: String)
    /// git answered something qrops does not understand.
    case malformedOutput(command: String, detail: String)

    public var message: String {
        switch self {
        case .gitNotFound:
            "git is not installed (no `git` on PATH)"
        case .notARepository(let path):
            "`\(path)` is not in a git repository"
        case .notAWorkTree(let path):
            "`\(path)` is in a bare git repository, which has no working tree to compare"
        case .dubiousOwnership(let path):
            "git refuses to read `\(path)`: the repository belongs to another user"
        case .unknownRef(let ref):
            "`\(ref)` does not name a commit in this repository"
        case .refMissingInShallowClone(let ref):
            "`\(ref)` is not in this shallow clone: its history was not fetched"
        case .noCommits(let path):
            "the git repository at `\(path)` has no commits yet"
        case .commandFailed(let command, let status, let message):
            "`\(command)` failed (exit status \(status))" + (message.isEmpty ? "" : ": " + message)
        case .malformedOutput(let command, let detail):
            "unexpected output from `\(command)`: \(detail)"
        }
    }

    public var hint: String? {
        switch self {
        case .gitNotFound:
            "install git (Debian: `apt-get install git`) or put it on PATH"
        case .notARepository:
            "run qrops inside a clone of the portfolio repository (or `git init` it first)"
        case .notAWorkTree:
            "pass the folder of a normal clone, not the bare repository"
        case .dubiousOwnership(let path):
            "if you trust it: `git config --global --add safe.directory \(path)` (in containers, CI often needs this)"
        case .unknownRef(let ref):
            "check the spelling, or fetch it first: `git fetch origin \(Self.branchName(ref))`; `git branch -a` lists what is there"
        case .refMissingInShallowClone(let ref):
            "fetch the full history: with actions/checkout set `fetch-depth: 0`; elsewhere run `git fetch --unshallow` "
                + "(or `git fetch origin \(Self.branchName(ref))`)"
        case .noCommits:
            "commit the portfolio first"
        case .commandFailed, .malformedOutput:
            nil
        }
    }

    /// `origin/main` → `main`, for `git fetch origin <branch>` hints.
    static func branchName(_ ref: String) -> String {
        ref.hasPrefix("origin/") ? String(ref.dropFirst("origin/".count)) : ref
    }

    /// The text the CLI prints: `error: ...` and, when there is one, `hint: ...`.
    public var rendered: String {
        "error: " + message + "\n" + (hint.map { "hint: " + $0 + "\n" } ?? "")
    }

    /// Turns a failed command into the most specific error its stderr allows.
    static func classify(command: String, status: Int32, stderr: String, directory: String) -> GitError {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("not a git repository") { return .notARepository(path: directory) }
        if text.contains("must be run in a work tree") { return .notAWorkTree(path: directory) }
        if text.contains("dubious ownership") { return .dubiousOwnership(path: directory) }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        return .commandFailed(command: command, status: status, message: firstLine)
    }
}

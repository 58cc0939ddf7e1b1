/// Commits that touched some paths, with what each changed, from one `git log` (oldest first,
/// parents before children, parents rewritten to the commits shown, each commit compared with
/// its first parent, renames detected).
struct GitLog {
    struct FileChange: Sendable, Hashable {
        /// `A`, `M`, `D`, `R`, `C`, `T` (the first letter of git's status).
        var status: Character
        /// The path before (for `R` and `C`) and the path the status is about.
        var source: String?
        var path: String
    }

    struct Commit: Sendable {
        var id: String
        var parents: [String]
        var author: String
        var email: String
        var date: String
        var subject: String
        var changes: [FileChange]
    }

    static let recordMarker: UInt8 = 0x01
    /// `%x01` starts a record; fields are NUL-separated; `-z` ends the header with NUL NUL.
    static let format = "--format=%x01%H %P%x00%an%x00%ae%x00%aI%x00%s%x00"

    static func arguments(paths: [String]) -> [String] {
        ["log", "HEAD", "--reverse", "--topo-order", "--parents", format, "--name-status", "-z", "-M",
         "--diff-merges=first-parent", "--"] + paths
    }

    static func parse(_ output: [UInt8]) throws(GitError) -> [Commit] {
        var commits: [Commit] = []
        for record in output.split(separator: recordMarker, omittingEmptySubsequences: true) {
            let tokens = record.split(separator: 0, omittingEmptySubsequences: false).map { token -> String in
                var text = String(decoding: token, as: UTF8.self)
                while text.hasPrefix("\n") { text.removeFirst() }
                return text
            }
            guard tokens.count >= 5 else {
                throw GitError.malformedOutput(command: "git log", detail: "a commit record with \(tokens.count) fields")
            }
            let ids = tokens[0].split(separator: " ").map(String.init)
            guard let id = ids.first else { throw GitError.malformedOutput(command: "git log", detail: "a commit without an id") }
            var changes: [FileChange] = []
            var rest = tokens.dropFirst(5).filter { !$0.isEmpty }[...]
            while let status = rest.popFirst() {
                guard let letter = status.first else { continue }
                if letter == "R" || letter == "C" {
                    guard let source = rest.popFirst(), let path = rest.popFirst() else { break }
                    changes.append(FileChange(status: letter, source: source, path: path))
                } else {
                    guard let path = rest.popFirst() else { break }
                    changes.append(FileChange(status: letter, source: nil, path: path))
                }
            }
            commits.append(Commit(id: id, parents: Array(ids.dropFirst()), author: tokens[1], email: tokens[2],
                                  date: tokens[3], subject: tokens[4], changes: changes))
        }
        return commits
    }
}

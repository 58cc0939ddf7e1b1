/// A portfolio inside a git work tree: where it sits in the repository, and the few questions
/// qrops asks git about it. The portfolio may be a sub-folder of the repository; paths given
/// to and returned by this type are relative to the portfolio root.
public struct GitRepository: Sendable {
    public let git: Git
    /// The work tree's top level (absolute).
    public let topLevel: String
    /// The portfolio folder relative to the top level: `""` or `some/folder/`.
    public let prefix: String
    public let isShallow: Bool
    public let objectFormat: GitObjectFormat

    /// Opens the repository holding `path`, or explains why there is none.
    public static func open(_ path: String) throws(GitError) -> GitRepository {
        let git = try Git(directory: path)
        let output = try git.capture(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--show-object-format"])
        guard output.status == 0 else {
            throw GitError.classify(command: "git rev-parse --show-toplevel", status: output.status, stderr: output.stderr, directory: path)
        }
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4 else {
            throw GitError.malformedOutput(command: "git rev-parse", detail: "expected four lines, got \(lines.count)")
        }
        return GitRepository(
            git: git, topLevel: String(lines[0]), prefix: String(lines[1]), isShallow: lines[2] == "true",
            objectFormat: GitObjectFormat(rawValue: String(lines[3])) ?? .sha1)
    }

    /// The full id of the commit `ref` names. An unknown ref in a shallow clone is reported as
    /// such, with the `fetch-depth: 0` hint.
    public func resolveCommit(_ ref: String) throws(GitError) -> String {
        guard !ref.isEmpty, !ref.contains("\n") else { throw GitError.unknownRef(ref: ref) }
        let output = try git.capture(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        if output.status == 0 {
            return String(decoding: output.stdout, as: UTF8.self).trimmingNewlines
        }
        if !output.stderr.isEmpty, output.stderr.contains("not a git repository") || output.stderr.contains("dubious ownership") {
            throw GitError.classify(command: "git rev-parse", status: output.status, stderr: output.stderr, directory: git.directory)
        }
        if isShallow { throw GitError.refMissingInShallowClone(ref: ref) }
        if ref == "HEAD", try git.capture(["rev-parse", "--verify", "--quiet", "HEAD"]).status != 0 {
            throw GitError.noCommits(path: topLevel)
        }
        throw GitError.unknownRef(ref: ref)
    }

    /// Every blob under the portfolio's `folders` at `commit`, relative to the portfolio root.
    public func listTree(commit: String, folders: [String]) throws(GitError) -> [GitTreeEntry] {
        let pathspecs = folders.map { ":(top,literal)" + prefix + $0 }
        let output = try git.run(["ls-tree", "-r", "-z", "--full-tree", commit, "--"] + pathspecs)
        return try GitTreeEntry.parse(output, prefix: prefix)
    }

    /// The contents of many objects through one `git cat-file --batch`; nil where git has none.
    public func readObjects(_ names: [String]) throws(GitError) -> [[UInt8]?] {
        try CatFileBatch.read(names, with: git)
    }

    /// `<commit>:<path>` for a portfolio path, the name `git cat-file` takes.
    public func objectName(commit: String, path: String) -> String {
        commit + ":" + prefix + path
    }

    /// Files under the portfolio's `folders` that differ from `HEAD` in the working tree or the
    /// index, or are untracked (relative to the portfolio root).
    public func uncommittedChanges(folders: [String]) throws(GitError) -> [String] {
        let pathspecs = folders.map { ":(top,literal)" + prefix + $0 }
        let output = try git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"] + pathspecs)
        var paths: [String] = []
        var skipNext = false
        for record in output.split(separator: 0, omittingEmptySubsequences: true) {
            if skipNext {
                skipNext = false
                continue
            }
            guard record.count > 3 else { continue }
            let status = record.prefix(2)
            // A rename or copy is followed by its source path.
            if status.contains(UInt8(ascii: "R")) || status.contains(UInt8(ascii: "C")) { skipNext = true }
            // Paths in `git status` are relative to the top level.
            let path = String(decoding: record.dropFirst(3), as: UTF8.self)
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}

import Catalog
import Diagnostics
import Review
import Workspace
import YAMLTree

/// Builds a code's history from git (`qrops history ID`): walks the commits that touched
/// `codes/` (one `git log`, oldest first, merges compared with their first parent, renames
/// detected), and at each one decodes the code with that id from the commit's blobs (with the
/// `_defaults.yaml` chain of its folder, as lint does) wherever it may now be: its previous file,
/// that file's new name, or any file the commit added or changed that mentions the id. A commit
/// enters the history when the code's fields or file changed.
public struct CodeHistoryWalker: Sendable {
    public let repository: GitRepository

    public init(repository: GitRepository) {
        self.repository = repository
    }

    /// The code's state after a commit: where it is and its fields.
    private struct State {
        var file: String
        var fields: [FieldValue]
    }

    public func history(of id: String) throws(GitError) -> CodeHistory {
        _ = try repository.resolveCommit("HEAD")
        let prefix = repository.prefix
        let output = try repository.git.run(GitLog.arguments(paths: [":(top,literal)" + prefix + "codes"]))
        let commits = try GitLog.parse(output)
        let needle = Array(id.utf8)
        var states: [String: State?] = [:]
        var everExisted = false
        var entries: [HistoryEntry] = []
        for commit in commits {
            let previous = commit.parents.first.flatMap { states[$0] ?? nil }
            let changes = commit.changes.compactMap { change -> GitLog.FileChange? in
                guard change.path.hasPrefix(prefix) else { return nil }
                return GitLog.FileChange(status: change.status, source: change.source.map { String($0.dropFirst(prefix.count)) },
                                         path: String(change.path.dropFirst(prefix.count)))
            }
            let state = try locate(id, needle: needle, at: commit.id, previous: previous, changes: changes)
            states[commit.id] = .some(state)
            guard let entry = entry(commit, before: previous, after: state, everExisted: everExisted) else { continue }
            if state != nil { everExisted = true }
            entries.append(entry)
        }
        let head = commits.last.flatMap { states[$0.id] ?? nil }
        let uncommitted = try repository.uncommittedChanges(folders: ["codes"])
        return CodeHistory(id: id, entries: entries, isShallow: repository.isShallow, uncommitted: uncommitted, currentFile: head?.file)
    }

    private func entry(_ commit: GitLog.Commit, before: State?, after: State?, everExisted: Bool) -> HistoryEntry? {
        let event: HistoryEntry.Event
        let fields: [FieldChange]
        switch (before, after) {
        case (nil, nil):
            return nil
        case (nil, let after?):
            event = everExisted ? .restored : .created
            fields = FieldChange.between([], after.fields)
        case (.some, nil):
            event = .deleted
            fields = []
        case (let before?, let after?):
            fields = FieldChange.between(before.fields, after.fields)
            if !fields.isEmpty {
                event = .modified
            } else if before.file != after.file {
                event = .moved
            } else {
                return nil
            }
        }
        return HistoryEntry(commit: commit.id, parents: commit.parents, author: commit.author, email: commit.email,
                            date: commit.date, subject: commit.subject, event: event, file: after?.file,
                            previousFile: before?.file, fields: fields)
    }

    /// Where the code is after `commit`, and its fields.
    private func locate(_ id: String, needle: [UInt8], at commit: String, previous: State?,
                        changes: [GitLog.FileChange]) throws(GitError) -> State? {
        var followed = previous?.file
        var touched = false
        if let file = previous?.file {
            for change in changes {
                if change.source == file, change.status == "R" {
                    followed = change.path
                    touched = true
                } else if change.path == file {
                    touched = true
                    if change.status == "D" { followed = nil }
                } else if Self.isDefaults(change.path), file.hasPrefix(Self.folder(of: change.path) + "/") {
                    touched = true
                }
            }
            if !touched { return previous }
        }
        // Candidates: the followed file first, then every code file the commit added or changed.
        var candidates: [String] = followed.map { [$0] } ?? []
        for change in changes where change.status != "D" && Self.isCodeFile(change.path) && !candidates.contains(change.path) {
            candidates.append(change.path)
        }
        guard !candidates.isEmpty else { return nil }
        let blobs = try repository.readObjects(candidates.map { repository.objectName(commit: commit, path: $0) })
        for (path, bytes) in zip(candidates, blobs) {
            guard let bytes, bytes.contains(needle) else { continue }
            if let fields = try decode(id, bytes: bytes, path: path, at: commit) { return State(file: path, fields: fields) }
        }
        return nil
    }

    /// Decodes `path` at `commit` under its `_defaults.yaml` chain and returns the fields of the
    /// code with `id`, if the file has it.
    private func decode(_ id: String, bytes: [UInt8], path: String, at commit: String) throws(GitError) -> [FieldValue]? {
        var folders: [String] = []
        var folder = Self.folder(of: path)
        while !folder.isEmpty {
            folders.insert(folder, at: 0)
            folder = Self.folder(of: folder)
        }
        let defaultsPaths = folders.flatMap { [$0 + "/_defaults.yaml", $0 + "/_defaults.yml"] }
        let defaultsBlobs = try repository.readObjects(defaultsPaths.map { repository.objectName(commit: commit, path: $0) })
        var files = FileTable()
        var inherited: YAMLNode?
        for (defaultsPath, blob) in zip(defaultsPaths, defaultsBlobs) {
            guard let blob else { continue }
            let loaded = YAMLLoader.load(blob, path: defaultsPath, fileID: files.add(defaultsPath))
            if let root = loaded.document?.root, root.entries != nil { inherited = CodeFileDecoder.merged(root, over: inherited) }
        }
        let loaded = YAMLLoader.load(bytes, path: path, fileID: files.add(path))
        guard let document = loaded.document else { return nil }
        let codes = CodeFileDecoder.decode(document, inherited: inherited, files: files).codes
        return codes.first { $0.id.value == id }.map { CodeFields.values(of: $0, policies: nil) }
    }

    static func isDefaults(_ path: String) -> Bool {
        path.hasPrefix("codes/") && (path.hasSuffix("/_defaults.yaml") || path.hasSuffix("/_defaults.yml"))
    }

    static func isCodeFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[0] == "codes", let name = parts.last, RepositoryListing.isYAML(name),
              !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        return !isDefaults(path)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

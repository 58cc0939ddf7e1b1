import Catalog
import Diagnostics
import Workspace

/// A portfolio as it is at a commit, read straight from git objects: no checkout, no temporary
/// clone. `codes/` and `policies/` are listed with one `git ls-tree -r -z`, and the blobs needed
/// are read up front with one `git cat-file --batch`. Immutable afterwards, so it can be shared
/// by the pipeline's parallel readers.
public struct GitTreeSource: RepositorySource {
    public let commit: String
    /// How notes and messages name this commit (the ref the user gave, e.g. `origin/main`).
    public let ref: String
    /// Every YAML-relevant blob under `codes/` and `policies/`, by portfolio path.
    public let entries: [String: GitTreeEntry]
    private let blobs: [String: [UInt8]]

    /// Lists the tree at `commit`, then reads the blobs of the paths `fetch` accepts (all of them
    /// by default). Paths it declines cannot be read afterwards: the caller takes their contents
    /// from elsewhere (see `BaseComparison`).
    public init(repository: GitRepository, commit: String, ref: String,
                fetch: (GitTreeEntry) -> Bool = { _ in true }) throws(GitError) {
        let listed = try repository.listTree(commit: commit, folders: ["codes", "policies"])
        try self.init(repository: repository, commit: commit, ref: ref, entries: listed, fetch: fetch)
    }

    /// The same from an existing listing.
    public init(repository: GitRepository, commit: String, ref: String, entries listed: [GitTreeEntry],
                fetch: (GitTreeEntry) -> Bool = { _ in true }) throws(GitError) {
        self.commit = commit
        self.ref = ref
        var entries: [String: GitTreeEntry] = [:]
        entries.reserveCapacity(listed.count)
        for entry in listed { entries[entry.path] = entry }
        self.entries = entries
        let wanted = listed.filter { $0.kind == .file && fetch($0) }
        let contents = try repository.readObjects(wanted.map(\.object))
        var blobs: [String: [UInt8]] = [:]
        blobs.reserveCapacity(wanted.count)
        for (entry, bytes) in zip(wanted, contents) {
            if let bytes { blobs[entry.path] = bytes }
        }
        self.blobs = blobs
    }

    public func list() -> RepositoryListing {
        let paths = Array(entries.keys)
        return RepositoryListing(
            paths: paths,
            hasPolicies: paths.contains { $0.hasPrefix("policies/") },
            hasCodes: paths.contains { $0.hasPrefix("codes/") })
    }

    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        if let bytes = blobs[path] {
            guard bytes.count <= DiskRepository.maxFileBytes else {
                return .failure(unreadable(path, "it is \(bytes.count) bytes; the limit is \(DiskRepository.maxFileBytes) bytes"))
            }
            return .success(bytes)
        }
        switch entries[path]?.kind {
        case .symlink?: return .failure(unreadable(path, "it is a symbolic link in git"))
        case .file?: return .failure(unreadable(path, "its blob was not read from git"))
        case nil: return .failure(unreadable(path, "there is no such file"))
        }
    }

    private func unreadable(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.error, SchemaRule.fileUnreadable, "cannot read \(path) at \(ref): \(reason)", at: .file(ref + ":" + path))
    }
}

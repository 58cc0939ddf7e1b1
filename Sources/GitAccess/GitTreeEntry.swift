/// One file of a commit's tree, as `git ls-tree -r` lists it.
public struct GitTreeEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file
        case symlink
    }

    /// Relative to the portfolio root (not to the git top level), `/`-separated.
    public var path: String
    public var object: String
    public var kind: Kind

    public init(path: String, object: String, kind: Kind) {
        self.path = path
        self.object = object
        self.kind = kind
    }

    /// Parses `git ls-tree -r -z` output: `<mode> SP <type> SP <object> TAB <path> NUL` per entry.
    /// Submodules (`commit` entries) are skipped; paths outside `prefix` are dropped and the
    /// prefix is removed from the others.
    static func parse(_ output: [UInt8], prefix: String) throws(GitError) -> [GitTreeEntry] {
        var entries: [GitTreeEntry] = []
        for record in output.split(separator: 0, omittingEmptySubsequences: true) {
            guard let tab = record.firstIndex(of: 0x09) else {
                throw GitError.malformedOutput(command: "git ls-tree", detail: "an entry without a tab")
            }
            let fields = record[record.startIndex..<tab].split(separator: 0x20)
            guard fields.count == 3 else { throw GitError.malformedOutput(command: "git ls-tree", detail: "an entry without mode, type and object") }
            let mode = String(decoding: fields[0], as: UTF8.self)
            let type = String(decoding: fields[1], as: UTF8.self)
            guard type == "blob" else { continue }
            let fullPath = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard fullPath.hasPrefix(prefix) else { continue }
            entries.append(GitTreeEntry(
                path: String(fullPath.dropFirst(prefix.count)),
                object: String(decoding: fields[2], as: UTF8.self),
                kind: mode == "120000" ? .symlink : .file))
        }
        return entries
    }
}

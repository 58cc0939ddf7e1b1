import Diagnostics
import GitAccess
import Workspace

/// Helpers for the commands that compare with a base (`lint --base`, `diff`).
enum BaseOutput {
    /// The base's text of every `REF:path` file a diagnostic or note points into, for code frames:
    /// the blob read from git, or the working-tree file when it was identical (and reused).
    static func sources(for diagnostics: [Diagnostic], comparison: BaseComparison, root: String) -> [String: SourceText] {
        let prefix = comparison.ref + ":"
        var files = Set<String>()
        for diagnostic in diagnostics where !diagnostic.isSuppressed {
            files.insert(diagnostic.location.file)
            for note in diagnostic.notes { if let location = note.location { files.insert(location.file) } }
        }
        var sources: [String: SourceText] = [:]
        let disk = DiskRepository(root: root)
        for file in files where file.hasPrefix(prefix) {
            let path = String(file.dropFirst(prefix.count))
            var bytes = comparison.baseTexts[path]
            if bytes == nil, case .success(let read) = disk.read(path) { bytes = read }
            if let bytes { sources[file] = SourceText(path: file, text: String(decoding: bytes, as: UTF8.self)) }
        }
        return sources
    }

    /// Prints a git problem (`error: ...`, `hint: ...`) to stderr; the caller exits with 2.
    static func report(_ error: GitError) {
        Console.standardError(error.rendered)
    }
}

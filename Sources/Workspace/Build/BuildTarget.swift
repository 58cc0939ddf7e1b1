import Foundation

/// The folder a build replaces, checked before anything is written: replacing a folder deletes
/// what was in it, so only a previous build (or an empty folder, or one holding just
/// `README.md`) may be replaced, and never the repository or its sources.
public struct BuildTarget: Sendable {
    /// The output folder as the user wrote it (or `REPO/build`).
    public let path: String

    public static let manifestName = "manifest.json"
    public static let readmeName = "README.md"
    /// The compact redirect table (docs/table-format.md) and the same content as JSON.
    public static let tableName = "redirects.qrt"
    public static let tableJSONName = "redirects.json"
    /// Written when the folder has no README of its own (the same text as the committed
    /// `build/README.md` of a new portfolio).
    public static let defaultReadme = "Output of `qrops build` (not committed). See the README.\n"
    /// How a previous build's manifest identifies itself.
    static let manifestMarker = Array(#""format": "qrops-build-manifest""#.utf8)

    /// Checks `out` (default `REPO/build`) against `repository`.
    public static func resolve(out: String?, repository: String) throws -> BuildTarget {
        var path = out ?? (repository == "/" ? "/build" : repository + "/build")
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let target = canonical(path)
        let repo = canonical(repository)
        func refuse(_ reason: String) -> BuildError { .refusedOutput(path: path, reason: reason) }
        if target == repo || repo.hasPrefix(target == "/" ? "/" : target + "/") {
            throw refuse("it holds the repository; choose a folder inside it, such as \(repository)/build")
        }
        for source in ["codes", "policies", ".qrops-cache", ".git"] where target == repo + "/" + source || target.hasPrefix(repo + "/" + source + "/") {
            throw refuse("it is inside the repository's `\(source)` folder")
        }
        switch FileOps.kind(of: path) {
        case .missing:
            break
        case .link:
            throw refuse("it is a symbolic link; pass the real folder, which the build replaces")
        case .other:
            throw refuse("it is not a folder")
        case .folder:
            guard isReplaceable(path) else {
                throw refuse("it is not empty and holds no qrops build (no `manifest.json` from `qrops build`); the build replaces the whole folder")
            }
        }
        return BuildTarget(path: path)
    }

    /// Empty, holding only `README.md`, or holding a manifest written by `qrops build`.
    static func isReplaceable(_ folder: String) -> Bool {
        guard let fd = try? FileOps.openFolder(folder) else { return false }
        defer { close(fd) }
        guard let names = try? FileOps.names(in: fd, path: folder) else { return false }
        if names.allSatisfy({ $0 == readmeName }) { return true }
        // The marker's key sorts after `files`, so it is in the manifest's last lines.
        guard names.contains(manifestName), let tail = FileOps.readTail(manifestName, in: fd, count: 4096) else { return false }
        return Data(tail).range(of: Data(manifestMarker)) != nil
    }

    /// The README the new build carries: the current one's bytes when there is one (so a
    /// committed `build/README.md` stays unchanged), else `defaultReadme`.
    public func readme() -> [UInt8] {
        guard let fd = try? FileOps.openFolder(path) else { return Array(Self.defaultReadme.utf8) }
        defer { close(fd) }
        return FileOps.read(Self.readmeName, in: fd, limit: 1 << 20) ?? Array(Self.defaultReadme.utf8)
    }

    /// An absolute path with symbolic links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute
        var rest: [String] = []
        while existing != "/", FileOps.kind(of: existing) == .missing {
            let url = URL(fileURLWithPath: existing)
            rest.insert(url.lastPathComponent, at: 0)
            existing = url.deletingLastPathComponent().path
        }
        let resolved = realpath(existing, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing
        var parts = resolved.split(separator: "/").map(String.init)
        for part in rest {
            switch part {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

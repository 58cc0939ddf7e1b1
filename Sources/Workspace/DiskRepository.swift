import Catalog
import Diagnostics
import Foundation

/// A portfolio in a folder on disk: the I/O edge.
public struct DiskRepository: RepositorySource {
    public static let maxFileBytes = 64 << 20
    public let root: String

    public init(root: String) {
        var path = root
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.root = path
    }

    public func list() -> RepositoryListing {
        let manager = FileManager.default
        var found: [String] = []
        var hasPolicies = false
        var hasCodes = false
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root + "/policies", isDirectory: &isDirectory), isDirectory.boolValue {
            hasPolicies = true
            for name in (try? manager.contentsOfDirectory(atPath: root + "/policies")) ?? [] {
                found.append("policies/" + name)
            }
        }
        if manager.fileExists(atPath: root + "/codes", isDirectory: &isDirectory), isDirectory.boolValue {
            hasCodes = true
            walk(root + "/codes", relative: "codes", into: &found, manager: manager)
        }
        return RepositoryListing(paths: found, hasPolicies: hasPolicies, hasCodes: hasCodes)
    }

    private func walk(_ absolute: String, relative: String, into found: inout [String], manager: FileManager) {
        guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = absolute + "/" + name
            var isDirectory: ObjCBool = false
            // A dangling link is listed as a file, so that reading it reports the problem.
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                walk(path, relative: relative + "/" + name, into: &found, manager: manager)
            } else {
                found.append(relative + "/" + name)
            }
        }
    }

    /// Reads a file, or explains why it cannot be read.
    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        let fd = open(root + "/" + path, O_RDONLY)
        guard fd >= 0 else { return .failure(unreadable(path, String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(unreadable(path, String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(unreadable(path, "it is not a regular file")) }
        let size = Int(info.st_size)
        guard size <= Self.maxFileBytes else {
            return .failure(unreadable(path, "it is \(size) bytes; the limit is \(Self.maxFileBytes) bytes"))
        }
        switch FileOps.readBytes(fd, count: size) {
        case .success(let bytes): return .success(bytes)
        case .failure(let failure): return .failure(unreadable(path, String(cString: strerror(failure.errno))))
        }
    }

    private func unreadable(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.error, SchemaRule.fileUnreadable, "cannot read \(path): \(reason)", at: .file(path),
                   hint: "check the file's permissions and type")
    }
}

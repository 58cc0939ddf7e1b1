import Catalog
import Diagnostics
import Foundation

/// The I/O edge for a portfolio repository: which files there are, and their bytes.
public enum RepositoryFiles {
    public static let maxFileBytes = 64 << 20

    public struct Listing: Sendable {
        /// Paths relative to the repository root, `/`-separated, in byte order.
        public var policies: [String] = []
        public var defaults: [String] = []
        public var codes: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    public static func isYAML(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    public static func list(root: String) -> Listing {
        var listing = Listing()
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let policiesPath = root + "/policies"
        if manager.fileExists(atPath: policiesPath, isDirectory: &isDirectory), isDirectory.boolValue {
            let names = (try? manager.contentsOfDirectory(atPath: policiesPath)) ?? []
            listing.policies = names.filter { isYAML($0) && !$0.hasPrefix(".") }.map { "policies/" + $0 }.sorted(by: byteOrder)
        } else {
            listing.diagnostics.append(Diagnostic(
                .error, SchemaRule.noPolicies, "there is no `policies/` folder in \(root)", at: .file("policies/"),
                hint: "a portfolio needs policies (at least owners); see docs/repository-format.md"))
        }
        let codesPath = root + "/codes"
        guard manager.fileExists(atPath: codesPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            listing.diagnostics.append(Diagnostic(
                .error, SchemaRule.noCodes, "there is no `codes/` folder in \(root)", at: .file("codes/"),
                hint: "is this the repository root? pass its path: `qrops lint PATH`"))
            return listing
        }
        var found: [String] = []
        walk(codesPath, relative: "codes", into: &found, manager: manager)
        found.sort(by: byteOrder)
        for path in found {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name == "_defaults.yaml" || name == "_defaults.yml" {
                listing.defaults.append(path)
            } else {
                listing.codes.append(path)
            }
        }
        return listing
    }

    private static func walk(_ absolute: String, relative: String, into found: inout [String], manager: FileManager) {
        guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = absolute + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, relative: relative + "/" + name, into: &found, manager: manager)
            } else if isYAML(name) {
                found.append(relative + "/" + name)
            }
        }
    }

    /// Sorting by UTF-8 bytes, the same on every machine and locale.
    public static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Reads a file, or explains why it cannot be read.
    public static func read(root: String, path: String) -> Result<[UInt8], Diagnostic> {
        let absolute = root + "/" + path
        let fd = open(absolute, O_RDONLY)
        guard fd >= 0 else {
            return .failure(unreadable(path, String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(unreadable(path, String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(unreadable(path, "not a regular file")) }
        let size = Int(info.st_size)
        guard size <= maxFileBytes else {
            return .failure(unreadable(path, "it is \(size) bytes; the limit is \(maxFileBytes) bytes"))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(fd, base + total, size - total)
            }
            if count < 0 { return .failure(unreadable(path, String(cString: strerror(errno)))) }
            if count == 0 { break }
            total += count
        }
        if total < size { bytes.removeSubrange(total...) }
        return .success(bytes)
    }

    private static func unreadable(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.error, SchemaRule.fileUnreadable, "cannot read \(path): \(reason)", at: .file(path),
                   hint: "check the file's permissions and type")
    }
}

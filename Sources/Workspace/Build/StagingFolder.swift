import Foundation

/// The folder a build is written into before it is swapped in (`<out>.staging`). It may hold
/// an older build, or what a killed run left: writers replace files, and remove what the new
/// build does not have.
///
/// Safe from several tasks at once. The folder remembers which files it wrote and which
/// folders it opened, so the commit can make exactly those durable.
public final class StagingFolder: @unchecked Sendable {
    public let path: String
    let fd: Int32
    private let lock = NSLock()
    private var writtenFiles: [String] = []
    private var folders: [String: Int32] = [:]

    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit {
        for folder in folders.values { close(folder) }
        close(fd)
    }

    /// Writes `bytes` at `relativePath` (`/`-separated), replacing any file there; folders are
    /// created as needed.
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        let (folderPath, name) = split(relativePath)
        let folder = try self.folder(folderPath)
        try FileOps.removeFile(name, in: folder, path: absolute(relativePath))
        try FileOps.write(bytes, named: name, in: folder, folderPath: absolute(folderPath))
        noteWritten([relativePath])
    }

    /// Writes the file at `relativePath` (replacing any file there) from the pieces `produce`
    /// hands to its sink, so that a large file is never held whole; returns what `produce`
    /// returns.
    public func stream<Value>(to relativePath: String, _ produce: (_ sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Value)
        throws -> Value
    {
        let (folderPath, name) = split(relativePath)
        let folder = try self.folder(folderPath)
        let path = absolute(relativePath)
        try FileOps.removeFile(name, in: folder, path: path)
        let fd = try FileOps.create(name, in: folder, path: path)
        defer { close(fd) }
        let value = try produce { buffer in try FileOps.writeAll(buffer, to: fd, path: path) }
        noteWritten([relativePath])
        return value
    }

    /// The names in the folder at `relativePath` ("" for the staging folder itself).
    public func names(in relativePath: String) throws -> [String] {
        try FileOps.names(in: try folder(relativePath), path: absolute(relativePath))
    }

    /// Removes everything in the folder at `relativePath` whose name is not in `keep`.
    public func removeAll(in relativePath: String, except keep: Set<String>) throws {
        let folder = try self.folder(relativePath)
        for name in try FileOps.names(in: folder, path: absolute(relativePath)) where !keep.contains(name) {
            let child = relativePath.isEmpty ? name : relativePath + "/" + name
            lock.lock()
            if let open = folders.removeValue(forKey: child) { close(open) }
            lock.unlock()
            try FileOps.removeTree(absolute(child))
        }
    }

    /// The open folder at `relativePath` ("" is the staging folder itself), created if needed
    /// (anything else of that name is replaced). Stays open until the staging folder is released.
    func folder(_ relativePath: String) throws -> Int32 {
        guard !relativePath.isEmpty else { return fd }
        lock.lock()
        defer { lock.unlock() }
        if let open = folders[relativePath] { return open }
        var parent = fd
        var walked = ""
        for part in relativePath.split(separator: "/") {
            walked += walked.isEmpty ? String(part) : "/" + part
            if let open = folders[walked] {
                parent = open
                continue
            }
            if FileOps.kind(of: absolute(walked)) != .folder { try FileOps.removeTree(absolute(walked)) }
            try FileOps.makeFolder(String(part), in: parent, path: absolute(walked))
            let child = try FileOps.openFolder(String(part), in: parent, path: absolute(walked))
            folders[walked] = child
            parent = child
        }
        return parent
    }

    /// Records files written directly through a folder descriptor, so the commit syncs them.
    func noteWritten(_ relativePaths: [String]) {
        lock.lock()
        writtenFiles += relativePaths
        lock.unlock()
    }

    /// Files written (not linked or kept) into the staging folder, in the order they were noted.
    var newFiles: [String] {
        lock.lock()
        defer { lock.unlock() }
        return writtenFiles
    }

    /// The staging folder and every folder opened inside it, deepest first.
    var openFolders: [(path: String, fd: Int32)] {
        lock.lock()
        defer { lock.unlock() }
        let inside = folders.sorted { $0.key.count > $1.key.count }.map { (absolute($0.key), $0.value) }
        return inside + [(path, fd)]
    }

    func absolute(_ relativePath: String) -> String {
        relativePath.isEmpty ? path : path + "/" + relativePath
    }

    private func split(_ relativePath: String) -> (folder: String, name: String) {
        guard let slash = relativePath.lastIndex(of: "/") else { return ("", relativePath) }
        return (String(relativePath[..<slash]), String(relativePath[relativePath.index(after: slash)...]))
    }
}

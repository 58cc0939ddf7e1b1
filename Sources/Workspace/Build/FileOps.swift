#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// The POSIX file operations of the build writer and the artwork cache: relative to an open
/// folder (`openat`, `linkat`, `unlinkat`), never following symbolic links, errors as
/// `BuildError` with the path and the reason.
enum FileOps {
    /// What identifies a file and its content for the cache's checks: the inode (device and
    /// number: hard links share it), size and mtime. The inode matters: file times come from a
    /// coarse clock, so two different files of one size often share an mtime.
    struct Stamp: Sendable, Hashable {
        var device: Int
        var inode: Int
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// Creates `name` in `folder` (it must not exist), writes `bytes`, optionally fsyncs it.
    @discardableResult
    static func write(_ bytes: [UInt8], named name: String, in folder: Int32, folderPath: String, sync: Bool = false)
        throws(BuildError) -> Stamp
    {
        let path = folderPath + "/" + name
        let fd = try create(name, in: folder, path: path)
        defer { close(fd) }
        try bytes.withUnsafeBufferPointer { (buffer) throws(BuildError) in try writeAll(buffer, to: fd, path: path) }
        if sync, fsync(fd) != 0 { throw .system("fsync", path, errno: errno) }
        return try stamp(of: fd, path: path)
    }

    /// Writes `bytes` under a temporary name in `folder`, then renames it to `name`: a reader
    /// finds the whole new file or the one before, never a part. Best effort (the caches and
    /// records kept this way cost only time when missing): false, with nothing left behind,
    /// when it fails.
    @discardableResult
    static func replace(_ name: String, with bytes: [UInt8], in folder: Int32, folderPath: String) -> Bool {
        let temporary = name + ".tmp-" + AtomicBuildWriter.randomSuffix()
        guard (try? write(bytes, named: temporary, in: folder, folderPath: folderPath)) != nil,
              renameat(folder, temporary, folder, name) == 0
        else {
            _ = unlinkat(folder, temporary, 0)
            return false
        }
        return true
    }

    /// Creates `name` in `folder` (it must not exist) for writing; the caller closes it.
    static func create(_ name: String, in folder: Int32, path: String) throws(BuildError) -> Int32 {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .system("create", path, errno: errno) }
        return fd
    }

    /// Writes all of `buffer` to `fd`, retrying short writes.
    static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32, path: String) throws(BuildError) {
        guard let base = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            let count = systemWrite(fd, base + written, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("write", path, errno: errno)
            }
            written += count
        }
    }

    /// Reads a whole regular file below `folder`, or nil when it is missing or not a file.
    static func read(_ name: String, in folder: Int32, limit: Int) -> [UInt8]? {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else { return nil }
        guard case .success(let bytes) = readBytes(fd, count: Int(info.st_size)), bytes.count == Int(info.st_size) else { return nil }
        return bytes
    }

    /// A failed `read(2)`: its `errno`.
    struct ReadFailure: Error {
        var errno: Int32
    }

    /// Up to `count` bytes of `fd`, from `offset` (`pread`) or else from where it stands, fewer
    /// when the file ends first. The array is filled by the reads, never zeroed first (at a
    /// hundred megabytes of cache, zeroing cost more than reading).
    static func readBytes(_ fd: Int32, count: Int, at offset: Int? = nil) -> Result<[UInt8], ReadFailure> {
        if count >= parallelReadSize { return readInPieces(fd, count: count, at: offset ?? 0) }
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(0, count)) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            var total = 0
            while total < buffer.count, let base = buffer.baseAddress {
                let read = offset.map { pread(fd, base + total, buffer.count - total, off_t($0 + total)) }
                    ?? systemRead(fd, base + total, buffer.count - total)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno }
                guard read > 0 else { break }
                total += read
            }
            initialized = total
        }
        if let failure { return .failure(ReadFailure(errno: failure)) }
        return .success(bytes)
    }

    /// Reads of this many bytes or more are made in pieces on all cores (`readInPieces`).
    static let parallelReadSize = 16 << 20

    /// `readBytes` of a large range (the cache packs: 90 MB at 100,000 codes) in 4 MiB pieces
    /// read concurrently. Most of such a read is the kernel handing out and zeroing the buffer's
    /// fresh pages, one core at a time; on this project's VMs that took 0.1–0.3 s while the
    /// other core waited for the pack. Read from `offset` with `pread` (the file position is
    /// not moved); the bytes read are those up to the first piece that came back short.
    static func readInPieces(_ fd: Int32, count: Int, at offset: Int) -> Result<[UInt8], ReadFailure> {
        let piece = 4 << 20
        let pieces = (count + piece - 1) / piece
        let outcomes = Mutex<[(read: Int, errno: Int32?)]>(Array(repeating: (0, nil), count: pieces))
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            guard let base = buffer.baseAddress else { return }
            let address = UInt(bitPattern: base)
            DispatchQueue.concurrentPerform(iterations: pieces) { index in
                let start = index * piece
                let length = min(piece, count - start)
                guard let target = UnsafeMutableRawPointer(bitPattern: address + UInt(start)) else { return }
                var total = 0
                var failure: Int32?
                while total < length {
                    let read = pread(fd, target + total, length - total, off_t(offset + start + total))
                    if read < 0, errno == EINTR { continue }
                    if read < 0 { failure = errno }
                    guard read > 0 else { break }
                    total += read
                }
                outcomes.withLock { $0[index] = (total, failure) }
            }
            var total = 0
            for (index, outcome) in outcomes.withLock({ $0 }).enumerated() {
                total += outcome.read
                if outcome.read < min(piece, count - index * piece) { break }
            }
            initialized = total
        }
        if let failure = outcomes.withLock({ $0 }).lazy.compactMap(\.errno).first { return .failure(ReadFailure(errno: failure)) }
        return .success(bytes)
    }

    /// Asks for the large pages of a buffer of many megabytes (before it is first written): a
    /// 2 MiB page is one fault where 4 KiB pages are 512. A build reads about 90 MB of cache at
    /// 100,000 codes; faulting it in page by page cost about a tenth of a second of system time.
    /// Only the whole 2 MiB pages inside the buffer are advised; a kernel without transparent
    /// huge pages (or with them off) ignores the advice.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard buffer.count >= 4 * huge, let base = buffer.baseAddress else { return }
        let start = (UInt(bitPattern: base) + UInt(huge - 1)) & ~UInt(huge - 1)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~UInt(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
        #endif
    }

    /// Hands the bytes in `range` of `file` to `sink`, a megabyte at a time.
    static func copy(_ range: Range<Int>, of file: OpenFile, path: String, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: min(range.count, 1 << 20))
        var position = range.lowerBound
        while position < range.upperBound {
            let wanted = min(buffer.count, range.upperBound - position)
            let count = buffer.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, wanted, off_t(position)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw BuildError.system("read", path, errno: count < 0 ? errno : EIO) }
            try buffer.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[..<count])) }
            position += count
        }
    }

    /// The last `count` bytes (or fewer) of a regular file below `folder`.
    static func readTail(_ name: String, in folder: Int32, count: Int) -> [UInt8]? {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let start = max(0, Int(info.st_size) - count)
        guard case .success(let bytes) = readBytes(fd, count: Int(info.st_size) - start, at: start) else { return nil }
        return bytes
    }

    static func stamp(of fd: Int32, path: String) throws(BuildError) -> Stamp {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system("inspect", path, errno: errno) }
        return stamp(info)
    }

    /// The stamp of `name` below `folder`, or nil when it is not a regular file.
    static func stamp(of name: String, in folder: Int32) -> Stamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return stamp(info)
    }

    /// Like `stamp(of:in:)` but with the change time (`ctime`, which moves whenever the inode or,
    /// for a folder, its list of names changes, and which `utimes` cannot set) in place of the
    /// mtime; nil unless `name` is of `kind` (`S_IFDIR`, `S_IFREG`).
    static func changeStamp(of name: String, in folder: Int32, kind: mode_t) -> Stamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == kind else { return nil }
        return stamp(info, changeTime: true)
    }

    /// The stamp of an open file or folder, with its change time.
    static func changeStamp(ofOpen fd: Int32) -> Stamp? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return stamp(info, changeTime: true)
    }

    /// With the mtime, or the ctime when `changeTime`.
    private static func stamp(_ info: stat, changeTime: Bool = false) -> Stamp {
        #if canImport(Darwin)
        let time = changeTime ? info.st_ctimespec : info.st_mtimespec
        #else
        let time = changeTime ? info.st_ctim : info.st_mtim
        #endif
        return Stamp(device: Int(truncatingIfNeeded: info.st_dev), inode: Int(truncatingIfNeeded: info.st_ino),
                     size: Int(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }

    /// Opens a folder (not a link to one) for `*at` calls.
    static func openFolder(_ path: String) throws(BuildError) -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .system("open the folder", path, errno: errno) }
        return fd
    }

    static func openFolder(_ name: String, in parent: Int32, path: String) throws(BuildError) -> Int32 {
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .system("open the folder", path, errno: errno) }
        return fd
    }

    static func makeFolder(_ name: String, in parent: Int32, path: String) throws(BuildError) {
        guard mkdirat(parent, name, 0o755) == 0 || errno == EEXIST else { throw .system("create the folder", path, errno: errno) }
    }

    /// Creates `path` and its missing parents.
    static func makeFolders(_ path: String) throws(BuildError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0, errno != EEXIST { throw .system("create the folder", current, errno: errno) }
        }
    }

    static func sync(_ fd: Int32, path: String) throws(BuildError) {
        guard fsync(fd) == 0 else { throw .system("fsync", path, errno: errno) }
    }

    /// What kind of thing `path` is, without following a final symbolic link.
    enum Kind { case missing, folder, link, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The entry names of an open folder (without `.` and `..`), unsorted.
    static func names(in folder: Int32, path: String) throws(BuildError) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { throw .system("list", path, errno: errno) }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes `name` from `folder` if it is there (a folder of that name with its contents).
    static func removeFile(_ name: String, in folder: Int32, path: String) throws(BuildError) {
        if unlinkat(folder, name, 0) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw .system("remove", path, errno: errno) }
        try removeTree(path)
    }

    /// Removes a folder and everything in it, never following symbolic links. A missing path
    /// is not an error.
    static func removeTree(_ path: String) throws(BuildError) {
        switch kind(of: path) {
        case .missing: return
        case .folder:
            let fd = try openFolder(path)
            defer { close(fd) }
            try removeContents(of: fd, path: path)
            guard rmdir(path) == 0 || errno == ENOENT else { throw .system("remove", path, errno: errno) }
        case .link, .other:
            guard unlink(path) == 0 || errno == ENOENT else { throw .system("remove", path, errno: errno) }
        }
    }

    private static func removeContents(of folder: Int32, path: String) throws(BuildError) {
        for name in try names(in: folder, path: path) {
            if unlinkat(folder, name, 0) == 0 || errno == ENOENT { continue }
            guard errno == EISDIR || errno == EPERM else { throw .system("remove", path + "/" + name, errno: errno) }
            let child = try openFolder(name, in: folder, path: path + "/" + name)
            defer { close(child) }
            try removeContents(of: child, path: path + "/" + name)
            guard unlinkat(folder, name, AT_REMOVEDIR) == 0 || errno == ENOENT else {
                throw .system("remove", path + "/" + name, errno: errno)
            }
        }
    }
}

// The C library's read and write, named so they do not clash with anything in scope.
#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
#endif

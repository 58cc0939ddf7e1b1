#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file held open for reading (closed when released): its bytes stay readable after
/// the name is removed or replaced, as a build replaces the staging folder's manifest while
/// copying from it.
final class OpenFile: Sendable {
    let fd: Int32

    /// `name` below `folder`, when it is a regular file of `size` bytes.
    init?(_ name: String, in folder: Int32, size: Int) {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// The bytes in `range`, or nil when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        guard case .success(let bytes) = FileOps.readBytes(fd, count: range.count, at: range.lowerBound), bytes.count == range.count else {
            return nil
        }
        return bytes
    }
}

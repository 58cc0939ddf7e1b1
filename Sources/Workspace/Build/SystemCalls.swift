#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the atomic build writer needs that Swift's Glibc module does not
/// import (glibc declares them only under `_GNU_SOURCE`). They are looked up once with
/// `dlsym`; when the C library lacks one, callers fall back to portable code.
enum SystemCalls {
    /// `renameat2(2)` flags.
    static let renameNoReplace: UInt32 = 1 << 0
    static let renameExchange: UInt32 = 1 << 1

    enum RenameResult: Equatable {
        case done
        /// The kernel, the file system or the C library cannot do this kind of rename.
        case unsupported
        case failed(errno: Int32)
    }

    /// Renames with `RENAME_EXCHANGE` (swap two existing paths atomically) or
    /// `RENAME_NOREPLACE` (fail with EEXIST instead of replacing).
    static func rename(_ from: String, to: String, flags: UInt32) -> RenameResult {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = lookUp("renameat2") else { return .unsupported }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        if renameat2(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 { return .done }
        let error = errno
        return error == EINVAL || error == ENOSYS || error == ENOTSUP ? .unsupported : .failed(errno: error)
        #elseif canImport(Darwin)
        let darwinFlags: UInt32 = (flags & renameExchange != 0 ? UInt32(RENAME_SWAP) : 0)
            | (flags & renameNoReplace != 0 ? UInt32(RENAME_EXCL) : 0)
        if renamex_np(from, to, darwinFlags) == 0 { return .done }
        let error = errno
        return error == EINVAL || error == ENOTSUP ? .unsupported : .failed(errno: error)
        #else
        return .unsupported
        #endif
    }

    /// `syncfs(2)`: writes every dirty page and inode of the file system holding `fd` to
    /// disk. False when unavailable or failed; callers then fsync file by file.
    static func syncFileSystem(of fd: Int32) -> Bool {
        #if canImport(Glibc)
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = lookUp("syncfs") else { return false }
        return unsafeBitCast(symbol, to: SyncFS.self)(fd) == 0
        #else
        return false
        #endif
    }

    /// glibc's `malloc_trim(0)`: hands the pages of freed memory back to the system. glibc keeps
    /// them otherwise, and the large buffers made later (map files, each hundreds of megabytes
    /// at a million codes) are fresh mappings that cannot reuse them. Does nothing elsewhere.
    static func returnFreeMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = lookUp("malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    #if canImport(Glibc)
    private static func lookUp(_ name: String) -> UnsafeMutableRawPointer? {
        // RTLD_DEFAULT is the null handle in glibc.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }
    #endif

    static func message(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}

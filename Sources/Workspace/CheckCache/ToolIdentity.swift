#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies the checker for the check cache: the SHA-256 of the running executable's
/// bytes, so that any rebuilt qrops (a release, or a developer's change to a rule) starts from
/// fresh keys whatever its version string says; and, on Linux, each shared library it has
/// loaded (libyaml, the Swift runtime), by path, size, inode and modification time, so that a
/// package upgrade that replaces one does too.
public enum ToolIdentity {
    /// Nil when the executable cannot be read (no cache is used then).
    public static func ofRunningExecutable() -> String? {
        guard let path = executablePath(), var hasher = digest(of: path) else { return nil }
        for library in loadedLibraries() {
            var info = stat()
            guard stat(library, &info) == 0 else { continue }
            #if canImport(Darwin)
            let modified = info.st_mtimespec
            #else
            let modified = info.st_mtim
            #endif
            hasher.update("\(library)\u{0}\(info.st_size) \(info.st_ino) \(modified.tv_sec).\(modified.tv_nsec)\u{0}")
        }
        return hasher.finalize().hex
    }

    /// Whether the running executable can be opened (what `ofRunningExecutable` reads).
    public static func canReadRunningExecutable() -> Bool {
        guard let path = executablePath() else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    static func executablePath() -> String? {
        #if canImport(Darwin)
        var size: UInt32 = 4_096
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return "/proc/self/exe"
        #endif
    }

    /// The files mapped executable into this process other than the executable itself (Linux;
    /// none elsewhere), sorted.
    static func loadedLibraries() -> [String] {
        #if os(Linux)
        let fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        var libraries = Set<String>()
        for line in bytes.split(separator: 0x0A) {
            // address perms offset device inode path
            let fields = line.split(separator: 0x20, maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[1].contains(UInt8(ascii: "x")) else { continue }
            let path = String(decoding: fields[5].drop { $0 == 0x20 }, as: UTF8.self)
            if path.hasPrefix("/"), path.hasSuffix(".so") || path.contains(".so.") { libraries.insert(path) }
        }
        return libraries.sorted()
        #else
        return []
        #endif
    }

    private static func digest(of path: String) -> SHA256? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return hasher
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies the checker for the check cache: the SHA-256 of the running executable's
/// bytes, so that any rebuilt qrops (a release, or a developer's change to a rule) starts from
/// fresh keys, whatever its version string says.
public enum ToolIdentity {
    /// Nil when the executable cannot be read (no cache is used then).
    public static func ofRunningExecutable() -> String? {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        guard let path = CommandLine.arguments.first else { return nil }
        #endif
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
        return hasher.finalize().hex
    }
}

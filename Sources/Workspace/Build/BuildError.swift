/// Why `qrops build` could not write its output: a refused output folder (a usage error) or a
/// failed file-system operation. Either way the previous build is left as it was.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--out` names a folder that must not be replaced (the repository, a folder that is not a
    /// previous build, a symbolic link, ...).
    case refusedOutput(path: String, reason: String)
    /// A system call failed: what was being done, on which path, and `strerror`'s text.
    case io(operation: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .refusedOutput(path, reason):
            "refusing to write the build to `\(path)`: \(reason)"
        case let .io(operation, path, reason):
            "cannot \(operation) `\(path)`: \(reason)"
        }
    }

    /// An `.io` error from the current `errno`.
    static func system(_ operation: String, _ path: String, errno error: Int32) -> BuildError {
        .io(operation: operation, path: path, reason: SystemCalls.message(error))
    }
}

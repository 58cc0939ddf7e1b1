import Workspace

/// How a repository names its objects (`git rev-parse --show-object-format`).
public enum GitObjectFormat: String, Sendable {
    case sha1, sha256
}

/// Git object ids computed without git, for files that are not (yet) objects.
public enum GitObjectID {
    /// The id git gives a blob holding `bytes`: the hash of `blob <size>\0` followed by the
    /// bytes, in lower-case hex (what `git hash-object --no-filters` prints).
    public static func blob(_ bytes: [UInt8], format: GitObjectFormat) -> String {
        let header = Array("blob \(bytes.count)\u{0}".utf8)
        switch format {
        case .sha1:
            var hasher = SHA1()
            hasher.update(header)
            hasher.update(bytes)
            return hex(hasher.finalize())
        case .sha256:
            var hasher = SHA256()
            hasher.update(header)
            hasher.update(bytes)
            return hasher.finalize().hex
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}

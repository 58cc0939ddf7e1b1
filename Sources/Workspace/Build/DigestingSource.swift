import Diagnostics
import Foundation

/// A repository source that hashes every file as the lint pipeline reads it (in parallel, on
/// the pipeline's own tasks), for the manifest's input digest: no file is read twice.
public final class DigestingSource<Base: RepositorySource>: RepositorySource, @unchecked Sendable {
    public let base: Base
    private let lock = NSLock()
    private var digests: [String: SHA256.Digest] = [:]

    public init(_ base: Base) {
        self.base = base
    }

    private var listing: RepositoryListing?

    /// The base's listing, made once (the build looks at it before lint does).
    public func list() -> RepositoryListing {
        lock.lock()
        defer { lock.unlock() }
        if let listing { return listing }
        let made = base.list()
        listing = made
        return made
    }

    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        readDigested(path).map(\.bytes)
    }

    public func readDigested(_ path: String) -> Result<(bytes: [UInt8], digest: SHA256.Digest), Diagnostic> {
        let result = base.read(path)
        guard case .success(let bytes) = result else { return result.map { ($0, SHA256.hash($0)) } }
        let digest = SHA256.hash(bytes)
        lock.lock()
        digests[path] = digest
        lock.unlock()
        return .success((bytes, digest))
    }

    /// The files read so far, with their digests.
    public var fileDigests: [String: SHA256.Digest] {
        lock.lock()
        defer { lock.unlock() }
        return digests
    }

    /// SHA-256 over `sha256sum`'s output for the files read, sorted by path bytewise:
    /// `<hex>  <path>\n` per file. The same as
    /// `find policies codes -name '*.yaml' ... | LC_ALL=C sort | xargs sha256sum | sha256sum`.
    public var inputDigest: SHA256.Digest {
        var hasher = SHA256()
        for (path, digest) in fileDigests.sorted(by: { ByteOrder.precedes($0.key, $1.key) }) {
            hasher.update(digest.hex + "  " + path + "\n")
        }
        return hasher.finalize()
    }
}

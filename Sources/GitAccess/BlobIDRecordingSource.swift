import Diagnostics
import Foundation
import Workspace

/// A repository source that computes the git blob id of every file as the lint pipeline reads
/// it (in parallel, on the pipeline's own tasks), so that files identical on the base are
/// recognised without reading the base's copy, and nothing is read twice.
public final class BlobIDRecordingSource<Base: RepositorySource>: RepositorySource, @unchecked Sendable {
    public let base: Base
    public let format: GitObjectFormat
    private let lock = NSLock()
    private var ids: [String: String] = [:]

    public init(_ base: Base, format: GitObjectFormat) {
        self.base = base
        self.format = format
    }

    public func list() -> RepositoryListing {
        base.list()
    }

    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        let result = base.read(path)
        if case .success(let bytes) = result {
            let id = GitObjectID.blob(bytes, format: format)
            lock.lock()
            ids[path] = id
            lock.unlock()
        }
        return result
    }

    /// The blob id of every file read so far, by path.
    public var blobIDs: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return ids
    }
}

import Artwork
import Foundation

/// Rendered artwork files kept between builds, keyed by content (never by mtimes): the key is
/// the SHA-256 of the short URL, the effective style, the format and the engine identity
/// (`ArtworkEngine`), so a file is reused exactly when rendering would give the same bytes.
///
/// Layout: `<cache>/index` (see `ArtworkCacheIndex`) and `<cache>/<k0k1>/<key>.<ext>`. Files are
/// hard-linked into the staging folder (copied when linking fails, e.g. across file systems).
/// Everything here is best effort: a cache that cannot be read or written only costs renders.
///
/// The index is a log: a build appends the entries it created. When the log holds more than
/// twice the entries the build used (plus `compactionSlack`), it is rewritten with only those,
/// and the other files are removed.
final class ArtworkCache: @unchecked Sendable {
    static let indexName = "index"

    let path: String
    private let fd: Int32
    let index: ArtworkCacheIndex
    let compactionSlack: Int

    private init(path: String, fd: Int32, index: ArtworkCacheIndex, compactionSlack: Int) {
        self.path = path
        self.fd = fd
        self.index = index
        self.compactionSlack = compactionSlack
    }

    deinit { close(fd) }

    /// Reads the index of the cache at `path` (empty when there is none); writes nothing.
    static func readIndex(at path: String) -> ArtworkCacheIndex {
        guard let fd = try? FileOps.openFolder(path) else { return ArtworkCacheIndex() }
        defer { close(fd) }
        return ArtworkCacheIndex(parsing: FileOps.read(indexName, in: fd, limit: 1 << 30) ?? [])
    }

    /// Opens (creating it if needed) the cache at `path` with its `index` as read by
    /// `readIndex`; nil when the folder cannot be made.
    static func open(at path: String, index: ArtworkCacheIndex, compactionSlack: Int = 4096) -> ArtworkCache? {
        guard (try? FileOps.makeFolders(path)) != nil, let fd = try? FileOps.openFolder(path) else { return nil }
        return ArtworkCache(path: path, fd: fd, index: index, compactionSlack: compactionSlack)
    }

    static func relativePath(_ key: SHA256.Digest, fileExtension: String) -> String {
        let hex = key.hex
        return String(hex.prefix(2)) + "/" + hex + "." + fileExtension
    }

    /// The index entry for `key`, without looking at the file.
    func entry(_ key: SHA256.Digest) -> ArtworkCacheIndex.Entry? {
        index.entries[key]
    }

    /// The entry for `key` when its file is still there, unchanged since it was cached.
    func intactEntry(_ key: SHA256.Digest) -> ArtworkCacheIndex.Entry? {
        guard let entry = index.entries[key],
              FileOps.stamp(of: Self.relativePath(key, fileExtension: entry.fileExtension), in: fd) == entry.stamp
        else { return nil }
        return entry
    }

    /// Puts the cached file into `folder` as `name` (which must not exist): a hard link, else a
    /// verified copy.
    func place(_ key: SHA256.Digest, _ entry: ArtworkCacheIndex.Entry, into folder: Int32, folderPath: String, name: String) -> Bool {
        let source = Self.relativePath(key, fileExtension: entry.fileExtension)
        if linkat(fd, source, folder, name, 0) == 0 { return true }
        guard let bytes = FileOps.read(source, in: fd, limit: 1 << 30), bytes.count == entry.stamp.size,
              SHA256.hash(bytes) == entry.digest else { return false }
        return (try? FileOps.write(bytes, named: name, in: folder, folderPath: folderPath)) != nil
    }

    /// Adds the file just written at `folder/name` (holding `bytes`, with `stamp`) under `key`,
    /// replacing a stale file: a hard link, or a copy across file systems. Returns the cached
    /// file's stamp, or nil when nothing could be cached.
    func store(_ key: SHA256.Digest, fileExtension: String, from folder: Int32, name: String, bytes: [UInt8],
               stamp: FileOps.Stamp) -> FileOps.Stamp? {
        let target = Self.relativePath(key, fileExtension: fileExtension)
        for _ in 0..<3 {
            if linkat(folder, name, fd, target, 0) == 0 { return stamp }
            switch errno {
            case ENOENT:
                _ = mkdirat(fd, String(target.prefix(2)), 0o755)
            case EEXIST:
                _ = unlinkat(fd, target, 0)
            case EXDEV, EMLINK, EPERM:
                _ = unlinkat(fd, target, 0)
                return try? FileOps.write(bytes, named: target, in: fd, folderPath: path)
            default:
                return nil
            }
        }
        return nil
    }

    /// Appends the entries this build created to the index's log, never compacting it: a
    /// patched build (`ArtworkPatch`) used only the files it made, not every file the cache
    /// must keep. A log that is missing is started.
    func append(_ added: [(SHA256.Digest, ArtworkCacheIndex.Entry)]) {
        guard !added.isEmpty else { return }
        var lines: [UInt8] = []
        for (key, entry) in added { lines += ArtworkCacheIndex.line(key, entry) }
        var log = openat(fd, Self.indexName, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        if log < 0, errno == ENOENT {
            log = openat(fd, Self.indexName, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if log >= 0 { lines = Array((ArtworkCacheIndex.header + "\n").utf8) + lines }
        }
        guard log >= 0 else { return }
        defer { close(log) }
        lines.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = Foundation.write(log, base, buffer.count)
        }
    }

    /// Records the entries this build created (`added`), compacting the index when it has grown
    /// past twice what the build `used` (which includes `added`).
    func save(used: [SHA256.Digest: ArtworkCacheIndex.Entry], added: [(SHA256.Digest, ArtworkCacheIndex.Entry)]) {
        if index.isAppendable, index.lineCount + added.count <= 2 * used.count + compactionSlack {
            append(added)
            return
        }
        guard FileOps.replace(Self.indexName, with: ArtworkCacheIndex.file(used), in: fd, folderPath: path) else { return }
        for (key, entry) in index.entries where used[key] == nil {
            _ = unlinkat(fd, Self.relativePath(key, fileExtension: entry.fileExtension), 0)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The build cache (`.qrops-cache/build/files`, docs/build.md, "Incremental builds"): each
/// code file's `BuildProducts` under its check-cache key (`FileCheckCache.key`, which covers
/// the checker, the rules, the policies, the `_defaults.yaml` files above the file and its own
/// path and bytes), so that `qrops build` takes an unchanged file's table entries and plan from
/// here, and its findings and identities from the check cache, without parsing it. One
/// `KeyedPack`, like the check cache's.
public final class BuildProductCache: Sendable {
    public static let fileName = "files"
    /// Where `qrops build` keeps it, relative to the repository.
    public static let folderInRepository = ".qrops-cache/build"
    static let magic = Array("QRBUILD3".utf8)

    private let pack: KeyedPack

    public init(folder: String) {
        pack = KeyedPack(folder: folder, fileName: Self.fileName, magic: Self.magic)
    }

    public static func forRepository(_ root: String) -> BuildProductCache {
        BuildProductCache(folder: root + "/" + folderInRepository)
    }

    /// What `qrops build` (with or without artwork) keeps under a file's check key.
    public func work(keepArtwork: Bool) -> FileWorkCache<BuildProducts> {
        let pack = pack
        let salt = "qrops build products \(BuildProducts.version)\u{0}" + (keepArtwork ? "artwork" : "no-artwork")
        return FileWorkCache(
            lookUp: { key in
                pack.record(for: Self.key(key, salt: salt)) { bytes in
                    guard let products = try? BuildProducts(bytes: bytes), products.plan.summary.keepsArtwork == keepArtwork else { return nil }
                    return products
                }
            },
            store: { products, key in pack.store(products.bytes(), for: Self.key(key, salt: salt)) })
    }

    static func key(_ checkKey: SHA256.Digest, salt: String) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(salt)
        hasher.update(checkKey.bytes)
        return hasher.finalize()
    }

    /// The folder the cache is kept in (the `.qrt` writer's memo is kept there too).
    public var folder: String { pack.folder }

    /// Files whose products were not found and were made anew.
    public var missCount: Int { pack.missCount }

    public func save() { pack.save() }

    /// The same cache emptied: its file is deleted (a record of it passed its digest but did not
    /// read, so a faulty build wrote it) and nothing read from it is used again.
    public func cleared() -> BuildProductCache {
        if let fd = try? FileOps.openFolder(pack.folder) {
            try? FileOps.removeFile(pack.fileName, in: fd, path: pack.folder + "/" + pack.fileName)
            close(fd)
        }
        return BuildProductCache(folder: pack.folder)
    }
}

/// Where `LintPipeline` finds and keeps a code file's `perFile` work, under the file's check
/// key: a file whose check and work are both found is not parsed at all.
public struct FileWorkCache<Work: Sendable>: Sendable {
    let lookUp: @Sendable (SHA256.Digest) -> Work?
    let store: @Sendable (Work, SHA256.Digest) -> Void

    public init(lookUp: @escaping @Sendable (SHA256.Digest) -> Work?, store: @escaping @Sendable (Work, SHA256.Digest) -> Void) {
        self.lookUp = lookUp
        self.store = store
    }
}

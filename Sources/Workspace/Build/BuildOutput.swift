/// One generated file of the build (not artwork): where it goes in the build folder, its
/// bytes, and their SHA-256 for the manifest, hashed by the task that made the file so that
/// hashing runs on every core the stages use.
struct BuildOutput: Sendable {
    /// Relative to the build folder, `/`-separated.
    var path: String
    var bytes: [UInt8]
    var digest: SHA256.Digest

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        digest = SHA256.hash(bytes)
    }

    var manifestEntry: BuildManifest.File {
        BuildManifest.File(path: path, digest: digest, size: bytes.count)
    }
}

import Catalog

/// One code file's codes as the whole-catalog checks see them (`Code.identity`: ids, slugs,
/// domains, statuses, `ignore:` entries, where each is written), with a digest of their
/// encoding. The check cache keeps them encoded (`FileCheckRecord`), and a run decodes them only
/// when it runs the whole-catalog checks: when the digests of every file's identities are those
/// of a run whose whole-catalog findings are in the cache, it takes those findings instead
/// (docs/lint-cache.md, "Whole-catalog findings").
struct FileIdentities: Sendable {
    enum Form: Sendable {
        /// With their encoding when it was made (for the digest).
        case decoded([Code], encoding: [UInt8]?)
        /// What `encode` wrote, read back by `decode`.
        case encoded([UInt8])
    }

    let count: Int
    /// SHA-256 of the encoding; nil when not worked out (a run without the check cache).
    let digest: SHA256.Digest?
    let form: Form

    /// Codes as they are, with their identities' digest when known.
    init(codes: [Code], digest: SHA256.Digest? = nil) {
        count = codes.count
        self.digest = digest
        form = .decoded(codes, encoding: nil)
    }

    /// Codes as they are, with the digest of their identities.
    init(digesting codes: [Code]) {
        let bytes = Self.encode(codes)
        count = codes.count
        digest = SHA256.hash(bytes)
        form = .decoded(codes, encoding: bytes)
    }

    init(count: Int, digest: SHA256.Digest, encoded: [UInt8]) {
        self.count = count
        self.digest = digest
        form = .encoded(encoded)
    }

    /// The codes (identities only, when decoded here); nil when the bytes do not read.
    func codes() -> [Code]? {
        switch form {
        case .decoded(let codes, _):
            return codes
        case .encoded(let bytes):
            guard var reader = try? RecordReader(bytes),
                  let codes = try? reader.list({ (reader) throws(RecordReader.Malformed) in try reader.identity() }),
                  reader.isAtEnd, codes.count == count
            else { return nil }
            return codes
        }
    }

    /// The identities' bytes (as the check cache keeps them).
    func encoded() -> [UInt8] {
        switch form {
        case .encoded(let bytes): bytes
        case .decoded(let codes, let bytes): bytes ?? Self.encode(codes)
        }
    }

    static func encode(_ codes: [Code]) -> [UInt8] {
        var writer = RecordWriter()
        writer.count(codes.count)
        for code in codes { writer.identity(code) }
        return writer.finish()
    }
}

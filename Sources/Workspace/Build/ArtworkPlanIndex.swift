#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Artwork

/// What a sealed artwork plan holds, code file by code file: kept beside the artwork cache as
/// `<cache>/plans/<plan-digest>` for as long as a seal names that plan (`StagingSeals`). A build
/// whose plan differs from the sealed staging folder's in a few code files patches that folder
/// with it (`ArtworkPatch`) instead of joining and staging the whole plan again.
///
/// For each code file, in listing order: its path, its plan's digest
/// (`ArtworkPlanDigest.ofFile`), a 64-bit hash of each planned code's case-folded id (what
/// `build-id-case-clash` compares), and a block listing each planned code's id, formats and a
/// digest of everything that decides its files' bytes (`codeDigest`). The blocks are decoded
/// only for the files that changed.
///
/// ```
/// "QRPLANS1" | u64 XXH64 of the body | body (RecordWriter): version, plan digest, engine digest,
///   file count, then per file: path, file digest, folded-id hashes (8 bytes each, little-endian),
///   block (RecordWriter: code count, then per code: id, code digest, format count, formats)
/// ```
///
/// Anything that does not read back exactly (a cut or damaged file, another version) is no
/// index: the build then joins the whole plan, as without one.
struct ArtworkPlanIndex: Sendable {
    static let folder = "plans"
    static let magic = Array("QRPLANS1".utf8)
    static let version: UInt64 = 1

    /// One code file's part.
    struct File: Sendable {
        var path: String
        var digest: SHA256.Digest
        /// `foldedHash` of each planned code's id, 8 bytes each, little-endian.
        var foldedHashes: ArraySlice<UInt8>
        /// The codes, as `block(_:)` wrote them.
        var block: ArraySlice<UInt8>

        var codeCount: Int { foldedHashes.count / 8 }

        /// The block read back; nil when it does not read.
        func codes() -> [Code]? {
            guard var reader = try? RecordReader(block),
                  let codes = try? reader.list({ reader throws(RecordReader.Malformed) -> Code in
                      let id = try reader.string()
                      let digest = try reader.rawBytes()
                      guard digest.count == SHA256.digestByteCount else { throw RecordReader.Malformed() }
                      let formats = try reader.list { reader throws(RecordReader.Malformed) -> ArtworkFormat in
                          let index = try reader.count()
                          guard index < ArtworkFormat.allCases.count else { throw RecordReader.Malformed() }
                          return ArtworkFormat.allCases[index]
                      }
                      return Code(id: id, digest: SHA256.Digest(bytes: Array(digest)), formats: formats)
                  }),
                  reader.isAtEnd, codes.count == codeCount
            else { return nil }
            return codes
        }

        func foldedHash(at index: Int) -> UInt64 {
            foldedHashes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self).littleEndian }
        }
    }

    /// One planned code: the files it gives are `<id>.<ext>`, one per format.
    struct Code: Sendable, Equatable {
        var id: String
        /// `codeDigest` of its plan.
        var digest: SHA256.Digest
        var formats: [ArtworkFormat]

        var names: [String] { formats.map { id + "." + $0.fileExtension } }
    }

    var planDigest: SHA256.Digest
    /// SHA-256 of the engine's identity: an index made by another engine is not used (its
    /// code digests would say nothing of this engine's files).
    var engineDigest: SHA256.Digest
    var files: [File]

    /// Everything that decides the bytes of `plan`'s files, formats included, under `engine`:
    /// two codes with the same id and digest have the same files.
    static func codeDigest(_ plan: ArtworkPlan, engine: ArtworkEngine) -> SHA256.Digest {
        var hasher = engine.keyPrefix
        hasher.update("code plan\n")
        hasher.update(plan.cacheMaterial)
        hasher.update(plan.formats.map(\.rawValue).joined(separator: ","))
        return hasher.finalize()
    }

    static func engineDigest(_ engine: ArtworkEngine) -> SHA256.Digest { SHA256.hash(engine.identity) }

    /// The hash `build-id-case-clash` compares ids under (`ArtworkFileName.folded`).
    static func foldedHash(_ folded: String) -> UInt64 {
        var bytes = Array(folded.utf8)
        return bytes.withUnsafeMutableBytes { RecordChecksum.xxh64(UnsafeRawBufferPointer($0), seed: 0x7172_6f70_735f_6964) }
    }

    /// The part of a code file whose plan is `plan`: nil unless every item is a planned code
    /// (a sealed plan has no finding, and is made with its artwork kept).
    static func file(path: String, digest: SHA256.Digest, plan: BuildPlanner.FilePlan, engine: ArtworkEngine)
        -> (file: File, plans: [ArtworkPlan], codes: [Code])?
    {
        guard plan.keepsArtwork else { return nil }
        var plans: [ArtworkPlan] = []
        var codes: [Code] = []
        var hashes: [UInt8] = []
        plans.reserveCapacity(plan.items.count)
        codes.reserveCapacity(plan.items.count)
        hashes.reserveCapacity(plan.items.count * 8)
        for item in plan.items {
            guard case .candidate(let id, let folded, .planned(let artwork)) = item else { return nil }
            plans.append(artwork)
            codes.append(Code(id: id.value, digest: codeDigest(artwork, engine: engine), formats: artwork.formats))
            withUnsafeBytes(of: foldedHash(folded).littleEndian) { hashes += $0 }
        }
        return (File(path: path, digest: digest, foldedHashes: hashes[...], block: block(codes)[...]), plans, codes)
    }

    static func block(_ codes: [Code]) -> [UInt8] {
        var writer = RecordWriter()
        writer.count(codes.count)
        for code in codes {
            writer.string(code.id)
            writer.rawBytes(code.digest.bytes[...])
            writer.count(code.formats.count)
            for format in code.formats { writer.count(ArtworkFormat.allCases.firstIndex(of: format) ?? 0) }
        }
        return writer.finish()
    }

    func bytes() -> [UInt8] {
        var writer = RecordWriter()
        writer.varint(Self.version)
        writer.rawBytes(planDigest.bytes[...])
        writer.rawBytes(engineDigest.bytes[...])
        writer.count(files.count)
        for file in files {
            writer.string(file.path)
            writer.rawBytes(file.digest.bytes[...])
            writer.rawBytes(file.foldedHashes)
            writer.rawBytes(file.block)
        }
        let body = writer.finish()
        var bytes = Self.magic
        bytes.reserveCapacity(body.count + 16)
        let checksum = body.withUnsafeBytes { RecordChecksum.xxh64($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes += $0 }
        bytes += body
        return bytes
    }

    init(planDigest: SHA256.Digest, engineDigest: SHA256.Digest, files: [File]) {
        self.planDigest = planDigest
        self.engineDigest = engineDigest
        self.files = files
    }

    /// Reads what `bytes()` wrote (the blocks stay slices of `bytes`, read when asked for).
    init?(parsing bytes: [UInt8]) {
        let header = Self.magic.count + 8
        guard bytes.count >= header, bytes[..<Self.magic.count].elementsEqual(Self.magic) else { return nil }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt64.self).littleEndian }
        let body = bytes[header...]
        guard body.withUnsafeBytes({ RecordChecksum.xxh64($0) }) == stored else { return nil }
        func digest(_ reader: inout RecordReader) throws(RecordReader.Malformed) -> SHA256.Digest {
            let raw = try reader.rawBytes()
            guard raw.count == SHA256.digestByteCount else { throw RecordReader.Malformed() }
            return SHA256.Digest(bytes: Array(raw))
        }
        do throws(RecordReader.Malformed) {
            var reader = try RecordReader(body)
            guard try reader.varint() == Self.version else { return nil }
            planDigest = try digest(&reader)
            engineDigest = try digest(&reader)
            files = try reader.list { reader throws(RecordReader.Malformed) -> File in
                let path = try reader.string()
                let fileDigest = try digest(&reader)
                let hashes = try reader.rawBytes()
                guard hashes.count % 8 == 0 else { throw RecordReader.Malformed() }
                return File(path: path, digest: fileDigest, foldedHashes: hashes, block: try reader.rawBytes())
            }
            guard reader.isAtEnd else { return nil }
        } catch {
            return nil
        }
    }

    static func name(_ planDigest: SHA256.Digest) -> String { folder + "/" + planDigest.hex }

    /// The index of the plan with `planDigest`, kept beside the artwork cache at `cachePath`.
    static func read(_ planDigest: SHA256.Digest, at cachePath: String) -> ArtworkPlanIndex? {
        guard let fd = try? FileOps.openFolder(cachePath) else { return nil }
        defer { close(fd) }
        guard let bytes = FileOps.read(name(planDigest), in: fd, limit: 1 << 31), let index = ArtworkPlanIndex(parsing: bytes),
              index.planDigest == planDigest
        else { return nil }
        return index
    }

    /// Whether an index of `planDigest` is kept already.
    static func exists(_ planDigest: SHA256.Digest, at cachePath: String) -> Bool {
        var info = stat()
        return stat(cachePath + "/" + name(planDigest), &info) == 0
    }

    /// Keeps the index (best effort: without it, a later build joins the whole plan). Written
    /// under a temporary name and renamed: a reader finds the whole file or none.
    func save(at cachePath: String) {
        let folderPath = cachePath + "/" + Self.folder
        guard (try? FileOps.makeFolders(folderPath)) != nil, let fd = try? FileOps.openFolder(folderPath) else { return }
        defer { close(fd) }
        FileOps.replace(planDigest.hex, with: bytes(), in: fd, folderPath: folderPath)
    }

    /// Removes every index (and left-over temporary file) but those of `kept` plans.
    static func prune(at cachePath: String, keeping kept: Set<SHA256.Digest>) {
        let folderPath = cachePath + "/" + folder
        guard let fd = try? FileOps.openFolder(folderPath) else { return }
        defer { close(fd) }
        let keptNames = Set(kept.map(\.hex))
        for name in (try? FileOps.names(in: fd, path: folderPath)) ?? [] where !keptNames.contains(name) {
            _ = unlinkat(fd, name, 0)
        }
    }
}

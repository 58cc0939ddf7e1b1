import Routing
import TableFormat

/// The redirect table's two files: `redirects.qrt` (the compact form) and `redirects.json`
/// (the same content as JSON), made concurrently and written into the staging folder. The JSON
/// is made in memory during lint (`makeJSON`), except in a large portfolio, where it is
/// streamed: written and hashed a megabyte at a time, never held whole (at a million codes it
/// is over 500 MB). With the build cache, its codes' objects are copied from the code files'
/// `CodeJSON` rather than written.
enum TableStage {
    /// Codes' JSON objects made ahead, per code file, and where each code of the table came from.
    struct SplicedJSON: Sendable {
        var codeJSON: [CodeJSON]
        var sources: [(part: Int32, entry: Int32)]
    }

    /// `redirects.json` made whole, with its digest, before the staging folder is open: beside
    /// the `.qrt` (in the CPU time its making leaves idle) in a portfolio that is not large,
    /// with or without the build cache.
    struct MadeJSON: Sendable {
        var bytes: [UInt8]
        var digest: SHA256.Digest
    }

    /// The JSON of `table`, in memory: from its codes' objects when they were made ahead
    /// (`spliced`), else code by code.
    static func makeJSON(_ table: RedirectTable, spliced: SplicedJSON?) -> MadeJSON {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spliced.map { $0.codeJSON.reduce(jsonChunkSize) { $0 + $1.bytes.count } } ?? table.codes.count * 560)
        var hasher = SHA256()
        func take(_ piece: UnsafeBufferPointer<UInt8>) {
            hasher.update(UnsafeRawBufferPointer(piece))
            bytes.append(contentsOf: piece)
        }
        if let spliced {
            TableJSONWriter.write(table, chunkSize: jsonChunkSize, codeJSON: spliced.codeJSON, sources: spliced.sources, to: take)
        } else {
            TableJSONWriter.write(table, chunkSize: jsonChunkSize, to: take)
        }
        return MadeJSON(bytes: bytes, digest: hasher.finalize())
    }

    /// The bytes of JSON gathered before they are written out.
    static let jsonChunkSize = 1 << 20
    /// A portfolio of more than this many code files is large: the build then saves memory
    /// rather than time. It keeps no codes' JSON objects in its cache, and writes the `.qrt`
    /// after lint rather than beside lint's whole-catalog checks (while the catalog is still
    /// held). The generated portfolios have about 100 codes per file, so this is some 400,000
    /// codes, where the objects alone would take over 200 MB (docs/build.md).
    static let largePortfolioFiles = 4_000

    enum Failure: Error {
        /// The table cannot be written as `.qrt` (a limit of the format).
        case table(QRTError)
        /// Writing into the staging folder failed.
        case file(any Error)
    }

    /// The `.qrt` file's bytes, or why the table cannot be written so.
    static func compact(_ table: RedirectTable) -> Result<[UInt8], QRTError> {
        compact(table, parts: nil, memo: nil).bytes
    }

    /// The `.qrt` of a table merged from `parts`, with the memo the write leaves for the next
    /// build's; from the last build's `memo` when it fits (`QRTWriter.write(_:parts:memo:)`).
    struct Compact: Sendable {
        var bytes: Result<[UInt8], QRTError>
        var written: QRTWriter.Written?
        /// Codes whose strings the memo gave.
        var reusedCodes: Int { written?.reusedCodes ?? 0 }
        /// The memo for the next build (made on each call).
        var memo: WriterMemo? { written?.memo }
    }

    static func compact(_ table: RedirectTable, parts: WriterMemo.Parts?, memo: WriterMemo?) -> Compact {
        do {
            guard let parts else { return Compact(bytes: .success(try QRTWriter.write(table))) }
            let written = try QRTWriter.write(table, parts: parts, memo: memo)
            return Compact(bytes: .success(written.bytes), written: written)
        } catch {
            return Compact(bytes: .failure(error))
        }
    }

    /// The manifest entries of both files, `.qrt` first.
    /// `compact` is `compact(table)` when it was made already.
    /// `madeJSON` is the JSON when it is being made already.
    static func run(_ table: RedirectTable, compact made: Result<[UInt8], QRTError>? = nil, json spliced: SplicedJSON? = nil,
                    madeJSON: Background<MadeJSON>? = nil, into staging: StagingFolder) async -> Result<[BuildManifest.File], Failure>
    {
        async let json = Result<BuildManifest.File, any Error> {
            guard let madeJSON = madeJSON?.value else { return try streamJSON(table, spliced: spliced, into: staging) }
            try staging.write(madeJSON.bytes, to: BuildTarget.tableJSONName)
            return BuildManifest.File(path: BuildTarget.tableJSONName, digest: madeJSON.digest, size: madeJSON.bytes.count)
        }
        let compact: BuildOutput
        switch made ?? Self.compact(table) {
        case .success(let bytes):
            compact = BuildOutput(path: BuildTarget.tableName, bytes: bytes)
        case .failure(let error):
            _ = await json
            return .failure(.table(error))
        }
        do {
            try staging.write(compact.bytes, to: compact.path)
            return .success([compact.manifestEntry, try await json.get()])
        } catch {
            _ = await json
            return .failure(.file(error))
        }
    }

    static func streamJSON(_ table: RedirectTable, spliced: SplicedJSON?, into staging: StagingFolder) throws -> BuildManifest.File {
        try staging.stream(to: BuildTarget.tableJSONName) { sink in
            var hasher = SHA256()
            var size = 0
            func take(_ piece: UnsafeBufferPointer<UInt8>) throws {
                hasher.update(UnsafeRawBufferPointer(piece))
                size += piece.count
                try sink(piece)
            }
            if let spliced {
                try TableJSONWriter.write(table, chunkSize: jsonChunkSize, codeJSON: spliced.codeJSON, sources: spliced.sources, to: take)
            } else {
                try TableJSONWriter.write(table, chunkSize: jsonChunkSize, to: take)
            }
            return BuildManifest.File(path: BuildTarget.tableJSONName, digest: hasher.finalize(), size: size)
        }
    }
}

import Routing
import TableFormat

/// The redirect table's two files: `redirects.qrt` (the compact form) and `redirects.json`
/// (the same content as JSON), made concurrently and written into the staging folder. The JSON
/// is streamed: written and hashed a megabyte at a time, never held whole (at a million codes
/// it is over 500 MB).
enum TableStage {
    /// The bytes of JSON gathered before they are written out.
    static let jsonChunkSize = 1 << 20

    enum Failure: Error {
        /// The table cannot be written as `.qrt` (a limit of the format).
        case table(QRTError)
        /// Writing into the staging folder failed.
        case file(any Error)
    }

    /// The manifest entries of both files, `.qrt` first.
    static func run(_ table: RedirectTable, into staging: StagingFolder) async -> Result<[BuildManifest.File], Failure> {
        async let json = Result<BuildManifest.File, any Error> { try streamJSON(table, into: staging) }
        let compact: BuildOutput
        do {
            compact = BuildOutput(path: BuildTarget.tableName, bytes: try QRTWriter.write(table))
        } catch {
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

    static func streamJSON(_ table: RedirectTable, into staging: StagingFolder) throws -> BuildManifest.File {
        try staging.stream(to: BuildTarget.tableJSONName) { sink in
            var hasher = SHA256()
            var size = 0
            try TableJSONWriter.write(table, chunkSize: jsonChunkSize) { piece in
                hasher.update(UnsafeRawBufferPointer(piece))
                size += piece.count
                try sink(piece)
            }
            return BuildManifest.File(path: BuildTarget.tableJSONName, digest: hasher.finalize(), size: size)
        }
    }
}

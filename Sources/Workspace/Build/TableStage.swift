import Routing
import TableFormat

/// The redirect table's two files: `redirects.qrt` (the compact form) and `redirects.json`
/// (the same content as JSON), written concurrently.
enum TableStage {
    static func run(_ table: RedirectTable) async -> Result<[BuildOutput], QRTError> {
        async let json = BuildOutput(path: BuildTarget.tableJSONName, bytes: TableJSONWriter.write(table))
        let compact: [UInt8]
        do {
            compact = try QRTWriter.write(table)
        } catch {
            _ = await json
            return .failure(error)
        }
        return .success([BuildOutput(path: BuildTarget.tableName, bytes: compact), await json])
    }
}

import Catalog
import Diagnostics
import Routing

/// What building one code file gives that depends on nothing but that file, the policies and
/// the `_defaults.yaml` files above it: its redirect-table entries and its half of the build
/// plan. `qrops build` makes it in lint's parallel pass, keeps it in `BuildProductCache` under
/// the file's check-cache key, and on a later build takes it from there instead of parsing the
/// file (docs/build.md, "Incremental builds").
public struct BuildProducts: Sendable {
    public var entries: TableCompiler.Entries
    public var plan: BuildPlanner.FilePlan

    /// Bumped whenever the layout below changes.
    static let version: UInt64 = 1

    public init(entries: TableCompiler.Entries, plan: BuildPlanner.FilePlan) {
        self.entries = entries
        self.plan = plan
    }

    /// The products of `codes` (one file's, in order).
    public static func make(_ codes: ArraySlice<Code>, policies: Policies, keepArtwork: Bool) -> BuildProducts {
        BuildProducts(entries: TableCompiler.entries(codes, policies: policies),
                      plan: BuildPlanner.filePlan(codes, policies: policies, keepArtwork: keepArtwork))
    }

    func bytes() -> [UInt8] {
        var writer = RecordWriter()
        writer.varint(Self.version)
        writer.count(entries.keys.count)
        for (key, code) in zip(entries.keys, entries.codes) {
            writer.string(key)
            writer.tableCode(code)
        }
        writer.count(entries.unlistedHosts.count)
        for host in entries.unlistedHosts { writer.string(host) }
        writer.filePlan(plan)
        return writer.finish()
    }

    init(bytes: [UInt8]) throws(RecordReader.Malformed) {
        var reader = try RecordReader(bytes)
        guard try reader.varint() == Self.version else { throw RecordReader.Malformed() }
        let pairs = try reader.list { (reader) throws(RecordReader.Malformed) in (try reader.string(), try reader.tableCode()) }
        let hosts = try reader.list { (reader) throws(RecordReader.Malformed) in try reader.string() }
        guard let entries = TableCompiler.Entries(keys: pairs.map(\.0), codes: pairs.map(\.1), unlistedHosts: hosts) else {
            throw RecordReader.Malformed()
        }
        self.entries = entries
        plan = try reader.filePlan()
        guard reader.isAtEnd else { throw RecordReader.Malformed() }
    }
}

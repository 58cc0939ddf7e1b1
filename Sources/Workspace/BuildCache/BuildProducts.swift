import Catalog
import Diagnostics
import Routing
import TableFormat

/// What building one code file gives that depends on nothing but that file, the policies and
/// the `_defaults.yaml` files above it: its redirect-table entries, their objects in
/// `redirects.json` (when asked for), and its half of the build plan. `qrops build` makes it in lint's parallel pass, keeps it in `BuildProductCache` under
/// the file's check-cache key, and on a later build takes it from there instead of parsing the
/// file (docs/build.md, "Incremental builds").
public struct BuildProducts: Sendable {
    public var entries: TableCompiler.Entries
    /// Kept encoded when taken from the cache (`PlannedFile`): decoded only when the build
    /// needs the plan itself.
    public var plan: PlannedFile
    /// The entries' objects in `redirects.json`, one per entry; nil when not made (a build
    /// without the cache writes the JSON code by code).
    public var json: CodeJSON?

    /// Bumped whenever the layout below changes.
    static let version: UInt64 = 3

    public init(entries: TableCompiler.Entries, plan: PlannedFile, json: CodeJSON? = nil) {
        self.entries = entries
        self.plan = plan
        self.json = json
    }

    /// The products of `codes` (one file's, in order); `json` makes the entries' JSON objects.
    public static func make(_ codes: ArraySlice<Code>, policies: Policies, keepArtwork: Bool, json: Bool = false) -> BuildProducts {
        let entries = TableCompiler.entries(codes, policies: policies)
        return BuildProducts(entries: entries, plan: PlannedFile(BuildPlanner.filePlan(codes, policies: policies, keepArtwork: keepArtwork)),
                             json: json ? CodeJSON(entries.codes) : nil)
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
        writer.planSummary(plan.summary)
        writer.rawBytes(plan.encoded()[...])
        writer.flag(json != nil)
        if let json {
            writer.rawBytes(json.bytes)
            writer.count(json.ends.count)
            var previous = 0
            for end in json.ends {
                writer.count(end - previous)
                previous = end
            }
        }
        return writer.finish()
    }

    init(bytes: [UInt8]) throws(RecordReader.Malformed) {
        try self.init(bytes: bytes[...])
    }

    init(bytes: ArraySlice<UInt8>) throws(RecordReader.Malformed) {
        var reader = try RecordReader(bytes)
        guard try reader.varint() == Self.version else { throw RecordReader.Malformed() }
        let pairs = try reader.list { (reader) throws(RecordReader.Malformed) in (try reader.string(), try reader.tableCode()) }
        let hosts = try reader.list { (reader) throws(RecordReader.Malformed) in try reader.string() }
        guard let entries = TableCompiler.Entries(keys: pairs.map(\.0), codes: pairs.map(\.1), unlistedHosts: hosts) else {
            throw RecordReader.Malformed()
        }
        self.entries = entries
        plan = PlannedFile(summary: try reader.planSummary(), encoded: Array(try reader.rawBytes()))
        json = try reader.optional { (reader) throws(RecordReader.Malformed) in
            let bytes = try reader.rawBytes()
            var end = 0
            let ends = try reader.list { (reader) throws(RecordReader.Malformed) in
                end += try reader.count()
                return end
            }
            guard let json = CodeJSON(bytes: bytes, ends: ends), json.count == entries.codes.count else { throw RecordReader.Malformed() }
            return json
        }
        guard reader.isAtEnd else { throw RecordReader.Malformed() }
    }
}

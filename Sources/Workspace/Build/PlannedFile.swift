import Catalog

/// One code file's half of the build plan as a build holds it: a summary, worked out when the
/// plan is made, and the plan itself (`BuildPlanner.FilePlan`), which a plan taken from the
/// build cache keeps encoded until it is needed. A build whose artwork plan is already in its
/// sealed staging folder (docs/build.md, "Unchanged artwork plans") needs only the summaries:
/// 100,000 codes' plans are then neither decoded nor joined.
public struct PlannedFile: Sendable {
    public struct Summary: Sendable, Equatable {
        /// Codes by status, counted in `CodeStatus.allCases` order.
        var counts: [Int]
        /// Printed codes (planned, or printed without artwork), before the files are joined.
        var printed: Int
        /// Whether an item is a finding (`build-unsafe-id`, `build-no-domain`,
        /// `build-artwork-invalid`).
        var hasFindings: Bool
        var keepsArtwork: Bool
        /// `ArtworkPlanDigest.ofFile` of the plan: every item's kind and id, and each planned
        /// code's cache material and formats (nothing located).
        var digest: SHA256.Digest
    }

    enum Form: Sendable {
        case decoded(BuildPlanner.FilePlan)
        /// `RecordWriter.filePlan`'s record, read back by `RecordReader.filePlan`.
        case encoded([UInt8])
    }

    public let summary: Summary
    let form: Form

    public init(_ plan: BuildPlanner.FilePlan) {
        var printed = 0
        var hasFindings = false
        for item in plan.items {
            switch item {
            case .unsafe: hasFindings = true
            case .candidate(_, _, .refused): hasFindings = true
            case .candidate(_, _, .planned), .candidate(_, _, .printed): printed += 1
            }
        }
        summary = Summary(counts: plan.counts, printed: printed, hasFindings: hasFindings, keepsArtwork: plan.keepsArtwork,
                          digest: ArtworkPlanDigest.ofFile(plan))
        form = .decoded(plan)
    }

    init(summary: Summary, encoded: [UInt8]) {
        self.summary = summary
        form = .encoded(encoded)
    }

    /// The plan; nil when its record does not read (a build cache written by a faulty
    /// build: `BuildPipeline` then builds again without that cache).
    public func plan() -> BuildPlanner.FilePlan? {
        switch form {
        case .decoded(let plan):
            return plan
        case .encoded(let bytes):
            guard var reader = try? RecordReader(bytes), let plan = try? reader.filePlan(), reader.isAtEnd,
                  plan.keepsArtwork == summary.keepsArtwork, plan.counts == summary.counts
            else { return nil }
            return plan
        }
    }

    /// The plan encoded (`RecordWriter.filePlan`), as the build cache keeps it.
    func encoded() -> [UInt8] {
        switch form {
        case .encoded(let bytes):
            return bytes
        case .decoded(let plan):
            var writer = RecordWriter()
            writer.filePlan(plan)
            return writer.finish()
        }
    }
}

extension BuildPlanner {
    /// The plan of files whose summaries are all that is known of them: their counts, and
    /// every printed code counted, with no artwork and no findings. That is the joined plan
    /// exactly when it holds no finding, which `BuildPipeline` knows when the files' digests
    /// (`ArtworkPlanDigest.of(files:engine:)`) are those of a plan that built (every build
    /// finding is an error); it uses this one only then, and only while the artwork stage
    /// does not run.
    static func summarized(_ files: [PlannedFile.Summary]) -> Plan {
        Plan(artwork: [], printedCodes: files.reduce(0) { $0 + $1.printed }, diagnostics: [],
             codesByStatus: codesByStatus(files.map(\.counts)))
    }
}

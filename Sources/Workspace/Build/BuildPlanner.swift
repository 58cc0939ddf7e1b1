import Artwork
import Catalog
import Diagnostics

/// From a linted catalog to the artwork to render (pure): which codes are printed, their short
/// URLs and settings, and the problems that stop a build although lint passed.
public enum BuildPlanner {
    /// Codes that are or may be on paper get artwork: `active`, and `paused` (a paused code
    /// is still printed; scans go to its fallback). `draft` codes are not printed yet;
    /// `retired` and `archived` ones no longer are.
    public static let printedStatuses: Set<CodeStatus> = [.active, .paused]

    public struct Plan: Sendable {
        /// Printed codes, ordered by id (bytewise); empty when the plan was made without
        /// keeping the artwork (`qrops build --no-artwork`).
        public var artwork: [ArtworkPlan]
        /// How many codes are printed (with valid artwork settings), kept or not.
        public var printedCodes: Int
        public var diagnostics: [Diagnostic]
        public var codesByStatus: [CodeStatus: Int]
    }

    /// What planning one file's codes gave: the half of the plan that depends on nothing but
    /// those codes and the policies. `qrops build` makes it in lint's parallel pass (or takes it
    /// from its cache, `BuildProducts`), and `plan(_:)` joins the files' plans, checking what
    /// needs every file (`build-id-case-clash`).
    public struct FilePlan: Sendable {
        /// Codes by status, counted in `CodeStatus.allCases` order.
        var counts: [Int]
        /// The file's printed codes, in file order.
        var items: [Item]
        /// Whether `.planned` outcomes were kept (`qrops build` without `--no-artwork`).
        var keepsArtwork: Bool

        enum Item: Sendable {
            /// A printed code whose id cannot name a file (`build-unsafe-id`).
            case unsafe(Diagnostic)
            /// A printed code whose id can: kept unless another code's id differs from it only in
            /// case (`folded` is `ArtworkFileName.folded(id)`).
            case candidate(id: Located<String>, folded: String, outcome: Outcome)
        }

        enum Outcome: Sendable {
            /// Printed, with its artwork plan (kept).
            case planned(ArtworkPlan)
            /// Printed; the plan was checked but not kept (`--no-artwork`).
            case printed
            /// Refused by the build's own checks (`build-no-domain`, `build-artwork-invalid`).
            case refused(Diagnostic)
        }
    }

    /// With `keepArtwork` false every printed code is still checked (a build without artwork
    /// refuses what a build with it refuses) but its plan is not kept: `artwork` stays empty.
    public static func plan(_ catalog: Catalog, keepArtwork: Bool = true) -> Plan {
        plan([filePlan(catalog.codes[...], policies: catalog.policies, keepArtwork: keepArtwork)])
    }

    /// The plan of some files' codes, given in catalog order.
    public static func plan(_ files: [FilePlan]) -> Plan {
        var plans: [ArtworkPlan] = []
        var diagnostics: [Diagnostic] = []
        var folded: [String: Located<String>] = [:]
        folded.reserveCapacity(files.reduce(0) { $0 + $1.items.count })
        if files.contains(where: \.keepsArtwork) { plans.reserveCapacity(folded.capacity) }
        var printed = 0
        for file in files {
            for item in file.items {
                switch item {
                case .unsafe(let diagnostic):
                    diagnostics.append(diagnostic)
                case .candidate(let id, let key, let outcome):
                    if let first = folded[key] {
                        // Exact duplicates are `duplicate-id` (a lint error); only case variants reach here.
                        if first.value != id.value { diagnostics.append(BuildRule.idCaseClash(id, first: first)) }
                        continue
                    }
                    folded[key] = id
                    switch outcome {
                    case .planned(let plan):
                        printed += 1
                        plans.append(plan)
                    case .printed:
                        printed += 1
                    case .refused(let diagnostic):
                        diagnostics.append(diagnostic)
                    }
                }
            }
        }
        plans.sort { ByteOrder.precedes($0.codeID.value, $1.codeID.value) }
        return Plan(artwork: plans, printedCodes: printed, diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder),
                    codesByStatus: codesByStatus(files.map(\.counts)))
    }

    /// Files' counts by status (each in `CodeStatus.allCases` order), added up.
    static func codesByStatus(_ files: [[Int]]) -> [CodeStatus: Int] {
        var counts = Array(repeating: 0, count: CodeStatus.allCases.count)
        for file in files {
            for (index, count) in file.enumerated() where index < counts.count { counts[index] += count }
        }
        var byStatus: [CodeStatus: Int] = [:]
        for (index, status) in CodeStatus.allCases.enumerated() where counts[index] > 0 { byStatus[status] = counts[index] }
        return byStatus
    }

    /// The per-file half of the plan (pure): each printed code's outcome, in order.
    public static func filePlan(_ codes: ArraySlice<Code>, policies: Policies, keepArtwork: Bool) -> FilePlan {
        var items: [FilePlan.Item] = []
        var counts = Array(repeating: 0, count: CodeStatus.allCases.count)
        var ignoresCase: [String: Bool] = [:]
        // By the identity of a code's shared artwork settings (nil: none of its own).
        var styleProblems: [ObjectIdentifier?: ArtworkError?] = [:]
        for code in codes {
            if let index = CodeStatus.allCases.firstIndex(of: code.status.value) { counts[index] += 1 }
            guard printedStatuses.contains(code.status.value) else { continue }
            if let reason = ArtworkFileName.problem(with: code.id.value) {
                items.append(.unsafe(BuildRule.unsafeID(code.id, reason: reason)))
                continue
            }
            func candidate(_ outcome: FilePlan.Outcome) {
                items.append(.candidate(id: code.id, folded: ArtworkFileName.folded(code.id.value), outcome: outcome))
            }
            guard let domain = policies.domain(of: code) else {
                candidate(.refused(BuildRule.noDomain(code)))
                continue
            }
            let caseInsensitive = ignoresCase[domain] ?? slugsIgnoreCase(on: domain, policies)
            ignoresCase[domain] = caseInsensitive
            func plan() -> ArtworkPlan {
                ArtworkPlan(code: code, domain: domain, caseInsensitivePath: caseInsensitive, policy: policies.artwork)
            }
            if keepArtwork {
                let plan = plan()
                if let problem = StyleCheck.problem(plan.style) {
                    candidate(.refused(BuildRule.artworkInvalid(plan, problem.description, at: plan.location(of: problem))))
                } else {
                    candidate(.planned(plan))
                }
                continue
            }
            // Without artwork only the style is checked, and it depends on nothing but the
            // code's artwork settings (shared by a folder's codes) and the policy: check each
            // shared settings object once. Only a failing code builds its plan, for the location.
            let settings = code.sharedArtwork.map(ObjectIdentifier.init)
            let problem: ArtworkError?
            if let known = styleProblems[settings] {
                problem = known
            } else {
                problem = StyleCheck.problem(plan().style)
                styleProblems[settings] = problem
            }
            if let problem {
                let plan = plan()
                candidate(.refused(BuildRule.artworkInvalid(plan, problem.description, at: plan.location(of: problem))))
            } else {
                candidate(.printed)
            }
        }
        return FilePlan(counts: counts, items: items, keepsArtwork: keepArtwork)
    }

    /// What `ArtworkStyle.validate()` throws, as a value.
    enum StyleCheck {
        static func problem(_ style: ArtworkStyle) -> ArtworkError? {
            do {
                try style.validate()
                return nil
            } catch {
                return error
            }
        }
    }

    /// Whether URL compaction may upper-case the slug: unless the domain's policy says
    /// `case-sensitive-slugs: true`. A domain the policy does not list gets the defaults, as
    /// everywhere else (and as the print rules assume when they size the symbol).
    static func slugsIgnoreCase(on domain: String, _ policies: Policies) -> Bool {
        let entry = policies.domains[domain]
            ?? policies.domains.first { $0.key.lowercased() == domain.lowercased() }?.value
        return !(entry?.caseSensitiveSlugs ?? false)
    }
}

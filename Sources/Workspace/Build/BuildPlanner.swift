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

    /// With `keepArtwork` false every printed code is still checked (a build without artwork
    /// refuses what a build with it refuses) but its plan is not kept: `artwork` stays empty.
    public static func plan(_ catalog: Catalog, keepArtwork: Bool = true) -> Plan {
        var plans: [ArtworkPlan] = []
        var diagnostics: [Diagnostic] = []
        var counts: [CodeStatus: Int] = [:]
        var folded: [String: Located<String>] = [:]
        folded.reserveCapacity(catalog.codes.count)
        if keepArtwork { plans.reserveCapacity(catalog.codes.count) }
        var printed = 0
        var ignoresCase: [String: Bool] = [:]
        // By the identity of a code's shared artwork settings (nil: none of its own).
        var styleProblems: [ObjectIdentifier?: ArtworkError?] = [:]
        for code in catalog.codes {
            counts[code.status.value, default: 0] += 1
            guard printedStatuses.contains(code.status.value) else { continue }
            if let reason = ArtworkFileName.problem(with: code.id.value) {
                diagnostics.append(BuildRule.unsafeID(code.id, reason: reason))
                continue
            }
            let key = ArtworkFileName.folded(code.id.value)
            if let first = folded[key] {
                // Exact duplicates are `duplicate-id` (a lint error); only case variants reach here.
                if first.value != code.id.value { diagnostics.append(BuildRule.idCaseClash(code.id, first: first)) }
                continue
            }
            folded[key] = code.id
            guard let domain = catalog.policies.domain(of: code) else {
                diagnostics.append(BuildRule.noDomain(code))
                continue
            }
            let caseInsensitive = ignoresCase[domain] ?? slugsIgnoreCase(on: domain, catalog.policies)
            ignoresCase[domain] = caseInsensitive
            func plan() -> ArtworkPlan {
                ArtworkPlan(code: code, domain: domain, caseInsensitivePath: caseInsensitive, policy: catalog.policies.artwork)
            }
            if keepArtwork {
                let plan = plan()
                do {
                    try plan.style.validate()
                    printed += 1
                    plans.append(plan)
                } catch {
                    diagnostics.append(BuildRule.artworkInvalid(plan, error.description, at: plan.location(of: error)))
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
                diagnostics.append(BuildRule.artworkInvalid(plan, problem.description, at: plan.location(of: problem)))
            } else {
                printed += 1
            }
        }
        plans.sort { ByteOrder.precedes($0.codeID.value, $1.codeID.value) }
        return Plan(artwork: plans, printedCodes: printed, diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), codesByStatus: counts)
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

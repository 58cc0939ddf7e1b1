import Catalog
import Rules

/// Classifies a code change (docs/diff.md, "Risk"):
///
/// * **high**: on a printed code (active on the base) a pause or a new destination domain; any
///   change of a code in a regulated compliance category (on either side); a change that alters
///   what the base's `expect:` entries see (`ExpectationProbe`); deleting a published code, or
///   changing its slug or short domain;
/// * **medium**: re-pointing, re-routing (routes, fallback, redirect, query forwarding, UTM),
///   status and lifecycle-date changes;
/// * **low**: metadata only (owner, labels, artwork, name, tags, ...) and new codes.
public struct RiskClassifier: Sendable {
    public var probe: any ExpectationProbe

    public init(probe: any ExpectationProbe = ConservativeExpectationProbe()) {
        self.probe = probe
    }

    public func classify(_ change: CodeChange, base: Code?, head: Code?, basePolicies: Policies, headPolicies: Policies) -> CodeChange {
        var change = change
        var reasons: [RiskReason] = []
        let categories = Set(change.categories)
        let printed = base?.status.value == .active
        let published = base?.status.value.hasBeenPublished ?? false

        var regulated: [String] = []
        if let category = base?.compliance?.value, basePolicies.compliance[category]?.regulated == true { regulated.append(category) }
        if let category = head?.compliance?.value, headPolicies.compliance[category]?.regulated == true, !regulated.contains(category) {
            regulated.append(category)
        }
        for category in regulated { reasons.append(RiskReason(.high, "regulated compliance category `\(category)`")) }

        switch change.kind {
        case .added:
            reasons.append(RiskReason(.low, "new code"))
        case .deleted:
            reasons.append(published
                ? RiskReason(.high, "\(base?.status.value.rawValue ?? "published") code deleted: scans of its prints find nothing")
                : RiskReason(.low, "draft deleted"))
        case .modified:
            if printed, categories.contains(.paused) { reasons.append(RiskReason(.high, "printed code paused: scans go to the fallback")) }
            if printed, let base, let head {
                let added = DestinationHost.hosts(of: head.destinations.map(\.value))
                    .subtracting(DestinationHost.hosts(of: base.destinations.map(\.value)))
                if !added.isEmpty {
                    reasons.append(RiskReason(.high, "printed code sends scans to a new domain: " + added.sorted().joined(separator: ", ")))
                }
            }
            if published, categories.contains(.identity), change.fields.contains(where: { $0.key == "slug" || $0.key == "domain" }) {
                reasons.append(RiskReason(.high, "slug or short domain of a published code changed: its prints stop working"))
            }
            if let base, let head, probe.altersExpectations(base: base, head: head, changes: change.fields, basePolicies: basePolicies, headPolicies: headPolicies) {
                reasons.append(RiskReason(.high, "changes what the code's `expect:` entries see"))
            }
            if categories.contains(.repointed) { reasons.append(RiskReason(.medium, "re-pointed")) }
            if categories.contains(.rerouted) { reasons.append(RiskReason(.medium, "re-routed")) }
            if categories.contains(.reactivated) { reasons.append(RiskReason(.medium, "retired code reactivated")) }
            if !categories.isDisjoint(with: [.status, .retired, .paused]) { reasons.append(RiskReason(.medium, "status changed")) }
            if categories.contains(.lifecycle) { reasons.append(RiskReason(.medium, "launch or retirement date changed")) }
            if categories.contains(.identity), !published { reasons.append(RiskReason(.medium, "slug or domain of an unpublished code changed")) }
            if reasons.isEmpty { reasons.append(RiskReason(.low, "metadata only")) }
        }
        var seen = Set<String>()
        reasons = reasons.filter { seen.insert($0.text).inserted }
        change.reasons = reasons.enumerated().sorted { ($0.element.risk, -$0.offset) > ($1.element.risk, -$1.offset) }.map(\.element)
        change.risk = reasons.map(\.risk).max() ?? .low
        return change
    }
}

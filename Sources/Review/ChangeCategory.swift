import Catalog
import Rules

/// What kind of change a code went through, for the summary of `qrops diff`. A code can be in
/// several categories; they are listed in this order.
public enum ChangeCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case added
    case deleted
    case retired
    case reactivated
    case paused
    case status
    /// `slug` or `domain`: what is printed in the symbol.
    case identity
    case repointed = "re-pointed"
    case rerouted = "re-routed"
    case lifecycle
    case owner
    case compliance
    case labels
    case artwork
    case expect
    case metadata

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: ChangeCategory, b: ChangeCategory) -> Bool { a.rank < b.rank }

    /// The category of a changed field. `status` depends on the two statuses.
    public static func of(_ change: FieldChange, before: CodeStatus?, after: CodeStatus?) -> ChangeCategory {
        switch change.key {
        case "status":
            if after == .paused { return .paused }
            if let after, after.isRetired, before?.isRetired != true { return .retired }
            if let before, before.isRetired, after?.isRetired != true { return .reactivated }
            return .status
        case "slug", "domain": return .identity
        case "target": return .repointed
        case "routes", "fallback", "redirect", "forward-query", "utm": return .rerouted
        case "launch", "retire": return .lifecycle
        case "owner": return .owner
        case "compliance": return .compliance
        case "labels": return .labels
        case "artwork": return .artwork
        case "expect": return .expect
        default: return .metadata
        }
    }
}

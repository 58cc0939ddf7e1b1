import Catalog
import Diagnostics

extension RuleRegistry {
    /// Rules that compare a pull request with its base (`qrops lint --base REF`, `qrops diff`):
    /// printed codes are forever. In documentation order.
    public static let baseRules: [any Rule.Type] = [
        PublishedCodeDeletedRule.self,
        SlugChangedRule.self,
        DomainChangedRule.self,
        IdReusedRule.self,
        RetiredReactivatedRule.self,
        DestinationChangeNeedsReasonRule.self,
    ]
}

/// `change-reason:` as the base rules read it.
enum ChangeReason {
    /// Whether the pull request's code explains its change: it has a non-blank `change-reason:`
    /// that is not the base's reason carried over unchanged (that one explained an earlier change).
    static func explains(head: Code, base: Code) -> Bool {
        guard let reason = head.changeReasonText else { return false }
        return reason != base.changeReasonText
    }

    static func hint(_ what: String) -> String {
        "add `change-reason: <why>` to the code (a new one: the base's reason explained an earlier change); "
            + "reviewers see it in `qrops diff` \(what)"
    }
}

/// How a slug is compared on its domain: without case unless the domain's policy says
/// `case-sensitive-slugs: true` (web servers and scanners fold case).
enum SlugKey {
    static func key(domain: String, slug: String, policies: Policies) -> String {
        let sensitive = policies.domains[domain]?.caseSensitiveSlugs ?? false
        return domain.lowercased() + "/" + (sensitive ? slug : slug.lowercased())
    }

    static func same(_ a: String, _ b: String, domain: String, policies: Policies) -> Bool {
        (policies.domains[domain]?.caseSensitiveSlugs ?? false) ? a == b : a.lowercased() == b.lowercased()
    }
}

extension Located {
    /// Where the key of this value is, or the value itself when it has no key.
    var keyOrValue: SourceLocation { keyLocation ?? location }
}

import Diagnostics

/// How strongly a rule is enforced, as configured in `policies/` (`rules:`).
public enum RuleSetting: String, Sendable, Hashable, CaseIterable {
    case error, warning, off
}

public struct Owner: Sendable {
    public var key: Located<String>
    public var name: Located<String>?
    public var contact: Located<String>?
    public var reviewers: [Located<String>]
    public var active: Bool

    public init(key: Located<String>) {
        self.key = key
        reviewers = []
        active = true
    }
}

public struct DomainPolicy: Sendable {
    public var host: Located<String>
    public var fallback: Located<String>?
    public var notFound: Located<String>?
    public var caseSensitiveSlugs: Bool
    public var countryHeader: Located<String>?

    public init(host: Located<String>) {
        self.host = host
        caseSensitiveSlugs = false
    }
}

public struct UseCase: Sendable {
    public var key: Located<String>
    public var maxLifespan: Located<CalendarDuration>?
    public var requiredLabels: [Located<String>]
    /// Severity overrides that apply only to codes of this use case.
    public var rules: [String: Located<RuleSetting>]

    public init(key: Located<String>) {
        self.key = key
        requiredLabels = []
        rules = [:]
    }
}

public struct ComplianceCategory: Sendable {
    public var key: Located<String>
    public var reviewers: [Located<String>]
    public var requiredLabels: [Located<String>]
    /// When set, replaces the global allow-list for codes in this category.
    public var allowedDestinations: [Located<String>]?
    /// Regulated categories raise the risk of every change in `qrops diff`.
    public var regulated: Bool
    public var rules: [String: Located<RuleSetting>]

    public init(key: Located<String>) {
        self.key = key
        reviewers = []
        requiredLabels = []
        regulated = false
        rules = [:]
    }
}

public struct ArtworkPolicy: Sendable {
    public var defaults: ArtworkSpec?
    public var minModule: Located<Length>?
    public var minContrast: Located<Double>?
    public var minQuietZone: Located<Int>?

    public init() {}
}

/// Every policy file merged into one typed model. A section may appear in one file only.
public struct Policies: Sendable {
    public var owners: [String: Owner] = [:]
    public var domains: [String: DomainPolicy] = [:]
    public var defaultDomain: Located<String>?
    public var allowedDestinations: [Located<String>] = []
    public var useCases: [String: UseCase] = [:]
    public var compliance: [String: ComplianceCategory] = [:]
    public var namePattern: Located<String>?
    public var idPattern: Located<String>?
    public var slugPattern: Located<String>?
    public var retiringSoon: Located<CalendarDuration>?
    public var utmRequiredFor: [Located<String>] = []
    public var reservedSlugs: [Located<String>] = []
    public var artwork = ArtworkPolicy()
    public var rules: [String: Located<RuleSetting>] = [:]
    public var buildTargets: [Located<String>]?
    /// Where each section was defined, for "defined here" notes.
    public var sections: [String: SourceLocation] = [:]

    public init() {}

    /// The short domain a code is published on.
    public func domain(of code: Code) -> String? {
        code.domain?.value ?? defaultDomain?.value
    }
}

import Diagnostics

/// The devices the User-Agent classifier tells apart (docs/routing.md).
public enum Device: String, Sendable, Hashable, CaseIterable {
    case ios, android, mobile, desktop
}

/// A `when:` mapping: every key given must match (AND); a list matches any item (OR).
public struct Condition: Sendable {
    public var devices: Located<[Device]>?
    public var languages: Located<[String]>?
    public var countries: Located<[String]>?
    /// Parameter name to value; `"*"` means "present with any value".
    public var query: [(name: Located<String>, value: Located<String>)]
    public var after: Located<Instant>?
    public var before: Located<Instant>?
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
        query = []
    }

    public var isEmpty: Bool {
        devices == nil && languages == nil && countries == nil && query.isEmpty && after == nil && before == nil
    }
}

/// One arm of a weighted A/B split.
public struct SplitArm: Sendable {
    public var weight: Located<Int>
    public var target: Located<String>
    public var location: SourceLocation

    public init(weight: Located<Int>, target: Located<String>, location: SourceLocation) {
        self.weight = weight
        self.target = target
        self.location = location
    }
}

/// One entry of `routes:`: a condition and either a target or a split.
public struct Route: Sendable {
    public var when: Condition?
    public var target: Located<String>?
    public var split: [SplitArm]
    public var location: SourceLocation

    public init(when: Condition?, target: Located<String>?, split: [SplitArm], location: SourceLocation) {
        self.when = when
        self.target = target
        self.split = split
        self.location = location
    }
}

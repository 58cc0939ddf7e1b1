/// How closely reviewers should look at a change (`qrops diff`; docs/diff.md).
public enum Risk: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: Risk, b: Risk) -> Bool { a.rank < b.rank }
}

/// One reason for a code change's risk, with the level it implies.
public struct RiskReason: Sendable, Hashable {
    public var risk: Risk
    public var text: String

    public init(_ risk: Risk, _ text: String) {
        self.risk = risk
        self.text = text
    }
}

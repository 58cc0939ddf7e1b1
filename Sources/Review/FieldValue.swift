import Diagnostics

/// One field of a code in canonical text, as `qrops diff` and `qrops history` compare and show
/// it: `target`, `labels.region`, `routes[2]`, `artwork.ec`. Two codes differ in a field when its
/// texts differ (or only one has it); where it is written does not count.
public struct FieldValue: Sendable, Hashable {
    /// The field's name: a key of the code format, a `parent.key`, or `list[N]` (1-based).
    public var name: String
    public var text: String
    /// Where the value is written (it may be in a `_defaults.yaml`); nil for a computed value
    /// such as the policy's default domain.
    public var location: SourceLocation?
    /// Orders fields as the code format lists them: the top-level key's rank, then the index or
    /// sub-key.
    public var order: FieldOrder

    public init(name: String, text: String, location: SourceLocation?, order: FieldOrder) {
        self.name = name
        self.text = text
        self.location = location
        self.order = order
    }
}

/// The position of a field in the documented order of a code's keys.
public struct FieldOrder: Sendable, Hashable, Comparable {
    public var rank: Int
    public var index: Int
    public var key: String

    public init(rank: Int, index: Int = 0, key: String = "") {
        self.rank = rank
        self.index = index
        self.key = key
    }

    public static func < (a: FieldOrder, b: FieldOrder) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.index != b.index { return a.index < b.index }
        return a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }
}

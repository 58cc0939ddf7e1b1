import Catalog
import Diagnostics

/// One code that differs between the base and the pull request, matched by `id`.
public struct CodeChange: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case added, deleted, modified
    }

    /// Where one side of the code is: its file, the line of its `id:`, and a few fields the
    /// reports show for context.
    public struct Side: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var status: CodeStatus
        public var owner: String?
        public var changeReason: String?

        public init(_ code: Code) {
            file = code.file
            line = (code.id.keyLocation ?? code.id.location).line
            status = code.status.value
            owner = code.owner?.value
            changeReason = code.changeReason?.value
        }
    }

    public var id: String
    public var kind: Kind
    public var base: Side?
    public var head: Side?
    /// Field by field, in the code format's order. For an added code: every field (`before`
    /// nil); for a deleted one: every field of the base (`after` nil).
    public var fields: [FieldChange]
    public var categories: [ChangeCategory]
    public var risk: Risk
    /// Every reason found, highest risk first.
    public var reasons: [RiskReason]

    public init(id: String, kind: Kind, base: Side?, head: Side?, fields: [FieldChange]) {
        self.id = id
        self.kind = kind
        self.base = base
        self.head = head
        self.fields = fields
        categories = []
        risk = .low
        reasons = []
    }

    /// The side to point people at: the pull request's, or the base's for a deleted code.
    public var file: String { head?.file ?? base?.file ?? "" }
    public var line: Int { head?.line ?? base?.line ?? 0 }

    /// The reasons at the change's own risk level.
    public var topReasons: [RiskReason] { reasons.filter { $0.risk == risk } }

    /// Report order: highest risk first, then by id (bytewise).
    public static func reportOrder(_ a: CodeChange, _ b: CodeChange) -> Bool {
        if a.risk != b.risk { return a.risk > b.risk }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

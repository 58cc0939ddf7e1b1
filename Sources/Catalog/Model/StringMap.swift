import Diagnostics

/// A code's `labels:` or `utm:` entries in the order of its merged mapping: the code's own, in
/// the order written, then those it inherits from its defaults and does not override.
///
/// The inherited entries are the same for every code of a file that does not override any of
/// them, so those codes share one array of them instead of each holding a copy (in a generated
/// portfolio, eight of a code's thirteen entries are inherited).
public struct StringMap: RandomAccessCollection, Sendable {
    /// The code's own entries.
    let own: [StringEntry]
    /// The inherited entries the code does not override.
    let inherited: [StringEntry]

    /// No entries.
    public init() {
        own = []
        inherited = []
    }

    /// `own` entries, then `inherited` ones (which must not repeat a key of `own`).
    public init(_ own: [StringEntry], inherited: [StringEntry] = []) {
        self.own = own
        self.inherited = inherited
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { own.count + inherited.count }

    public subscript(position: Int) -> StringEntry {
        position < own.count ? own[position] : inherited[position - own.count]
    }

    /// The entry whose key is `name`, if there is one.
    public func entry(named name: String) -> StringEntry? {
        own.first { $0.name == name } ?? inherited.first { $0.name == name }
    }
}

/// `[]` is an empty map, `[entry, ...]` a map of own entries.
extension StringMap: ExpressibleByArrayLiteral {
    public init(arrayLiteral entries: StringEntry...) { self.init(entries) }
}

/// A map shows as its entries, however they are stored (`dump`, the debugger).
extension StringMap: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection) }
}

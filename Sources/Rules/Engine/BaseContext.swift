import Catalog
import Diagnostics

/// What the rules that compare with the base of a pull request see besides the pull request's
/// own catalog (`qrops lint --base REF`, `qrops diff`): the base's catalog, how codes pair up
/// (by `id`), and how to point at the base in a note. Pure: the git edge builds the catalogs.
public struct BaseContext: Sendable {
    public let base: Catalog
    /// How the base is named in messages and note locations, e.g. `origin/main`.
    public let ref: String
    /// Files of the pull request that could not be read or decoded completely. The codes the base
    /// had in them are not reported as deleted: the reading error explains what happened.
    public let incompleteHeadFiles: Set<String>
    /// Codes by id (the first in report order when an id is duplicated).
    public let baseByID: [String: Code]
    public let headByID: [String: Code]

    public init(base: Catalog, head: Catalog, ref: String, incompleteHeadFiles: Set<String> = []) {
        self.base = base
        self.ref = ref
        self.incompleteHeadFiles = incompleteHeadFiles
        baseByID = Self.index(base.codes)
        headByID = Self.index(head.codes)
    }

    private static func index(_ codes: [Code]) -> [String: Code] {
        var byID: [String: Code] = [:]
        byID.reserveCapacity(codes.count)
        for code in codes where byID[code.id.value] == nil { byID[code.id.value] = code }
        return byID
    }

    /// Every code of the pull request that the base also has, with its base version, in the
    /// head's report order.
    public func pairs(in head: Catalog) -> [(base: Code, head: Code)] {
        var pairs: [(base: Code, head: Code)] = []
        pairs.reserveCapacity(head.codes.count)
        for code in head.codes {
            if let before = baseByID[code.id.value], headByID[code.id.value] === code { pairs.append((before, code)) }
        }
        return pairs
    }

    /// A location in the base, written `REF:path` (git's notation for a file at a revision, as
    /// `git show REF:path` takes it), so that it can never be mistaken for a working-tree file.
    public func location(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: ref + ":" + location.file, line: location.line, column: location.column)
    }
}

/// A finding of a rule that compares with the base, with the code it is about (whose `ignore:`
/// entries and per-use-case and per-category severities apply; the base's code for a code that
/// is gone from the pull request).
public struct BaseFinding: Sendable {
    public var diagnostic: Diagnostic
    public var code: Code?

    public init(_ diagnostic: Diagnostic, about code: Code?) {
        self.diagnostic = diagnostic
        self.code = code
    }
}

extension CodeStatus {
    /// Whether a code in this status has been (or still is) out in the world: everything but
    /// `draft`. Such a code's id, slug and domain are permanent.
    public var hasBeenPublished: Bool { self != .draft }

    /// `retired` and `archived`: scans go to the fallback for good.
    public var isRetired: Bool { self == .retired || self == .archived }
}

extension Code {
    /// The `change-reason:` text, trimmed; nil when missing or blank.
    public var changeReasonText: String? {
        guard let text = changeReason?.value.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// A code's life in git, oldest first (`qrops history ID`): each commit that changed it, with
/// who, when, and the fields that changed. Built by the git edge; rendered by
/// `HumanHistoryRenderer` and `JSONHistoryRenderer`.
public struct CodeHistory: Sendable {
    public var id: String
    public var entries: [HistoryEntry]
    /// The clone is shallow: history before its oldest commit is missing.
    public var isShallow: Bool
    /// Files under `codes/` with uncommitted changes (not part of the history).
    public var uncommitted: [String]
    /// Where the code is at `HEAD`, if it still exists there.
    public var currentFile: String?

    public init(id: String, entries: [HistoryEntry], isShallow: Bool, uncommitted: [String], currentFile: String?) {
        self.id = id
        self.entries = entries
        self.isShallow = isShallow
        self.uncommitted = uncommitted
        self.currentFile = currentFile
    }
}

/// One commit that changed a code.
public struct HistoryEntry: Sendable {
    public enum Event: String, Sendable, Hashable {
        /// The code appears for the first time.
        case created
        /// The code appears again after it had been deleted.
        case restored
        /// Fields changed (the code may also have moved).
        case modified
        /// Only the file changed.
        case moved
        case deleted
    }

    public var commit: String
    public var parents: [String]
    public var author: String
    public var email: String
    /// Author date, strict ISO 8601 as git prints it (`2026-03-01T09:30:00+01:00`).
    public var date: String
    public var subject: String
    public var event: Event
    /// The code's file after the commit (nil when deleted) and before it (nil when created).
    public var file: String?
    public var previousFile: String?
    /// Field changes; for `created` and `restored`, every field (`before` nil).
    public var fields: [FieldChange]

    public init(commit: String, parents: [String], author: String, email: String, date: String, subject: String,
                event: Event, file: String?, previousFile: String?, fields: [FieldChange]) {
        self.commit = commit
        self.parents = parents
        self.author = author
        self.email = email
        self.date = date
        self.subject = subject
        self.event = event
        self.file = file
        self.previousFile = previousFile
        self.fields = fields
    }

    /// A merge commit: its change is relative to the first parent (what the merge brought in).
    public var isMerge: Bool { parents.count > 1 }
}

import Catalog

/// When a code's `ignore:` entry actually suppresses: shared by the engine and the suppression rules.
extension IgnoreEntry {
    /// A reason that says something (not only spaces).
    var hasReason: Bool {
        guard let reason else { return false }
        return reason.value.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// True when `until` has passed (the entry then suppresses nothing).
    func isExpired(at now: Instant) -> Bool {
        guard let until else { return false }
        return until.value < now
    }

    /// True when the entry suppresses findings of its rule at `now`.
    func suppresses(at now: Instant) -> Bool {
        hasReason && !isExpired(at: now)
    }
}

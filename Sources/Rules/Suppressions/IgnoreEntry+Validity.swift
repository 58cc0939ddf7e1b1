import Catalog

/// When a code's `ignore:` entry actually suppresses: shared by the engine and the suppression rules.
extension IgnoreEntry {
    /// A reason that says something (not only spaces).
    var hasReason: Bool {
        guard let reason else { return false }
        return reason.value.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// True when `until` has passed (the entry then suppresses nothing).
    func isExpired(in context: RuleContext) -> Bool {
        guard let until else { return false }
        return context.hasPassed(until.value)
    }

    /// True when the entry suppresses findings of its rule now.
    func suppresses(in context: RuleContext) -> Bool {
        hasReason && !isExpired(in: context)
    }
}

extension Code {
    /// Forgets what only code-scoped rules and reviews read: labels, tags, name, owner, change
    /// reason and `expect:` entries. What the whole-catalog checks, the redirect table and the
    /// artwork plan read stays: identity, status and lifecycle instants, destinations, routes,
    /// UTM, artwork, scan distance, and what configures a finding's severity (`use`,
    /// `compliance`, `ignore:` entries).
    ///
    /// For `LintPipeline`'s `.routing` retention, which calls it on each code right after the
    /// code-scoped rules have checked it, before the code is shared with any other task (the
    /// same point at which the decoder still owns it). At a million codes the dropped fields are
    /// over a gigabyte.
    public func forgetDescriptiveFields() {
        labels = []
        tags = []
        name = nil
        owner = nil
        changeReason = nil
        expect = []
    }
}

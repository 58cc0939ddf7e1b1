/// One output format for a list of diagnostics. Renderers are pure: values in, text out; the
/// caller decides where the text goes (stderr for `human`, stdout for the machine formats).
///
/// Every renderer sorts its input with `[Diagnostic].sortedForReport()`, so the order in
/// which diagnostics were produced (for example by parallel loading) never shows.
public protocol DiagnosticRenderer: Sendable {
    /// - Parameters:
    ///   - diagnostics: every finding, including suppressed ones.
    ///   - filesChecked: how many files the run looked at, for the summary.
    func render(_ diagnostics: [Diagnostic], filesChecked: Int) -> String
}

extension Array where Element == Diagnostic {
    /// `Diagnostic.reportOrder`, with ties (same place, rule and message) broken by the
    /// remaining fields so that the output never depends on the input order.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            if Diagnostic.reportOrder(a, b) { return true }
            if Diagnostic.reportOrder(b, a) { return false }
            return a.tieBreakKey.lexicographicallyPrecedes(b.tieBreakKey)
        }
    }
}

extension Diagnostic {
    fileprivate var tieBreakKey: [String] {
        var key = [severity.rawValue, String(length), hint ?? "", suppression?.reason ?? "", suppression?.until ?? ""]
        for note in notes {
            key += [note.message, note.location?.description ?? ""]
        }
        return key
    }
}

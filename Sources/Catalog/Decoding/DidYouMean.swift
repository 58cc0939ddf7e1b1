/// Suggests the closest known word for a misspelt one (Damerau-Levenshtein, optimal string
/// alignment), or nil when nothing is close enough to be a plausible typo.
public enum DidYouMean {
    public static func suggest(_ word: String, among candidates: some Sequence<String>) -> String? {
        let lower = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = Self.distance(lower, Array(candidate.lowercased().unicodeScalars))
            let limit = max(1, min(3, max(lower.count, candidate.count) / 3))
            guard distance <= limit else { continue }
            if best == nil || distance < best?.1 ?? Int.max || (distance == best?.1 && candidate < best?.0 ?? "") {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// "did you mean `x`?" or a list of the allowed words when there is no close one.
    public static func hint(for word: String, among candidates: [String], listing: Bool = true) -> String? {
        if let suggestion = suggest(word, among: candidates) { return "did you mean `\(suggestion)`?" }
        guard listing, !candidates.isEmpty else { return nil }
        let shown = candidates.sorted().prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        return "expected one of: \(shown)\(candidates.count > 12 ? ", ..." : "")"
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

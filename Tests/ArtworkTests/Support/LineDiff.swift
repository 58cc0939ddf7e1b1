/// A minimal line diff (longest common subsequence) for golden-file failures: changed lines
/// with their line numbers, at most `limit` of them.
enum LineDiff {
    static func render(expected: [String], actual: [String], limit: Int = 60) -> String {
        guard expected.count * actual.count <= 4_000_000 else {
            let common = min(expected.count, actual.count)
            let index = (0..<common).first { expected[$0] != actual[$0] } ?? common
            return "first difference at line \(index + 1) (files too large for a full diff)"
        }
        var output: [String] = []
        for change in changes(expected, actual) where output.count < limit {
            output.append(change)
        }
        return output.joined(separator: "\n")
    }

    private static func changes(_ old: [String], _ new: [String]) -> [String] {
        // common[i][j] = length of the LCS of old[i...] and new[j...]
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1; j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                result.append("-\(i + 1): \(old[i])"); i += 1
            } else {
                result.append("+\(j + 1): \(new[j])"); j += 1
            }
        }
        return result
    }
}

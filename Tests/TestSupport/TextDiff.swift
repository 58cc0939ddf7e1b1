/// A small line diff for golden-file failures: `-` golden, `+` actual, three lines of context,
/// control characters (ANSI escapes, CR) made visible.
public enum TextDiff {
    private enum Edit {
        case same(String)
        case removed(String)
        case added(String)

        var isSame: Bool {
            if case .same = self { return true }
            return false
        }

        var isAdded: Bool {
            if case .added = self { return true }
            return false
        }
    }

    public static func unified(_ old: String, _ new: String, context: Int = 3) -> String {
        unified(lines: lines(old), lines(new), context: context)
    }

    /// The same over lines already split. Past 4,000,000 line pairs (the edit script's table)
    /// only the first difference is shown, with its context.
    public static func unified(lines old: [String], _ new: [String], context: Int = 3) -> String {
        guard old.count * new.count <= 4_000_000 else {
            let common = min(old.count, new.count)
            let first = (0..<common).first { !same(old[$0], new[$0]) } ?? common
            let shown = max(0, first - context)..<min(max(old.count, new.count), first + context + 1)
            let rows = shown.map { line -> String in
                let a = line < old.count ? old[line] : "(end)", b = line < new.count ? new[line] : "(end)"
                return same(a, b) ? " " + visible(a) : "-" + visible(a) + "\n+" + visible(b)
            }
            return "@@ golden line \(first + 1), first difference (too large for a full diff) @@\n" + rows.joined(separator: "\n")
        }
        let edits = script(old, new)
        let changed = edits.indices.filter { !edits[$0].isSame }
        var output: [String] = []
        var lastShown = -1
        var goldenLine = 1
        for index in edits.indices {
            defer { if !edits[index].isAdded { goldenLine += 1 } }
            guard changed.contains(where: { abs($0 - index) <= context }) else { continue }
            if index != lastShown + 1 { output.append("@@ golden line \(goldenLine) @@") }
            output.append(render(edits[index]))
            lastShown = index
        }
        return output.joined(separator: "\n")
    }

    private static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// Longest-common-subsequence edit script; fine for files of a few hundred lines.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = same(a[i], b[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, same(a[i], b[j]) {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }

    /// Byte equality: `==` on `String` would hide a change of Unicode normalisation.
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    private static func render(_ edit: Edit) -> String {
        switch edit {
        case let .same(line): " " + visible(line)
        case let .removed(line): "-" + visible(line)
        case let .added(line): "+" + visible(line)
        }
    }

    private static func visible(_ line: String) -> String {
        var output = ""
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// Making untrusted text safe and measurable for a terminal.
///
/// Source lines and messages come from user files, so they may hold control characters
/// (an ESC would start an ANSI sequence) or bidirectional overrides (which reorder what the
/// reader sees). Neither reaches the terminal raw.
public enum TerminalText {
    /// A source line prepared for a code frame: one displayed scalar per source scalar, so
    /// that scalar column N is still the N-th element. A tab becomes one space (a column
    /// counts a tab as one); other control and bidi-control characters become U+FFFD.
    static func frameScalars(_ line: Substring) -> [Unicode.Scalar] {
        line.unicodeScalars.map { scalar in
            if scalar == "\t" { return " " }
            return isUnsafe(scalar) ? "\u{FFFD}" : scalar
        }
    }

    /// A message, path or hint with unsafe characters written as escapes (`\n`, `\u{1B}`).
    public static func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isUnsafe(scalar): output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// How many terminal cells a scalar occupies: 0 for combining marks and invisible format
    /// characters, 2 for East Asian wide and fullwidth characters and emoji, 1 otherwise.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    static func cellWidth<S: Sequence>(of scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + cellWidth($1) }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true                      // C0, DEL, C1
        case 0x200E, 0x200F, 0x061C: true                        // LRM, RLM, ALM
        case 0x202A...0x202E, 0x2066...0x2069: true              // bidi embeddings, overrides, isolates
        default: false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, after Markus Kuhn's wcwidth.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

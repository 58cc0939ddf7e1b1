import Catalog
import Routing

/// The router's device classifier (`DeviceClassifier.steps`) as regular expressions, one per
/// step, for the targets that classify with regexes (nginx, HAProxy, Caddy, Apache). The steps
/// are tried in order; the first that matches decides; none matching means desktop.
/// `UserAgentRegexTests` replays the User-Agent corpus through these patterns and the classifier.
enum UserAgentRegex {
    /// The steps with their patterns, in order.
    static func steps(_ dialect: RegexDialect) -> [(kind: Device, pattern: String)] {
        DeviceClassifier.steps.map { ($0.kind, pattern($0.test, dialect)) }
    }

    static func pattern(_ test: DeviceStep.Test, _ dialect: RegexDialect) -> String {
        switch test {
        case .containsAny(let markers):
            return RequestPattern.containsAny(markers, dialect)
        case .wordEndingIn(let suffixes, let exceptions):
            // A word ends with the suffix when a non-letter (or the end) follows it; an excepted
            // word is ruled out by what the word's letters before the suffix may be.
            let alternatives = suffixes.map { suffix -> String in
                let excluded = exceptions.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
                let ending = RequestPattern.caseless(suffix, dialect) + "(?:" + nonLetter + "|$)"
                guard let prefix = excluded.first else { return ending }
                return "(?:^|" + nonLetter + ")" + prefixOtherThan(prefix, dialect) + ending
            }
            return "(?:" + alternatives.joined(separator: "|") + ")"
        }
    }

    static let letter = "[a-zA-Z]"
    static let nonLetter = "[^a-zA-Z]"

    /// Any run of ASCII letters except `word` (written without `{n,}`, which Caddy would read
    /// as a placeholder).
    static func prefixOtherThan(_ word: String, _ dialect: RegexDialect) -> String {
        let letters = Array(word.lowercased().unicodeScalars)
        let n = letters.count
        var alternatives: [String] = []
        for length in 0..<n { alternatives.append(String(repeating: letter, count: length)) }
        alternatives.append(String(repeating: letter, count: n + 1) + letter + "*")
        for index in 0..<n {
            let same = RequestPattern.caseless(String(String.UnicodeScalarView(letters[0..<index])), dialect)
            let other = "[" + (UInt8(ascii: "a")...UInt8(ascii: "z")).filter { $0 != UInt8(letters[index].value) }
                .map { String(UnicodeScalar($0)) + String(UnicodeScalar($0 & ~0x20)) }.joined() + "]"
            alternatives.append(same + other + String(repeating: letter, count: n - index - 1))
        }
        return "(?:" + alternatives.joined(separator: "|") + ")"
    }
}

/// Which mixes of scripts one host label may hold: UTS #39 "moderately restrictive", as
/// browsers apply it to IDN hosts. Allowed: one script (Common and Inherited characters such
/// as digits and `-` go with any); Latin + Han + Hiragana + Katakana (Japanese); Latin + Han +
/// Bopomofo (Chinese); Latin + Han + Hangul (Korean); Latin + one other Recommended script
/// except Cyrillic, Greek and Cherokee, whose letters pass for Latin ones.
enum ScriptRestriction {
    /// The scripts a label mixes, in order of appearance, when the mix is not allowed.
    static func disallowedMix(in label: Substring) -> [UnicodeScript]? {
        var scripts: [UnicodeScript] = []
        for scalar in label.unicodeScalars {
            let script: UnicodeScript
            if scalar.isASCII {
                guard scalar.properties.isAlphabetic else { continue }
                script = .latin
            } else {
                script = UnicodeScript(of: scalar)
            }
            if script == .common || script == .inherited || scripts.contains(script) { continue }
            scripts.append(script)
        }
        return isAllowed(scripts) ? nil : scripts
    }

    private static let japanese: Set<UnicodeScript> = [.latin, .han, .hiragana, .katakana]
    private static let chinese: Set<UnicodeScript> = [.latin, .han, .bopomofo]
    private static let korean: Set<UnicodeScript> = [.latin, .han, .hangul]

    static func isAllowed(_ scripts: [UnicodeScript]) -> Bool {
        guard scripts.count > 1 else { return true }
        let set = Set(scripts)
        if set.isSubset(of: japanese) || set.isSubset(of: chinese) || set.isSubset(of: korean) { return true }
        guard set.count == 2, set.contains(.latin), let other = set.first(where: { $0 != .latin }) else { return false }
        return other.isRecommended && !other.isLatinLookalike
    }
}

extension UnicodeScript {
    /// The script's English name, for messages.
    var displayName: String {
        switch self {
        case .other: "an uncommon script"
        default: String(describing: self).prefix(1).uppercased() + String(describing: self).dropFirst()
        }
    }
}

/// Regular expressions (PCRE) that find the engine's preferred language in an Accept-Language
/// header (`AcceptLanguage.preferred`: the tag with the highest q, the first of equals, `*`,
/// `q=0` and malformed items skipped, reduced to its primary subtag), for targets that can
/// only match regexes in order (nginx `map`, HAProxy `map_reg`/ACLs).
///
/// `cascade` holds one pattern per q-value from 1 down to 0.001: pattern `v` matches when some
/// valid item has q = `v`, and captures the first such item's primary subtag in group
/// `qrops_l` (as written: compare it case-insensitively). Tried in order, the first pattern
/// that matches gives the preferred language, because every higher q has been ruled out. A
/// header with an item at q = 1 (nearly all real ones) is decided by the first pattern.
public enum AcceptLanguagePattern {
    /// Patterns in descending q order, with their q-value in thousandths.
    public static func cascade(captureName: String = "qrops_l") -> [(q: Int, pattern: String)] {
        (1...1000).reversed().map { q in (q, pattern(q: q, captureName: captureName)) }
    }

    /// The first item (of the comma-separated header) whose effective q is `q` thousandths.
    public static func pattern(q: Int, captureName: String = "qrops_l") -> String {
        // Items are split on `,`; empty `;` parts are dropped, so leading `;` are skipped; the
        // tag is trimmed (spaces and tabs); its primary subtag runs to the first `-` or `_`.
        let space = "[ \\t]*"
        let tag = ";*" + space + "(?<\(captureName)>[A-Za-z]{2,8})(?:[-_][^,;]*)?" + space
        // A q parameter: `q` or `Q`, `=`, the value; the last one decides.
        let qParameter = space + "[qQ]" + space + "=" + space
        let notQ = "(?!" + qParameter + ")[^;,]*"
        let any = "[^;,]*"
        let parameters: String
        if q == 1000 {
            parameters = "(?:;\(notQ))*(?:;" + qParameter + value(q) + space + "(?:;\(notQ))*)?"
        } else {
            parameters = "(?:;\(any))*;" + qParameter + value(q) + space + "(?:;\(notQ))*"
        }
        return "^(?:[^,]*,)*?" + tag + parameters + "(?:,|\\z)"
    }

    /// Every way a q-value of `q` thousandths may be written (`1`, `1.`, `1.0`, `0.5`, `0.50`...).
    static func value(_ q: Int) -> String {
        if q == 1000 { return "1(?:\\.0{0,3})?" }
        var digits = [q / 100, q / 10 % 10, q % 10].map(String.init)
        var optionalZeros = 0
        while digits.last == "0" {
            digits.removeLast()
            optionalZeros += 1
        }
        let zeros = optionalZeros == 0 ? "" : "0{0,\(optionalZeros)}"
        return "0\\." + digits.joined() + zeros
    }
}

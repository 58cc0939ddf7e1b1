/// Rules that work out the request facts routes test, run only for codes whose routes need
/// them (the `needs` letters of a `route|N|needs` value).
enum ApacheRequestFacts {
    /// QROPS_DEVICE: the User-Agent classified like qrops does (the classifier's steps in order;
    /// desktop when none matches). Each rule skips (S) the ones after it.
    static func deviceRules() -> [String] {
        let gate = "RewriteCond %{ENV:QROPS_V} ^route\\|[0-9]+\\|d"
        var lines = ["", "# The device (for codes whose routes test it)."]
        lines += [gate, "RewriteRule ^ - [E=QROPS_DEVICE:desktop]"]
        let steps = UserAgentRegex.steps(.pcre)
        for (offset, step) in steps.enumerated() {
            let skip = steps.count - 1 - offset
            lines.append(gate)
            lines.append("RewriteCond %{HTTP_USER_AGENT} " + step.pattern)
            lines.append("RewriteRule ^ - [E=QROPS_DEVICE:\(step.kind.rawValue)" + (skip > 0 ? ",S=\(skip)" : "") + "]")
        }
        return lines
    }

    /// QROPS_LANG: the preferred language with qrops' rules (`AcceptLanguage.preferred`): the
    /// item with the highest q wins, the first of equals; `*`, q=0, malformed q-values and
    /// tags whose primary subtag is not 2–8 letters are skipped. One item per round (N): the
    /// header's rest is in QROPS_AL, the item in QROPS_AI (both after a `@`, so never empty),
    /// its q in thousandths in QROPS_AQ, the best so far in QROPS_LQ.
    static func languageRules() -> [String] {
        let gate = "RewriteCond %{ENV:QROPS_V} ^route\\|[0-9]+\\|d?l"
        let running = "RewriteCond %{ENV:QROPS_AL_STATE} =run"
        let space = "[\\x20\\t]*"
        var lines = ["", "# The preferred language (for codes whose routes test it), one Accept-Language item per round."]
        lines += [gate, "RewriteCond %{ENV:QROPS_AL_STATE} =\"\"",
                  "RewriteRule ^ - [E=QROPS_AL:@%{HTTP:Accept-Language},E=QROPS_AL_STATE:run,E=QROPS_LQ:0]"]
        lines += [running, "RewriteCond %{ENV:QROPS_AL} ^@([^,]*),?(.*)$",
                  "RewriteRule ^ - [E=QROPS_AI:@%1,E=QROPS_AL:@%2,E=QROPS_AQ:1000]"]
        // The last q parameter (after the tag's part); without one the q is 1.
        let qParameter = space + "[qQ]" + space + "="
        lines += [running, "RewriteCond %{ENV:QROPS_AI} ^@[^;]*(?:;[^;]*)*?;\(qParameter)\(space)([^;]*?)\(space)(?:;(?!\(qParameter))[^;]*)*$",
                  "RewriteRule ^ - [E=QROPS_AQ:@%1]"]
        let values: [(String, String)] = [
            ("^@1(?:\\.0{0,3})?$", "1000"),
            ("^@0\\.([0-9])([0-9])([0-9])$", "%1%2%3"),
            ("^@0\\.([0-9])([0-9])$", "%1%20"),
            ("^@0\\.([0-9])$", "%100"),
            ("^@0\\.?$", "0"),
            ("^@", "-1"),
        ]
        for (pattern, value) in values {
            lines += [running, "RewriteCond %{ENV:QROPS_AQ} \(pattern)", "RewriteRule ^ - [E=QROPS_AQ:\(value)]"]
        }
        lines += [running, "RewriteCond expr \"reqenv('QROPS_AQ') -gt reqenv('QROPS_LQ')\"",
                  "RewriteCond %{ENV:QROPS_AI} ^@;*\(space)([A-Za-z]{2,8})(?:[-_][^;]*|\(space))(?:;|$)",
                  "RewriteRule ^ - [E=QROPS_LANG:${qrops_lower:%1},E=QROPS_LQ:%{ENV:QROPS_AQ}]"]
        lines += [running, "RewriteCond %{ENV:QROPS_AL} !=@", "RewriteRule ^ - [N=32000]"]
        lines += [running, "RewriteRule ^ - [E=QROPS_AL_STATE:done]"]
        return lines
    }
}

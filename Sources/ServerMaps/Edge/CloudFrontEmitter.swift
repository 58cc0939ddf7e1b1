import Routing

/// Amazon CloudFront: `cloudfront/key-value-store.json`, the import file of a CloudFront
/// KeyValueStore (`{"data":[{"key":...,"value":...}]}`), and `cloudfront/function.js`, a
/// viewer-request CloudFront Function (runtime 2.0) that looks the scan up in it and redirects.
/// Keys are `host/slug` (the slug folded the way the domain compares slugs), values
/// `status|vary|prefix|separator|fragment` like the Apache map (`404||||` for 404; the query is
/// forwarded between separator and fragment when the status ends in `q`); `host/` holds the
/// domain's not-found answer. The documented limits are checked: 5 MB per file, 512 bytes per
/// key, 1 KB per value (docs.aws.amazon.com, "File format for key-value pairs"). Codes with
/// routes on request facts are refused. See docs/servers/cloudfront.md.
public enum CloudFrontEmitter: ServerMapEmitter {
    public static let target = "cloudfront"
    static let dataPath = "cloudfront/key-value-store.json"
    static let functionPath = "cloudfront/function.js"
    static let fileLimit = 5 * 1024 * 1024
    static let keyLimit = 512
    static let valueLimit = 1024

    public static func emit(_ table: RedirectTable, options: EmitOptions) -> EmitResult {
        var findings: [EmitterFinding] = []
        var pairs: [(key: String, value: String)] = []
        var folds: [String] = []
        for domain in table.domains where PlainNames.isHost(domain.host) {
            let notFound = domain.notFound.flatMap { url in EdgeText.isPlain(url, forbidding: [0x7C]) ? url : nil }
            pairs.append((domain.host + "/", value(.fallback(notFound))))
            if !domain.caseSensitiveSlugs { folds.append(domain.host) }
        }
        for entry in EdgeCodes.entries(table, at: options.at, target: target, findings: &findings) {
            guard PlainNames.isHost(entry.domain.host) else { continue }
            if let text = entry.answer.texts.first(where: { !$0.isEmpty && !EdgeText.isPlain($0, forbidding: [0x7C]) }) {
                findings.append(EmitterFinding(
                    .error, rule: "target-unsafe-value", target: target, codeID: entry.code.id,
                    message: "a destination contains \(EdgeText.offender(text, forbidding: [0x7C])), which the store's values cannot hold; the code is left out",
                    hint: "percent-encode the character in the destination"))
                continue
            }
            let pair = (key: entry.domain.host + "/" + entry.key, value: value(entry.answer))
            if pair.key.utf8.count > keyLimit || pair.value.utf8.count > valueLimit {
                findings.append(EmitterFinding(
                    .error, rule: "target-limit", target: target, codeID: entry.code.id,
                    message: "the KeyValueStore entry is too long (key \(pair.key.utf8.count) of \(keyLimit) bytes, value \(pair.value.utf8.count) of \(valueLimit)); the code is left out",
                    hint: "shorten the slug or the destination"))
                continue
            }
            pairs.append(pair)
        }
        pairs.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let data = "{\"data\":[" + pairs.map { "\n{\"key\":\(JSONText.string($0.key)),\"value\":\(JSONText.string($0.value))}" }.joined(separator: ",") + "\n]}\n"
        if data.utf8.count > fileLimit {
            findings.append(EmitterFinding(
                .error, rule: "target-limit", target: target, codeID: nil,
                message: "key-value-store.json is \(data.utf8.count) bytes; CloudFront imports at most 5 MB",
                hint: "split the portfolio over several stores or domains"))
        }
        return EmitResult(files: [
            EmittedFile(path: dataPath, text: data),
            EmittedFile(path: functionPath, text: CloudFrontFunction.source(caseInsensitiveHosts: folds, at: options.at)),
        ], findings: findings)
    }

    static func value(_ answer: PlannedAnswer) -> String {
        guard let location = answer.location else { return "404||||" }
        let vary = answer.vary.joined(separator: ",")
        if location.forwardsQuery {
            return "\(answer.status)q|\(vary)|\(location.prefix)|\(location.separator)|\(location.fragment)"
        }
        return "\(answer.status)|\(vary)|\(location.withoutQuery)||"
    }
}

/// JSON string literals (RFC 8259): `"`, `\` and control characters escaped, the rest as is.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The RewriteMap of answers (`apache/codes.txt`): one line per code (`host/slug answer`), per
/// route of a code with routes (`host/slug/N`, `host/slug/0` when none matches), and per domain
/// for unknown slugs (`host/`). An answer is `status|vary|prefix|separator|fragment`: `status`
/// is 301, 302, 307 or 308, with `q` when the scan's query is forwarded (it goes between
/// `separator` and `fragment`), or 404; `vary` numbers a `Vary` header (`ApacheRules.varyLines`).
/// A code with routes maps to `route|N|needs` (`d` device, `l` language).
///
/// mod_rewrite reads txt maps (and httxt2dbm its input) through a 1024-byte line buffer: a
/// longer line would be cut, and its tail read as a line of its own. Longer entries are refused.
struct ApacheMapFile {
    static let lineLimit = 1024

    private var output = TextOutput()

    /// A map whose text starts with `header`, each line a comment.
    init(header: [String] = []) {
        for line in header { output.line("# " + PlainNames.comment(line)) }
    }

    /// Whether the line `key value` is within the limit.
    static func fits(key: String, value: String) -> Bool {
        key.utf8.count + 1 + value.utf8.count <= lineLimit
    }

    /// Adds the line `key value`; false (nothing added) when it is longer than the limit.
    mutating func add(key: String, value: String) -> Bool {
        guard Self.fits(key: key, value: value) else { return false }
        output.append(key)
        output.append(" ")
        output.line(value)
        return true
    }

    static func answer(_ answer: PlannedAnswer, varyNumber: Int?) -> String {
        let vary = varyNumber.map(String.init) ?? ""
        guard let location = answer.location, answer.status != 404 else { return "404|\(vary)|||" }
        if location.forwardsQuery {
            return "\(answer.status)q|\(vary)|\(location.prefix)|\(location.separator)|\(location.fragment)"
        }
        return "\(answer.status)|\(vary)|\(location.withoutQuery)||"
    }

    var bytes: [UInt8] { output.bytes }
}

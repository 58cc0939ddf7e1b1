import Routing

/// Cloudflare Bulk Redirects: `cloudflare/bulk-redirects.csv`, one URL redirect per code, for
/// import into a Bulk Redirect List (which a Bulk Redirect Rule then enables). Each line is
/// `source,target,status,preserve query string,include subdomains,subpath matching,preserve
/// path suffix`, with no header row (developers.cloudflare.com, "CSV file format for Bulk
/// Redirects"). Bulk Redirects are static: codes with routes on request facts are refused, and
/// there is no catch-all for unknown slugs (they reach the origin). See docs/servers/cloudflare.md.
public enum CloudflareEmitter: ServerMapEmitter {
    public static let target = "cloudflare"
    static let path = "cloudflare/bulk-redirects.csv"
    /// URL redirects across lists per account, by plan (Cloudflare changelog, 2025-02-12).
    static let planLimits: [(plan: String, redirects: Int)] = [("Free", 10_000), ("Pro", 25_000), ("Business", 50_000), ("Enterprise", 1_000_000)]
    /// The longest source or target URL Cloudflare accepts.
    static let urlLimit = 32 * 1024

    public static func emit(_ table: RedirectTable, options: EmitOptions) -> EmitResult {
        var findings: [EmitterFinding] = []
        var lines: [String] = []
        for entry in EdgeCodes.entries(table, at: options.at, target: target, findings: &findings) {
            guard PlainNames.isHost(entry.domain.host) else { continue }
            guard let location = entry.answer.location else { continue }  // 404: the origin answers.
            let source = entry.domain.host + "/" + EdgeText.pathSegment(entry.key)
            var preserveQuery = location.forwardsQuery
            if preserveQuery, location.prefix.contains("?") || !location.fragment.isEmpty {
                preserveQuery = false
                findings.append(EmitterFinding(
                    .warning, rule: "target-approximates", target: target, codeID: entry.code.id,
                    message: "Cloudflare keeps a scan's query only on targets without a query of their own (and does not say where it goes next to a fragment): this code's scans are redirected without their query"))
            }
            let targetURL = location.withoutQuery
            guard EdgeText.isAbsoluteHTTP(targetURL), EdgeText.isPlain(targetURL, forbidding: [0x22]), targetURL.utf8.count <= urlLimit, source.utf8.count <= urlLimit else {
                findings.append(EmitterFinding(
                    .error, rule: "target-unsafe-value", target: target, codeID: entry.code.id,
                    message: "the destination cannot be written as a Bulk Redirects URL (it contains \(EdgeText.offender(targetURL, forbidding: [0x22])), is not an absolute http(s) URL, or is longer than 32 KB); the code is left out",
                    hint: "percent-encode the character in the destination"))
                continue
            }
            lines.append([field(source), field(targetURL), String(entry.answer.status), preserveQuery ? "TRUE" : "FALSE", "FALSE", "FALSE", "FALSE"].joined(separator: ","))
        }
        if let smallest = planLimits.first, lines.count > smallest.redirects {
            let fitting = planLimits.first { lines.count <= $0.redirects }.map { "the \($0.plan) plan (\($0.redirects))" } ?? "no plan's default quota"
            findings.append(EmitterFinding(
                .warning, rule: "target-limit", target: target, codeID: nil,
                message: "\(lines.count) URL redirects exceed the \(smallest.plan) plan's \(smallest.redirects) across lists; they fit \(fitting)"))
        }
        for domain in table.domains where domain.notFound != nil {
            findings.append(EmitterFinding(
                .warning, rule: "target-approximates", target: target, codeID: nil,
                message: "Bulk Redirects match listed URLs only: unknown slugs on \(domain.host) reach the origin instead of the not-found destination (configure it there)"))
        }
        return EmitResult(files: [EmittedFile(path: path, text: lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n")], findings: findings)
    }

    /// An RFC 4180 field: quoted when it holds a comma (URLs with `"`, CR or LF are refused).
    static func field(_ text: String) -> String {
        text.contains(",") ? "\"" + text + "\"" : text
    }
}

import Foundation
import Routing
import ServerMaps
import Testing

/// Netlify, Cloudflare and CloudFront files: golden files on the fixture portfolio, the
/// documented format rules, limits, and hostile values refused.
@Suite struct EdgeEmitterTests {
    @Test func netlifyMatchesGoldenFiles() async throws {
        try EmitterGolden.check(try await EmitterGolden.fixtureResult(NetlifyEmitter.emit), target: "netlify")
    }

    @Test func cloudflareMatchesGoldenFiles() async throws {
        try EmitterGolden.check(try await EmitterGolden.fixtureResult(CloudflareEmitter.emit), target: "cloudflare")
    }

    @Test func cloudFrontMatchesGoldenFiles() async throws {
        try EmitterGolden.check(try await EmitterGolden.fixtureResult(CloudFrontEmitter.emit), target: "cloudfront")
    }

    /// Netlify: one file per domain; every rule is `from to status!` plus `Key=value` conditions,
    /// whitespace-separated (so no field holds whitespace), codes' routes before their plain
    /// rule, the not-found catch-all last; device and query routes refused.
    @Test func netlifyRulesFollowTheSyntax() async throws {
        let result = try await EmitterGolden.fixtureResult(NetlifyEmitter.emit)
        #expect(result.files.map(\.path).sorted() == ["netlify/go.acme.example/_redirects", "netlify/nf.acme.example/_redirects", "netlify/qr.acme.example/_redirects"])
        for file in result.files {
            let rules = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
            for rule in rules {
                let fields = rule.split(separator: " ", omittingEmptySubsequences: true)
                #expect(fields.count >= 3, "\(rule)")
                #expect(fields[0].hasPrefix("/"))
                #expect(fields[1].hasPrefix("https://") || fields[1] == "/404.html")
                #expect(["301!", "302!", "404!"].contains(String(fields[2])), "\(rule)")
                for condition in fields.dropFirst(3) {
                    #expect(condition.hasPrefix("Country=") || condition.hasPrefix("Language="), "\(rule)")
                }
            }
            if file.path.contains("qr.acme.example") { #expect(rules.last?.hasPrefix("/*  ") == true) }
        }
        let refused = Set(result.findings.filter { $0.severity == .error }.compactMap(\.codeID))
        #expect(refused == ["RT-QR-0020", "RT-QR-0023", "RT-QR-0030", "RT-QR-0042"], "device and query routes")
    }

    /// Cloudflare: RFC 4180 lines of exactly seven fields, no header row, CRLF endings, no
    /// scheme or query in the source, a documented status, booleans as TRUE/FALSE.
    @Test func cloudflareCSVFollowsTheFormat() async throws {
        let result = try await EmitterGolden.fixtureResult(CloudflareEmitter.emit)
        let text = String(decoding: result.files[0].bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = try CSV.parse(text)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.count == 7, "\(row)")
            #expect(!row[0].contains("://") && !row[0].contains("?"), "source \(row[0])")
            #expect(row[1].hasPrefix("https://"))
            #expect(["301", "302", "307", "308"].contains(row[2]))
            #expect(row[3...].allSatisfy { $0 == "TRUE" || $0 == "FALSE" })
            if row[3] == "TRUE" { #expect(!row[1].contains("?") && !row[1].contains("#"), "a preserved query needs a target without one") }
        }
        #expect(Set(rows.map { $0[0] }).count == rows.count, "a list cannot hold the same source twice")
        #expect(rows.contains { $0[0] == "qr.acme.example/plain" && $0[1] == "https://www.acme.example/plain" && $0[2] == "302" })
    }

    @Test func cloudflareQuotesCommasAndWarnsAboveThePlanLimit() throws {
        let comma = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "C-1", domain: "qr.example", slug: "c", state: .active, target: "https://x.example/a,b"),
        ])
        let rows = try CSV.parse(String(decoding: CloudflareEmitter.emit(comma, options: EmitOptions(at: 0)).files[0].bytes, as: UTF8.self))
        #expect(rows.first?[1] == "https://x.example/a,b")
        let large = SyntheticPortfolio.table(count: 10_001)
        let findings = CloudflareEmitter.emit(large, options: EmitOptions(at: 0)).findings
        #expect(findings.contains { $0.rule == "target-limit" && $0.severity == .warning && $0.message.contains("Pro plan (25000)") })
        let fits = CloudflareEmitter.emit(SyntheticPortfolio.table(count: 10_000), options: EmitOptions(at: 0)).findings
        #expect(!fits.contains { $0.rule == "target-limit" })
    }

    /// CloudFront: valid JSON of the documented shape, unique keys, each key at most 512
    /// bytes and value at most 1024, the file at most 5 MB; longer entries refused.
    @Test func cloudFrontStoreFollowsTheFormatAndLimits() async throws {
        let result = try await EmitterGolden.fixtureResult(CloudFrontEmitter.emit)
        let data = try #require(result.files.first { $0.path == "cloudfront/key-value-store.json" })
        let root = try #require(try JSONSerialization.jsonObject(with: Data(data.bytes)) as? [String: Any])
        let entries = try #require(root["data"] as? [[String: String]])
        #expect(root.keys.sorted() == ["data"])
        #expect(entries.allSatisfy { $0.keys.sorted() == ["key", "value"] })
        let keys = entries.compactMap { $0["key"] }
        #expect(Set(keys).count == keys.count)
        #expect(keys.allSatisfy { $0.utf8.count <= 512 } && entries.allSatisfy { ($0["value"] ?? "").utf8.count <= 1024 })
        #expect(data.bytes.count <= 5 * 1024 * 1024)
        #expect(entries.contains { $0["key"] == "qr.acme.example/plain" && $0["value"] == "302||https://www.acme.example/plain||" })

        let long = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "L-1", domain: "qr.example", slug: "l", state: .active, target: "https://x.example/" + String(repeating: "a", count: 1100)),
        ])
        let refused = CloudFrontEmitter.emit(long, options: EmitOptions(at: 0))
        #expect(refused.findings.map(\.rule) == ["target-limit"] && refused.findings.first?.codeID == "L-1")
    }

    /// Hostile destinations never reach an edge file in a form its reader would misread:
    /// whitespace and line breaks (which would start a field or a rule of their own) are refused
    /// everywhere, `"` in the CSV, `|` (the value separator) in the CloudFront store. A refusal
    /// is an error naming the code, and nothing of the destination is written.
    @Test(arguments: [
        ("https://x.example/a b", ["netlify", "cloudflare", "cloudfront"]),
        ("https://x.example/a\r\nqr.example/evil,https://evil.example", ["netlify", "cloudflare", "cloudfront"]),
        ("https://x.example/a\tb", ["netlify", "cloudflare", "cloudfront"]),
        ("https://x.example/\"evil", ["cloudflare"]),
        ("https://x.example/a|evil", ["cloudfront"]),
    ])
    func hostileDestinationsAreRefused(_ destination: String, refusedBy targets: [String]) {
        let table = RedirectTable(domains: [TableDomain(host: "qr.example")], codes: [
            TableCode(id: "BAD-1", domain: "qr.example", slug: "bad", state: .active, target: destination),
        ])
        let emitters: [(String, (RedirectTable, EmitOptions) -> EmitResult)] = [
            ("netlify", NetlifyEmitter.emit), ("cloudflare", CloudflareEmitter.emit), ("cloudfront", CloudFrontEmitter.emit),
        ]
        for (name, emit) in emitters where targets.contains(name) {
            let result = emit(table, EmitOptions(at: 0))
            #expect(result.findings.contains { $0.severity == .error && $0.codeID == "BAD-1" }, "\(name): \(result.findings)")
            let text = result.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
            #expect(!text.contains("evil") && !text.contains("/bad"), "\(name) wrote the refused code")
        }
    }
}

/// A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for the tests.
enum CSV {
    struct Failure: Error { let description: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Failure(description: "a quote inside an unquoted field") }
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if c == "\n" || c == "\r" {
                throw Failure(description: "a bare line break")
            } else {
                field.append(c)
            }
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Failure(description: "an unterminated record") }
        return rows
    }
}

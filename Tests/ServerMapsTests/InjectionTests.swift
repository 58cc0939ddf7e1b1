import Catalog
import Diagnostics
import Foundation
import Routing
import ServerMaps
import Testing
import Workspace

/// No destination or slug can inject configuration (docs/servers/README.md, "Safety"). Every
/// entry of the adversarial corpus becomes a one-code portfolio and goes through lint:
/// * what lint accepts is served by every real server exactly as the engine answers it;
/// * what lint rejects never reaches a server: `qrops build` stops before writing anything;
/// * and every emitter is safe on its own: called directly with a rejected value, it either
///   refuses the code (an error finding, and the value appears in no file it writes) or writes
///   it so that the real server still answers exactly as the engine does.
/// Servers come from `ServerUnderTest.all`: adding a server there covers it here.
@Suite(.serialized) struct InjectionTests {
    static let now = Instant(seconds: 1_813_060_800)

    struct Verdict: Sendable {
        var index: Int
        var entry: InjectionEntry
        var diagnostics: [Diagnostic]
        var accepted: Bool { !diagnostics.fails(strict: false) }
    }

    static func verdicts() async throws -> [Verdict] {
        var verdicts: [Verdict] = []
        for (index, entry) in try InjectionEntry.load().enumerated() {
            let result = await LintPipeline.run(MemoryRepository(files: entry.repositoryFiles(index)), now: now)
            verdicts.append(Verdict(index: index, entry: entry, diagnostics: result.diagnostics))
        }
        return verdicts
    }

    @Test func corpusCoversTheAttackClasses() throws {
        let entries = try InjectionEntry.load()
        #expect(entries.count >= 40)
        #expect(Set(entries.map(\.name)).count == entries.count)
        let values = entries.map(\.value)
        for needle in ["\r\n", "$http_cookie", "${", "{env.HOME}", "{$HOME}", "\"", "'", "\\", ";", "#", "\t", "\u{0}", "//evil.example", "javascript:", "xn--", "%0d%0a"] {
            #expect(values.contains { $0.contains(needle) }, "no entry contains \(needle.debugDescription)")
        }
        #expect(values.contains { $0.utf8.count >= 20_000 } && values.contains { (1900...2100).contains($0.utf8.count) })
        #expect(entries.contains { $0.kind == .slug } && entries.contains { $0.kind == .destination })
        #expect(values.contains { $0.unicodeScalars.contains { $0.value > 0x7F } })
    }

    /// Lint rejects everything a server would expand or split on, and a rejected portfolio
    /// never gets a build: `qrops build` writes nothing.
    @Test func rejectedEntriesNeverReachABuild() async throws {
        let verdicts = try await Self.verdicts()
        let mustReject = ["\r", "\n", "\u{0}", "\t", " ", "$", "{", "}", "\"", "\\", "%0d", "%0D", "javascript:", "data:", "//evil"]
        for verdict in verdicts where mustReject.contains(where: { verdict.entry.value.contains($0) }) {
            #expect(!verdict.accepted, "lint accepted \(verdict.entry.name)")
        }
        #expect(verdicts.contains { $0.accepted } && verdicts.contains { !$0.accepted })
        for verdict in verdicts where !verdict.accepted {
            let repository = try TemporaryDirectory("injection-build")
            defer { repository.remove() }
            for (path, text) in verdict.entry.repositoryFiles(verdict.index) { try repository.write(text, to: path) }
            var request = BuildPipeline.Request(repository: repository.path, now: Self.now, toolVersion: "test")
            request.artwork = false
            let result = try await BuildPipeline.run(request)
            #expect(result.summary == nil, "qrops build went ahead with \(verdict.entry.name)")
            #expect(!FileManager.default.fileExists(atPath: repository.path + "/build"), "\(verdict.entry.name): a build folder was written")
        }
    }

    /// Everything lint accepts is served byte-exact by every real server.
    @Test(.enabled(if: ServerUnderTest.all.allSatisfy { ServerTool.shouldRun($0.tool) }, "a server is not installed: skipped locally"),
          arguments: ServerUnderTest.all)
    func acceptedEntriesAreExactOnRealServers(_ server: ServerUnderTest) async throws {
        let accepted = try await Self.verdicts().filter(\.accepted)
        #expect(accepted.count >= 5)
        let table = RedirectTable(domains: [InjectionEntry.domain], codes: accepted.map { $0.entry.tableCode($0.index) })
        let emitted = server.emit(table, EmitOptions(at: Self.now.seconds))
        let errors = emitted.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(server.name) refused what lint accepts: \(errors.map(\.message))")
        try await Self.replay(accepted.map { ($0.index, $0.entry) }, table: table, emitted: emitted, on: server)
    }

    /// Called directly with what lint rejects, each emitter refuses the code, or writes it so
    /// that the real server still answers exactly as the engine.
    @Test(.enabled(if: ServerUnderTest.all.allSatisfy { ServerTool.shouldRun($0.tool) }, "a server is not installed: skipped locally"),
          arguments: ServerUnderTest.all)
    func emittersAreSafeOnTheirOwn(_ server: ServerUnderTest) async throws {
        let rejected = try await Self.verdicts().filter { !$0.accepted }
        var written: [(Int, InjectionEntry)] = []
        var codes: [TableCode] = []
        var refusedCount = 0
        for verdict in rejected {
            let code = verdict.entry.tableCode(verdict.index)
            let table = RedirectTable(domains: [InjectionEntry.domain], codes: [code])
            let emitted = server.emit(table, EmitOptions(at: Self.now.seconds))
            let refused = emitted.findings.contains { $0.severity == .error && $0.codeID == code.id }
            if refused {
                refusedCount += 1
                let needle = Array(verdict.entry.value.utf8)
                if needle.count >= 6 {
                    for file in emitted.files {
                        #expect(file.bytes.firstRange(of: needle) == nil, "\(server.name) refused \(verdict.entry.name) but wrote it into \(file.path)")
                    }
                }
            } else {
                #expect(emitted.findings.allSatisfy { $0.severity != .error }, "\(server.name): \(emitted.findings.map(\.message))")
                written.append((verdict.index, verdict.entry))
                codes.append(code)
            }
        }
        #expect(refusedCount > 0)
        for entry in ["CRLF header injection", "NUL byte", "20 KB URL", "scheme-relative", "javascript scheme", "slug with CRLF"] {
            #expect(!written.contains { $0.1.name == entry }, "\(server.name) wrote \(entry)")
        }
        guard !written.isEmpty else { return }
        let table = RedirectTable(domains: [InjectionEntry.domain], codes: codes)
        try await Self.replay(written, table: table, emitted: server.emit(table, EmitOptions(at: Self.now.seconds)), on: server)
    }

    /// Requests every entry's slug and compares status and Location with the engine.
    static func replay(_ entries: [(Int, InjectionEntry)], table: RedirectTable, emitted: EmitResult, on server: ServerUnderTest,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let index = TableIndex(table)
        let probes: [VectorReplay.Probe] = entries.map { number, entry in
            let target = entry.requestTarget(number)
            var request = ScanRequest(host: InjectionEntry.domain.host, path: String(decoding: target, as: UTF8.self), at: now.seconds)
            request.client = "127.0.0.1"
            let answer = Router.resolve(request, in: index)
            return VectorReplay.Probe(name: entry.name, host: InjectionEntry.domain.host, target: target, headers: [], client: "127.0.0.1",
                                      accepted: [(answer.status, answer.location)], cacheControl: answer.cacheControl, vary: answer.vary)
        }
        let mismatches = try await ServerSession.with(server, emitted: emitted) { port in try VectorReplay.replay(probes, port: port) }
        for mismatch in mismatches { Issue.record("\(server.name): \(mismatch)", sourceLocation: sourceLocation) }
    }
}

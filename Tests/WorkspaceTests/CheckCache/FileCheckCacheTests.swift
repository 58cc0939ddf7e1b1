import Catalog
import Diagnostics
import Foundation
import Rules
import Testing
import TestSupport
@testable import Workspace

/// The check cache (`FileCheckCache`): `qrops lint` with it must report exactly what it reports
/// without it, at any instant, after any change; a damaged cache is an empty one.
@Suite("Check cache: findings reused only where they still hold")
struct FileCheckCacheTests {
    static let tool = "test-tool"
    static let rules = RuleRegistry.all.map { $0.description.id }

    static func unmarked(_ text: String) -> String { text.replacingOccurrences(of: "↓", with: "") }

    /// A cache in a fresh folder, or the one a previous run saved there.
    static func cache(in folder: String) -> FileCheckCache {
        FileCheckCache(folder: folder, tool: tool, rules: rules)
    }

    /// Lints with a cache filled at `filledAt`, at `now`, and without a cache; both must agree.
    static func expectSame(_ repository: MemoryRepository, filledAt: Instant, at instants: [Instant], _ what: String) async throws {
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let first = cache(in: folder.path)
        _ = await LintPipeline.run(repository, now: filledAt, retention: .routing, cache: first)
        first.save()
        for now in instants {
            let plain = await LintPipeline.run(repository, now: now, retention: .routing)
            let cached = await LintPipeline.run(repository, now: now, retention: .routing, cache: cache(in: folder.path))
            #expect(cached.diagnostics == plain.diagnostics, "\(what) at \(now.description)")
        }
    }

    /// Every instant written in `texts`, and the example instant, each with the offsets at which
    /// time-dependent rules turn (a second, a day, the retiring-soon window, a lifespan).
    static func probes(_ texts: [String], around now: Instant) -> [Instant] {
        let day: Int64 = 86_400
        var anchors = [now]
        for text in texts {
            let pattern = /[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:]+Z)?/
            for match in text.matches(of: pattern) {
                if let instant = Instant.parse(String(match.output.0)) { anchors.append(instant) }
            }
        }
        let near: [Int64] = [-day, -1, 0, 1, day]
        let far: [Int64] = [-31 * day, -30 * day, 30 * day, 31 * day, 366 * day, 3_653 * day, -3_653 * day]
        var instants = Set<Int64>()
        for anchor in anchors { for offset in near { instants.insert(anchor.seconds + offset) } }
        for offset in far { instants.insert(now.seconds + offset) }
        for anchor in anchors.dropFirst() { for offset in far { instants.insert(anchor.seconds - offset) } }
        return instants.sorted().map(Instant.init(seconds:))
    }

    /// Every rule's documented examples, with the cache filled at the examples' instant and
    /// consulted around every instant the example names.
    @Test(arguments: RuleRegistry.all.map { $0.description.id })
    func ruleExamplesGiveTheSameFindingsAtEveryInstant(ruleID: String) async throws {
        let rule = try #require(RuleRegistry.rule(withID: ruleID))
        let examples = (rule.description.triggering + rule.description.nonTriggering).filter { $0.base == nil }
        for example in examples {
            let policies = Self.unmarked(example.policies ?? RuleExampleRunner.standardPolicies)
            let repository = MemoryRepository(files: [
                "policies/example.yaml": policies,
                "codes/example.yaml": Self.unmarked(example.code),
            ])
            let instants = Self.probes([example.code, policies], around: RuleExampleRunner.now)
            try await Self.expectSame(repository, filledAt: RuleExampleRunner.now, at: instants, "\(ruleID): \(example.code)")
        }
    }

    /// `max-lifespan` without `launch` measures from now; adding months clamps the day of the
    /// month but keeps the time of day, so a later "now" can end the span earlier (Mar 31 + 6mo
    /// is Sep 30, before Mar 30 noon + 6mo). Cache filled at instants around month ends (and
    /// Feb 29 for years), consulted hours and days later.
    @Test(arguments: [
        ("events", "2027-09-30T06:00:00Z", "2027-03-28T00:00:00Z"),
        ("events", "2027-09-30T00:00:00Z", "2027-03-28T00:00:00Z"),
        ("events", "2028-02-29T18:00:00Z", "2027-08-27T00:00:00Z"),
        ("direct-mail", "2030-02-28T06:00:00Z", "2028-02-26T00:00:00Z"),
    ])
    func maxLifespanWithoutLaunchHoldsAcrossMonthEnds(use: String, retire: String, from: String) async throws {
        let repository = MemoryRepository(files: [
            "policies/example.yaml": Self.policies,
            "codes/a.yaml": "id: RET-EU-0001\nslug: a\nowner: retail-eu\nstatus: active\nname: a_b_c_d_e_v1\nuse: \(use)\n"
                + "retire: \(retire)\ntarget: https://www.acme.example/a\n",
        ])
        let start = try #require(Instant.parse(from))
        let hours: [Int64] = [6, 12, 18, 24, 30, 48, 72, 96, 120]
        for fill in stride(from: start.seconds, to: start.seconds + 6 * 86_400, by: 6 * 3_600) {
            try await Self.expectSame(repository, filledAt: Instant(seconds: fill),
                                      at: hours.map { Instant(seconds: fill + $0 * 3_600) }, "\(use) \(retire) filled \(fill)")
        }
    }

    static let policies = RuleExampleRunner.standardPolicies
    /// A code file of one code (in the `codes:` list form).
    static func code(_ number: Int, slug: String, extra: String = "") -> String {
        CodeFileFixture.oneCode(id: "RET-EU-\(String(format: "%04d", number))", slug: slug,
                                target: "https://www.acme.example/\(number)", extra: extra)
    }

    /// Three files, one of which changes in each way a pull request can change things: the
    /// findings about and across the unchanged files must follow.
    @Test(arguments: [
        ("codes/b.yaml", code(4, slug: "promo-10")),  // clashes (confusable) with a.yaml's promo-1o
        ("codes/b.yaml", code(1, slug: "other")),  // reuses a.yaml's id
        ("codes/b.yaml", code(4, slug: "promo-1o")),  // reuses a.yaml's slug
        ("codes/b.yaml", "codes:\n  - id: [broken"),  // does not parse
        ("codes/a.yaml", code(1, slug: "WINTER")),  // a2.yaml (cached) now repeats its slug
        ("codes/_defaults.yaml", "use: events\n"),  // every file's defaults (max-lifespan 6mo)
        ("codes/eu/_defaults.yaml", "use: events\n"),  // one folder's defaults
        ("policies/example.yaml", policies.replacingOccurrences(of: "retiring-soon: 30d", with: "retiring-soon: 300d")),
        ("codes/b.yaml", ""),  // emptied
    ])
    func aChangedFileChangesWhatItShould(path: String, text: String) async throws {
        var files = [
            "policies/example.yaml": Self.policies,
            "codes/a.yaml": Self.code(1, slug: "promo-1o"),
            "codes/a2.yaml": Self.code(2, slug: "winter"),
            "codes/b.yaml": Self.code(3, slug: "summer", extra: "    ignore:\n      - {rule: retiring-soon, reason: \"Known.\", until: 2026-12-01}"),
            "codes/eu/c.yaml": Self.code(5, slug: "autumn"),
        ]
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let now = RuleExampleRunner.now
        let first = Self.cache(in: folder.path)
        _ = await LintPipeline.run(MemoryRepository(files: files), now: now, retention: .routing, cache: first)
        first.save()
        // Unchanged: every file comes from the cache.
        let again = Self.cache(in: folder.path)
        let unchanged = await LintPipeline.run(MemoryRepository(files: files), now: now, retention: .routing, cache: again)
        #expect(again.missCount == 0)
        #expect(unchanged.diagnostics == (await LintPipeline.run(MemoryRepository(files: files), now: now, retention: .routing)).diagnostics)

        files[path] = text
        let changed = MemoryRepository(files: files)
        let plain = await LintPipeline.run(changed, now: now, retention: .routing)
        let cached = await LintPipeline.run(changed, now: now, retention: .routing, cache: Self.cache(in: folder.path))
        #expect(cached.diagnostics == plain.diagnostics)
        #expect(plain.diagnostics != unchanged.diagnostics, "each change matters")
        // The clashes across files are there, found on cached identities.
        if text.contains("RET-EU-0001") && path == "codes/b.yaml" {
            #expect(cached.diagnostics.contains { $0.ruleID == SchemaRule.duplicateID })
        }
        if text.contains("promo-10") {
            #expect(cached.diagnostics.contains { $0.ruleID == "slug-confusable" })
        }
    }

    /// `qrops build` reuses cached findings (parsing and decoding every file still, for the table
    /// and the artwork plan) and shares the pack with `qrops lint`: its findings and its files
    /// must be those of a build that checks everything.
    @Test(arguments: [
        ("codes/b.yaml", code(1, slug: "other")),  // an error: nothing is written, either way
        ("codes/eu/_defaults.yaml", "use: events\n"),
        ("codes/a.yaml", code(1, slug: "promo-1o").replacingOccurrences(of: "2027-01-01", with: "2026-06-20")),  // retiring soon
        ("policies/example.yaml", policies.replacingOccurrences(of: "retiring-soon: 30d", with: "retiring-soon: 300d")),
    ])
    func aBuildReusingFindingsEqualsOneCheckingEverything(path: String, text: String) async throws {
        let repo = try TemporaryFolder("checks-build")
        defer { repo.remove() }
        var files = [
            "policies/example.yaml": Self.policies,
            "codes/a.yaml": Self.code(1, slug: "promo-1o"),
            "codes/b.yaml": Self.code(3, slug: "summer"),
            "codes/eu/c.yaml": Self.code(5, slug: "autumn"),
        ]
        func write() throws { for (path, text) in files { try repo.write(text, to: path) } }
        func build(_ out: String, cache: FileCheckCache?) async throws -> BuildPipeline.Result {
            var request = BuildPipeline.Request(repository: repo.path, out: repo.path + "/" + out, now: RuleExampleRunner.now, toolVersion: "test")
            request.artwork = false
            request.checkCache = cache
            return try await BuildPipeline.run(request)
        }
        try write()
        let folder = repo.path + "/.qrops-cache/checks"
        let linted = Self.cache(in: folder)
        _ = await LintPipeline.run(root: repo.path, now: RuleExampleRunner.now, retention: .routing, cache: linted)
        linted.save()
        let shared = Self.cache(in: folder)
        let before = try await build("build", cache: shared)
        #expect(shared.missCount == 0, "the build reuses what lint checked")

        files[path] = text
        try write()
        let cached = try await build("build", cache: Self.cache(in: folder))
        let plain = try await build("plain", cache: nil)
        #expect(cached.diagnostics == plain.diagnostics)
        #expect(plain.diagnostics != before.diagnostics, "each change matters")
        #expect((cached.summary == nil) == (plain.summary == nil))
        if cached.summary != nil {
            #expect(repo.snapshot("build") == repo.snapshot("plain"))
        }
    }

    /// Another checker (a rebuilt qrops) or another rule set starts from fresh keys.
    @Test func anotherToolOrRuleSetMissesEverything() async throws {
        let files = ["policies/example.yaml": Self.policies, "codes/a.yaml": Self.code(1, slug: "a")]
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let first = Self.cache(in: folder.path)
        _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: first)
        first.save()
        for other in [FileCheckCache(folder: folder.path, tool: "other", rules: Self.rules),
                      FileCheckCache(folder: folder.path, tool: Self.tool, rules: Array(Self.rules.dropLast()))] {
            _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: other)
            #expect(other.missCount == 1)
        }
    }

    static func sampleRecord() -> FileCheckRecord {
        let location = SourceLocation(file: "codes/é.yaml", line: 3, column: 7)
        let policy = SourceLocation(file: "policies/rules.yaml", line: 12, column: 1)
        let diagnostics = [
            Diagnostic(.warning, "retiring-soon", "the code retires in 3 days", at: location, length: 10,
                       notes: [DiagnosticNote("here", at: policy), DiagnosticNote("no place")], hint: "move it",
                       suppression: Suppression(reason: "known", until: "2027-01-01", at: location)),
            Diagnostic(.error, "yaml-syntax", "bad", at: .file("codes/é.yaml")),
            Diagnostic(.note, "x", "", at: location, suppression: Suppression(reason: "")),
        ]
        let code = Code.identity(
            location: location, id: Located("A-1", at: location, key: SourceLocation(file: location.file, line: 3, column: 3)),
            slug: Located("a1", at: policy), status: Located(.paused, at: location),
            domain: Located("qr.acme.example", at: policy), use: nil, compliance: Located("pharma", at: location),
            ignore: [IgnoreEntry(rule: Located("https-only", at: location), reason: nil,
                                 until: Located(Instant(seconds: -62_135_596_800), at: location), location: location)])
        let plain = Code.identity(location: location, id: Located("B", at: location), slug: Located("b", at: location),
                                  status: Located(.active, at: location), domain: nil, use: nil, compliance: nil, ignore: [])
        return FileCheckRecord(window: TimeWindow(from: -5, until: .max), diagnostics: diagnostics, codes: [code, plain])
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = Self.sampleRecord()
        let read = try FileCheckRecord(bytes: record.bytes())
        #expect(read.window == record.window)
        #expect(read.diagnostics == record.diagnostics)
        func fields(_ code: Code) -> String {
            "\(code.location) \(code.id) \(code.id.keyLocation as Any) \(code.slug) \(code.status) \(code.domain as Any) "
                + "\(code.use as Any) \(code.compliance as Any) \(code.ignore.map { "\($0.rule) \($0.reason as Any) \($0.until as Any) \($0.location)" })"
        }
        let readCodes = try #require(read.identities.codes())
        #expect(readCodes.map(fields) == (try #require(record.identities.codes())).map(fields))
        #expect(read.identities.digest == record.identities.digest && read.identities.count == 2)
        #expect(read.identities.digest == SHA256.hash(FileIdentities.encode(readCodes)))
    }

    /// A record cut anywhere is refused; random damage never traps, in the record or in its
    /// identities, read when the whole-catalog checks need them.
    @Test func aDamagedRecordIsRefusedNeverATrap() {
        RecordDamage.expectRefusedNeverATrap(Self.sampleRecord().bytes(), seed: 7) { bytes in
            let record = try FileCheckRecord(bytes: bytes)
            _ = record.identities.codes()
        }
        RecordDamage.expectRefusedNeverATrap(Self.sampleRecord().identities.encoded(), seed: 8) { bytes in
            guard FileIdentities(count: 2, digest: SHA256.hash(bytes), encoded: bytes).codes() != nil else { throw RecordReader.Malformed() }
        }
    }

    /// While no file's identities change (a target re-pointed), the whole-catalog findings come
    /// from the cache and no identity is decoded; a changed slug runs those checks again. Either
    /// way the findings are those of a run without the cache.
    @Test func wholeCatalogFindingsAreReusedWhileIdentitiesHold() async throws {
        var files = [
            "policies/example.yaml": Self.policies,
            "codes/a.yaml": Self.code(1, slug: "promo-1o"),
            "codes/b.yaml": Self.code(3, slug: "promo-10"),  // confusable with a.yaml's
            "codes/eu/c.yaml": Self.code(5, slug: "autumn"),
        ]
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let now = RuleExampleRunner.now
        func lint() async -> (cached: LintPipeline.Result, plain: LintPipeline.Result) {
            let cache = Self.cache(in: folder.path)
            let cached = await LintPipeline.run(MemoryRepository(files: files), now: now, retention: .routing, cache: cache)
            cache.save()
            return (cached, await LintPipeline.run(MemoryRepository(files: files), now: now, retention: .routing))
        }
        let first = await lint()
        #expect(first.cached.catalog.codes.count == 3 && first.cached.diagnostics == first.plain.diagnostics)
        #expect(first.plain.diagnostics.contains { $0.ruleID == "slug-confusable" })

        files["codes/a.yaml"] = Self.code(1, slug: "promo-1o").replacingOccurrences(of: "acme.example/1", with: "acme.example/moved")
        let repointed = await lint()
        #expect(repointed.cached.catalog.codes.isEmpty && repointed.cached.codeCount == 3, "no identity decoded")
        #expect(repointed.cached.codes().map(\.id.value) == first.cached.catalog.codes.map(\.id.value))
        #expect(repointed.cached.diagnostics == repointed.plain.diagnostics)

        files["codes/b.yaml"] = Self.code(3, slug: "summer")
        let reslugged = await lint()
        #expect(reslugged.cached.catalog.codes.count == 3)
        #expect(reslugged.cached.diagnostics == reslugged.plain.diagnostics)
        #expect(!reslugged.plain.diagnostics.contains { $0.ruleID == "slug-confusable" })
    }

    /// A count is bounded only by the bytes left; an element in memory is many times its bytes.
    /// Such a count is refused without reserving memory for it first.
    @Test func aHugeCountIsRefusedWithoutReservingForIt() {
        var writer = RecordWriter()
        writer.varint(FileCheckRecord.version)
        writer.signed(0)
        writer.signed(1)
        writer.count(4_000_000)
        let bytes = writer.finish() + [UInt8](repeating: 0xFF, count: 4_000_000)
        #expect(throws: RecordReader.Malformed.self) { try FileCheckRecord(bytes: bytes) }
    }

    /// A pack cut short or with any byte changed never gives a wrong record: each record is
    /// either the one saved or missing (a cut keeps the whole records before it); another format
    /// is an empty cache. On disk, the damaged record misses and the next save repairs the pack.
    @Test func aDamagedPackNeverGivesAWrongRecord() async throws {
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let files = ["policies/example.yaml": Self.policies, "codes/a.yaml": Self.code(1, slug: "a"), "codes/b.yaml": "- id: ["]
        let cache = Self.cache(in: folder.path)
        _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: cache)
        cache.save()
        let path = folder.path + "/" + FileCheckCache.fileName
        let pack = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let saved = FileCheckCache.intactRecords(pack)
        #expect(saved.count == 3, "two files' records and the whole-catalog findings")
        func expectNothingWrong(_ damaged: [UInt8]) {
            for (key, record) in FileCheckCache.intactRecords(damaged) { #expect(saved[key] == record) }
        }
        for length in 0..<pack.count {
            let cut = Array(pack[..<length])
            expectNothingWrong(cut)
            if length < pack.count - 1 { #expect(FileCheckCache.intactRecords(cut).count < 3) }
        }
        for index in pack.indices {
            var flipped = pack
            flipped[index] ^= 0x20
            expectNothingWrong(flipped)
            #expect(FileCheckCache.intactRecords(flipped).count < 3 || index >= pack.count, "byte \(index)")
        }
        #expect(FileCheckCache.intactRecords(Array("QRCHECK1".utf8) + pack.dropFirst(8)).isEmpty)
        #expect(FileCheckCache.intactRecords(Array("QRCHECK2".utf8) + pack.dropFirst(8)).isEmpty)
        // On disk: a file's record with a changed byte misses, and the next save rewrites the pack.
        let entries = KeyedPack.parse(pack, magic: FileCheckCache.magic).entries
        let fileRecord = try #require(entries.values.first { entry in
            (try? FileCheckRecord(bytes: pack[entry.range]))?.identities.count == 1
        })
        var damaged = pack
        damaged[fileRecord.range.upperBound - 3] ^= 1
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        let reopened = Self.cache(in: folder.path)
        _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: reopened)
        #expect(reopened.missCount == 1)
        reopened.save()
        #expect(FileCheckCache.intactRecords(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).count == 3)
        let repaired = Self.cache(in: folder.path)
        _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: repaired)
        #expect(repaired.missCount == 0)
    }

    /// A save appends the records the run made; a record made again replaces the earlier one;
    /// a file that is gone leaves its record until the log holds more than a quarter more than
    /// what a run used plus the slack (here a megabyte, then none), when it is rewritten with
    /// only that. The whole-catalog findings are a record too, made again when any file's
    /// identities change (or a file goes).
    @Test func aSaveAppendsWhatChangedAndRewritesWhenTheLogHasGrown() async throws {
        let folder = try TemporaryFolder("checks")
        defer { folder.remove() }
        let path = folder.path + "/" + FileCheckCache.fileName
        var files = ["policies/example.yaml": Self.policies, "codes/a.yaml": Self.code(1, slug: "a"), "codes/b.yaml": Self.code(2, slug: "b")]
        func run(slack: Int = 1 << 20) async throws -> (misses: Int, size: Int, records: Int) {
            let cache = FileCheckCache(folder: folder.path, tool: Self.tool, rules: Self.rules, compactionSlack: slack)
            _ = await LintPipeline.run(MemoryRepository(files: files), now: RuleExampleRunner.now, cache: cache)
            cache.save()
            let pack = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            return (cache.missCount, pack.count, KeyedPack.parse(pack, magic: FileCheckCache.magic).entries.count)
        }
        let first = try await run()
        #expect(first.misses == 2 && first.records == 3)
        let unchanged = try await run()
        #expect(unchanged.misses == 0 && unchanged.size == first.size, "nothing written")
        files["codes/b.yaml"] = Self.code(2, slug: "b2")
        let changed = try await run()
        #expect(changed.misses == 1 && changed.size > first.size && changed.records == 5, "b's record and the findings' appended")
        let again = try await run()
        #expect(again.misses == 0 && again.size == changed.size)
        files["codes/a.yaml"] = nil
        let removed = try await run()
        #expect(removed.misses == 0 && removed.size > changed.size && removed.records == 6, "the findings' record alone appended")
        #expect(try await run().size == removed.size, "nothing made: nothing written")
        files["codes/b.yaml"] = Self.code(2, slug: "b3")
        let compacted = try await run(slack: 0)
        #expect(compacted.misses == 1 && compacted.records == 2 && compacted.size < first.size, "rewritten with b's record and the findings'")
    }
}

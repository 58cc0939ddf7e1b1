import Catalog
import Diagnostics
import Foundation
import Rules
import Synchronization
import Testing
import TestSupport
@testable import Workspace

/// The build cache (`BuildProductCache`): a build that takes unchanged files' table entries and
/// plans from it, without parsing them, must give exactly what a build from scratch gives, after
/// any change; its records read back as written, and damaged ones are refused, never a trap.
@Suite("Build cache: unchanged files' table entries and plans, reused")
struct BuildProductCacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let now = RuleExampleRunner.now
    /// The examples' policies, with ids allowed in lower case (for a case clash between files).
    static let policies = RuleExampleRunner.standardPolicies.replacingOccurrences(
        of: "'^[A-Z]{3}-[A-Z]{2}-[0-9]{4}$'", with: "'^[A-Za-z]{3}-[A-Za-z]{2}-[0-9]{4}$'")

    /// A code file of one code.
    static func code(_ id: String, slug: String, target: String = "https://www.acme.example/a", extra: String = "") -> String {
        CodeFileFixture.oneCode(id: id, slug: slug, target: target, extra: extra)
    }

    static let files = [
        "policies/example.yaml": policies,
        "codes/a.yaml": code("RET-EU-0001", slug: "spring"),
        "codes/b.yaml": code("RET-EU-0003", slug: "summer", extra: "    artwork: {formats: [svg, eps], size: 30mm}"),
        "codes/eu/c.yaml": code("RET-EU-0005", slug: "autumn", extra: """
                routes:
                  - when: {device: ios, language: [de, fr]}
                    target: https://www.acme.example/ios
                  - when: {query: {ref: print}}
                    split:
                      - {weight: 70, target: https://www.acme.example/x}
                      - {weight: 30, target: https://www.acme.example/y}
            """),
    ]

    static func build(_ repo: TemporaryFolder, into out: String, artwork: Bool, cached: Bool) async throws
        -> (result: BuildPipeline.Result, checks: FileCheckCache?, products: BuildProductCache?) {
        var request = BuildPipeline.Request(repository: repo.path, out: repo.path + "/" + out, now: now, toolVersion: "test")
        request.artwork = artwork
        let checks = cached ? FileCheckCache(folder: repo.path + "/.qrops-cache/checks", tool: "test-tool", rules: RuleRegistry.all.map { $0.description.id }) : nil
        let products = cached ? BuildProductCache.forRepository(repo.path) : nil
        request.checkCache = checks
        request.productCache = products
        request.cache = repo.path + "/.qrops-cache/artwork-" + out
        return (try await BuildPipeline.run(request), checks, products)
    }

    /// Every way a pull request changes what a build makes of one file, or of the files it did
    /// not touch: each cached build must equal a build from scratch, with and without artwork.
    @Test(arguments: [
        ("codes/a.yaml", code("RET-EU-0001", slug: "spring", target: "https://www.acme.example/new")),  // re-pointed
        ("codes/a.yaml", code("RET-EU-0001", slug: "spring-2")),  // a new short URL: new artwork
        ("codes/a.yaml", code("RET-EU-0001", slug: "spring").replacingOccurrences(of: "status: active", with: "status: draft")),
        ("codes/a.yaml", code("RET-EU-0001", slug: "spring", extra: "    artwork: {size: 1mm}")),  // build-artwork-invalid
        ("codes/d.yaml", code("ret-eu-0003", slug: "winter")),  // a case clash with cached b.yaml
        ("codes/d.yaml", code("RET-EU-0007", slug: "summer")),  // a slug clash with cached b.yaml
        ("codes/eu/_defaults.yaml", "artwork: {formats: [svg, eps]}\n"),  // a folder's defaults
        ("policies/example.yaml", policies + "\nartwork:\n  defaults: {formats: [svg, png], quiet-zone: 6}\n"),
        ("codes/b.yaml", ""),  // emptied
    ], [true, false])
    func aBuildFromCachedProductsEqualsOneFromScratch(change: (path: String, text: String), artwork: Bool) async throws {
        let repo = try TemporaryFolder("build-cache")
        defer { repo.remove() }
        var files = Self.files
        func write() throws { for (path, text) in files { try repo.write(text, to: path) } }
        try write()
        let first = try await Self.build(repo, into: "build", artwork: artwork, cached: true)
        #expect(first.result.summary != nil, "\(first.result.diagnostics.map(\.message))")
        let again = try await Self.build(repo, into: "build", artwork: artwork, cached: true)
        #expect(again.checks?.missCount == 0 && again.products?.missCount == 0, "nothing changed: nothing parsed")
        #expect(again.result.diagnostics == first.result.diagnostics)
        let before = repo.snapshot("build")

        files[change.path] = change.text
        try write()
        let cached = try await Self.build(repo, into: "build", artwork: artwork, cached: true)
        let plain = try await Self.build(repo, into: "plain", artwork: artwork, cached: false)
        #expect(cached.products?.missCount ?? 0 <= 1, "only the changed file is made again")
        #expect(cached.result.diagnostics == plain.result.diagnostics)
        #expect((cached.result.summary == nil) == (plain.result.summary == nil))
        #expect(cached.result.summary?.codes == plain.result.summary?.codes)
        #expect(cached.result.summary?.printedCodes == plain.result.summary?.printedCodes)
        if plain.result.summary != nil {
            #expect(repo.snapshot("build") == repo.snapshot("plain"))
            #expect(repo.snapshot("plain") != before, "each change matters")
        } else {
            #expect(plain.result.diagnostics != first.result.diagnostics, "each change matters")
            #expect(repo.snapshot("build") == before, "a refused build writes nothing")
        }
    }

    /// A file whose check and products are both cached is not parsed: the per-file work is not
    /// made again, and only the changed file's is.
    @Test func onlyTheChangedFileIsWorkedOn() async throws {
        let folder = try TemporaryFolder("build-cache")
        defer { folder.remove() }
        var files = Self.files
        let made = Mutex<[Int]>([])
        func run() async -> [Int] {
            made.withLock { $0 = [] }
            let checks = FileCheckCache(folder: folder.path + "/checks", tool: "t", rules: [])
            let products = BuildProductCache(folder: folder.path + "/build")
            _ = await LintPipeline.run(
                MemoryRepository(files: files), now: Self.now, engine: RuleEngine(rules: []), cache: checks,
                workCache: products.work(keepArtwork: true),
                perFile: { codes, policies in
                    made.withLock { $0.append(codes.count) }
                    return BuildProducts.make(codes, policies: policies, keepArtwork: true)
                },
                alongside: { _, _, _ in })
            checks.save()
            products.save()
            return made.withLock { $0 }
        }
        #expect(await run().count == 3)
        #expect(await run().isEmpty)
        files["codes/b.yaml"] = Self.code("RET-EU-0003", slug: "summer-2")
        #expect(await run() == [1])
    }

    /// The products of the example portfolio's files (routes, splits, UTM, query conditions,
    /// artwork settings of every kind), with and without artwork plans, with their JSON.
    static func portfolioProducts(keepArtwork: Bool) async -> [BuildProducts] {
        await LintPipeline.run(
            DiskRepository(root: root), now: now, retention: .routing,
            perFile: { codes, policies in BuildProducts.make(codes, policies: policies, keepArtwork: keepArtwork, json: true) },
            alongside: { _, products, _ in products }).extra
    }

    @Test(arguments: [true, false])
    func aRecordReadsBackAsWritten(keepArtwork: Bool) async throws {
        let products = await Self.portfolioProducts(keepArtwork: keepArtwork)
        #expect(products.contains { $0.entries.codes.contains { !$0.routes.isEmpty } })
        var planned = 0
        for original in products {
            let bytes = original.bytes()
            let read = try BuildProducts(bytes: bytes)
            #expect(read.entries == original.entries)
            #expect(read.json == original.json && read.json?.count == original.entries.codes.count)
            #expect(read.bytes() == bytes)
            #expect(read.plan.summary == original.plan.summary)
            let readPlan = try #require(read.plan.plan())
            let originalPlan = try #require(original.plan.plan())
            #expect(readPlan.counts == originalPlan.counts && readPlan.items.count == originalPlan.items.count)
            #expect(ArtworkPlanDigest.ofFile(readPlan) == original.plan.summary.digest)
            for (left, right) in zip(readPlan.items, originalPlan.items) {
                guard case .candidate(let id, let folded, let outcome) = left, case .candidate(let id2, let folded2, let outcome2) = right else { continue }
                #expect(id == id2 && folded == folded2)
                if case .planned(let plan) = outcome, case .planned(let plan2) = outcome2 {
                    planned += 1
                    #expect(plan.cacheMaterial == plan2.cacheMaterial && plan.formats == plan2.formats && plan.codeID == plan2.codeID)
                    #expect(plan.settingLocations.all == plan2.settingLocations.all && plan.codeLocation == plan2.codeLocation)
                }
            }
        }
        #expect(keepArtwork ? planned > 20 : planned == 0)
        // The joined plan and table are those of the whole catalog.
        let whole = BuildPlanner.plan(products.compactMap { $0.plan.plan() })
        let reread = BuildPlanner.plan(try products.compactMap { try BuildProducts(bytes: $0.bytes()).plan.plan() })
        #expect(whole.artwork.count == reread.artwork.count)
        #expect(whole.printedCodes == reread.printedCodes && whole.codesByStatus == reread.codesByStatus)
        #expect(whole.diagnostics == reread.diagnostics)
        #expect(whole.artwork.map(\.cacheMaterial) == reread.artwork.map(\.cacheMaterial))
        // Without findings, the files' summaries say what the joined plan does but its artwork.
        #expect(whole.diagnostics.isEmpty && !products.contains { $0.plan.summary.hasFindings })
        let summarized = BuildPlanner.summarized(products.map(\.plan.summary))
        #expect(summarized.printedCodes == whole.printedCodes && summarized.codesByStatus == whole.codesByStatus)
    }

    /// A file plan's digest (`ArtworkPlanDigest.ofFile`) follows what decides the artwork, and
    /// nothing located: a code moved down the file keeps it.
    @Test(arguments: [
        (code("RET-EU-0001", slug: "spring", target: "https://www.acme.example/new"), false),  // re-pointed
        ("# a comment\n\n" + code("RET-EU-0001", slug: "spring"), false),  // moved down
        (code("RET-EU-0001", slug: "spring-2"), true),  // a new short URL
        (code("RET-EU-0002", slug: "spring"), true),  // another id: another file name
        (code("RET-EU-0001", slug: "spring", extra: "    artwork: {formats: [svg, eps]}"), true),
        (code("RET-EU-0001", slug: "spring", extra: "    artwork: {quiet-zone: 8}"), true),
        (code("RET-EU-0001", slug: "spring", extra: "    artwork: {size: 1mm}"), true),  // refused
        (code("RET-EU-0001", slug: "spring").replacingOccurrences(of: "status: active", with: "status: draft"), true),
    ])
    func aFilePlansDigestFollowsItsArtwork(changed: String, differs: Bool) async throws {
        func summary(_ text: String) async throws -> PlannedFile.Summary {
            let products = await LintPipeline.run(
                MemoryRepository(files: ["policies/example.yaml": Self.policies, "codes/a.yaml": text]), now: Self.now,
                engine: RuleEngine(rules: []), retention: .routing,
                perFile: { codes, policies in BuildProducts.make(codes, policies: policies, keepArtwork: true) },
                alongside: { _, products, _ in products }).extra
            return try #require(products.first).plan.summary
        }
        let original = try await summary(Self.code("RET-EU-0001", slug: "spring"))
        let other = try await summary(changed)
        #expect((other.digest != original.digest) == differs)
    }

    /// A record that passes its digest but whose plan does not read (only a faulty build could
    /// write one): once the build needs that plan, it empties the build cache and builds again,
    /// and equals a build from scratch; the next build finds every file's products again.
    @Test func aPlanThatDoesNotReadIsMadeAgain() async throws {
        let repo = try TemporaryFolder("build-cache")
        defer { repo.remove() }
        var files = Self.files
        for (path, text) in files { try repo.write(text, to: path) }
        _ = try await Self.build(repo, into: "build", artwork: true, cached: true)
        let path = repo.path + "/" + BuildProductCache.folderInRepository + "/" + BuildProductCache.fileName
        let records = KeyedPack.intactRecords(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), magic: BuildProductCache.magic)
        #expect(records.count == 3)
        var pack = BuildProductCache.magic
        for (key, bytes) in records.sorted(by: { $0.key < $1.key }) {
            var products = try BuildProducts(bytes: bytes)
            products.plan = PlannedFile(summary: products.plan.summary, encoded: [0xFF])
            #expect(products.plan.plan() == nil)
            KeyedPack.append(key, products.bytes()[...], to: &pack)
        }
        try Data(pack).write(to: URL(fileURLWithPath: path))

        files["codes/a.yaml"] = Self.code("RET-EU-0001", slug: "spring-2")  // new artwork: the plan is needed
        for (path, text) in files { try repo.write(text, to: path) }
        let cached = try await Self.build(repo, into: "build", artwork: true, cached: true)
        #expect(cached.result.summary?.rendered ?? 0 > 0, "\(cached.result.diagnostics.map(\.message))")
        _ = try await Self.build(repo, into: "plain", artwork: true, cached: false)
        #expect(repo.snapshot("build") == repo.snapshot("plain"))
        let again = try await Self.build(repo, into: "build", artwork: true, cached: true)
        #expect(again.products?.missCount == 0 && again.result.summary != nil)
        #expect(repo.snapshot("build") == repo.snapshot("plain"))
    }

    /// A record cut anywhere is refused; random damage never traps.
    @Test func aDamagedRecordIsRefusedNeverATrap() async throws {
        let products = await Self.portfolioProducts(keepArtwork: true)
        let bytes = try #require(products.max { $0.entries.codes.count < $1.entries.codes.count }).bytes()
        RecordDamage.expectRefusedNeverATrap(bytes, seed: 11) { _ = try BuildProducts(bytes: $0).plan.plan() }
        // The plan itself, read only when the build needs it.
        let plan = try #require(products.max { $0.plan.summary.printed < $1.plan.summary.printed }).plan
        RecordDamage.expectRefusedNeverATrap(plan.encoded(), seed: 12) { bytes in
            guard PlannedFile(summary: plan.summary, encoded: bytes).plan() != nil else { throw RecordReader.Malformed() }
        }
    }

    /// A damaged record on disk misses (the build parses that file) and the pack is rewritten.
    @Test func aDamagedPackIsRebuilt() async throws {
        let repo = try TemporaryFolder("build-cache")
        defer { repo.remove() }
        for (path, text) in Self.files { try repo.write(text, to: path) }
        _ = try await Self.build(repo, into: "build", artwork: true, cached: true)
        let path = repo.path + "/" + BuildProductCache.folderInRepository + "/" + BuildProductCache.fileName
        var pack = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        pack[pack.count - 2] ^= 0x01
        try Data(pack).write(to: URL(fileURLWithPath: path))
        let damaged = try await Self.build(repo, into: "build", artwork: true, cached: true)
        #expect(damaged.products?.missCount == 1)
        #expect(damaged.result.summary != nil)
        let repaired = try await Self.build(repo, into: "build", artwork: true, cached: true)
        #expect(repaired.products?.missCount == 0)
    }
}

extension BuildProductCacheTests {
    /// `--no-artwork` keeps no artwork plans: a build with artwork after one without must not
    /// take its products (and the other way round), or it would print nothing.
    @Test func buildsWithAndWithoutArtworkKeepTheirOwnProducts() async throws {
        let repo = try TemporaryFolder("build-cache")
        defer { repo.remove() }
        for (path, text) in Self.files { try repo.write(text, to: path) }
        let plain = try await Self.build(repo, into: "plain", artwork: true, cached: false)
        for artwork in [false, true, false, true] {
            let built = try await Self.build(repo, into: "build", artwork: artwork, cached: true)
            #expect(built.result.summary?.printedCodes == 3)
            #expect(built.result.summary?.artworkFiles == (artwork ? plain.result.summary?.artworkFiles : 0))
        }
        #expect(repo.snapshot("build") == repo.snapshot("plain"))
    }
}

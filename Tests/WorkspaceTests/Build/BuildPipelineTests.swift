import Catalog
import Foundation
import Rules
import Testing
@testable import Workspace

private let now = Instant.parse("2026-11-21") ?? Instant(seconds: 0)

/// A small portfolio on disk: four printed codes in every format, a draft and a retired one.
/// No server maps unless `targets` names some (their own tests are below).
private func portfolio(targets: String = "[]") throws -> TemporaryFolder {
    let repo = try TemporaryFolder("portfolio")
    try repo.write("""
        version: 1
        default-domain: qr.acme.example
        domains:
          qr.acme.example: {case-sensitive-slugs: false, fallback: "https://www.acme.example/qr"}
        artwork: {ec: Q, formats: [svg, png, pdf, eps]}
        build: {targets: \(targets)}

        """, to: "policies/main.yaml")
    for (index, status) in ["active", "active", "paused", "active", "draft", "retired"].enumerated() {
        try repo.write("id: C-\(index)\nslug: c\(index)\nstatus: \(status)\ntarget: https://www.acme.example/\(index)\n",
                       to: "codes/c\(index).yaml")
    }
    return repo
}

private func build(_ repo: TemporaryFolder, out: String? = nil, cache: String? = nil, at: Instant? = nil,
                   artwork: Bool = true, verifyArtwork: Bool = false, cached: Bool = false) async throws -> BuildPipeline.Result {
    var request = BuildPipeline.Request(repository: repo.path, out: out, now: now, at: at, toolVersion: "test")
    request.cache = cache
    request.artwork = artwork
    request.verifyArtwork = verifyArtwork
    request.engine = RuleEngine(rules: [])
    if cached {
        // The check and build caches, as `qrops build` keeps them: files' plans come from the
        // cache encoded (`PlannedFile`).
        request.checkCache = FileCheckCache(folder: repo.path + "/.qrops-cache/checks", tool: "test", rules: [])
        request.productCache = BuildProductCache.forRepository(repo.path)
    }
    return try await BuildPipeline.run(request)
}

@Suite("qrops build, in process")
struct BuildPipelineTests {
    @Test func writesArtworkForPrintedCodesAndAManifestThatMatchesTheFiles() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        let result = try await build(repo)
        let summary = try #require(result.summary, "\(result.diagnostics)")
        #expect(summary.printedCodes == 4 && summary.artworkFiles == 16 && summary.rendered == 16 && summary.reused == 0)
        let files = repo.snapshot("build")
        #expect(Set(files.keys) == Set(["README.md", "manifest.json", "redirects.qrt", "redirects.json"] + (0..<4).flatMap { index in
            ["svg", "png", "pdf", "eps"].map { "artwork/C-\(index).\($0)" }
        }))
        #expect(files["README.md"] == Array(BuildTarget.defaultReadme.utf8))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files["manifest.json"] ?? [])) as? [String: Any])
        let listed = try #require(manifest["files"] as? [[String: Any]])
        #expect(listed.count == 18)
        for entry in listed {
            let path = try #require(entry["path"] as? String)
            let bytes = try #require(files[path])
            #expect(entry["sha256"] as? String == SHA256.hash(bytes).hex)
            #expect(entry["bytes"] as? Int == bytes.count)
        }
        #expect(listed.map { $0["path"] as? String ?? "" } == listed.map { $0["path"] as? String ?? "" }.sorted())
        #expect((manifest["codes"] as? [String: Int]) == ["active": 3, "paused": 1, "draft": 1, "retired": 1, "archived": 0, "total": 6])
        #expect((manifest["artwork"] as? [String: Int]) == ["codes": 4, "files": 16])
        #expect(manifest["format"] as? String == "qrops-build-manifest")
        #expect(manifest["qrops-version"] as? String == "test")
        #expect(manifest["at"] == nil, "no time in the manifest without --at")
        #expect(manifest["next-transition"] is NSNull)
        let tableInfo = try #require(manifest["redirect-table"] as? [String: Any])
        #expect(tableInfo["codes"] as? Int == 5 && tableInfo["domains"] as? Int == 1)  // the draft is not published
        #expect(tableInfo["path"] as? String == "redirects.qrt" && tableInfo["json"] as? String == "redirects.json")
        #expect(manifest["server-maps"] as? [String] == [])
        let inputs = try #require(manifest["inputs"] as? [String: Any])
        #expect(inputs["files"] as? Int == 7)
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo, out: repo.path + "/one", cache: repo.path + "/cache-one")
        _ = try await build(repo, out: repo.path + "/two", cache: repo.path + "/cache-two")
        let warm = try await build(repo, out: repo.path + "/three", cache: repo.path + "/cache-one")
        #expect(warm.summary?.reused == 16)
        let one = repo.snapshot("one")
        #expect(one.count == 20)
        #expect(repo.snapshot("two") == one)
        #expect(repo.snapshot("three") == one)
    }

    @Test func aChangedCodeIsTheOnlyOneRenderedAndTheResultEqualsACleanBuild() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        try repo.write("id: C-1\nslug: c1\nstatus: active\ntarget: https://www.acme.example/1\nartwork: {foreground: \"#1A237E\"}\n",
                       to: "codes/c1.yaml")
        let incremental = try await build(repo)
        #expect(incremental.summary?.rendered == 4)
        #expect(incremental.summary?.reused == 12)
        let clean = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(clean.summary?.rendered == 16)
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
    }

    @Test func lintErrorsWriteNothing() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        let before = repo.snapshot("build")
        try repo.write("id: C-9\nslug: c9\nstatus: shiny\ntarget: https://www.acme.example/9\n", to: "codes/c9.yaml")
        let result = try await build(repo)
        #expect(result.summary == nil)
        #expect(result.diagnostics.contains { $0.ruleID == "invalid-enum" })
        #expect(repo.snapshot("build") == before)
        #expect(!repo.names().contains { $0.contains(".staging-") })
    }

    @Test func renderErrorsWriteNothingAndPointAtTheSetting() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        let before = repo.snapshot("build")
        // 4 m at 4800 dpi is a PNG far beyond the renderer's limit.
        try repo.write("id: C-0\nslug: c0\nstatus: active\ntarget: https://www.acme.example/0\nartwork: {size: 4000mm, dpi: 4800}\n",
                       to: "codes/c0.yaml")
        let result = try await build(repo)
        #expect(result.summary == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.ruleID == BuildRule.artworkInvalid })
        #expect(diagnostic.location.file == "codes/c0.yaml" && diagnostic.location.line == 5)
        #expect(diagnostic.message.contains("PNG"), "\(diagnostic.message)")
        #expect(repo.snapshot("build") == before)
        #expect(!repo.names().contains { $0.contains(".staging-") })
    }

    /// Artwork in build/ is hard-linked to the cache: editing it in place must not poison the
    /// cache (size and mtime no longer match the index, so the file is rendered again).
    @Test func aCachedFileChangedInPlaceIsRenderedAgain() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        let clean = repo.snapshot("build")
        let handle = try #require(FileHandle(forWritingAtPath: repo.path + "/build/artwork/C-2.svg"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        let result = try await build(repo)
        #expect(result.summary?.rendered == 1)
        #expect(repo.snapshot("build") == clean)
    }

    /// The targets the policy names are written, listed in the manifest with their digests;
    /// an unknown target is a located error and nothing is written.
    @Test func writesTheServerMapsThePolicyNames() async throws {
        let repo = try portfolio(targets: "[nginx, netlify]")
        defer { repo.remove() }
        let result = try await build(repo, artwork: false)
        #expect(result.summary != nil, "\(result.diagnostics)")
        #expect(repo.names("build") == ["README.md", "manifest.json", "netlify", "nginx", "redirects.json", "redirects.qrt"])
        let files = repo.snapshot("build")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files["manifest.json"] ?? [])) as? [String: Any])
        #expect(manifest["server-maps"] as? [String] == ["nginx", "netlify"])
        let listed = try #require(manifest["files"] as? [[String: Any]])
        let mapFiles = files.keys.filter { $0.hasPrefix("nginx/") || $0.hasPrefix("netlify/") || $0.hasPrefix("redirects.") }.sorted()
        #expect(!mapFiles.isEmpty && listed.compactMap { $0["path"] as? String } == mapFiles)
        for entry in listed {
            let bytes = try #require(files[entry["path"] as? String ?? ""])
            #expect(entry["sha256"] as? String == SHA256.hash(bytes).hex)
        }

        let unknown = try portfolio(targets: "[nginx, ngnix]")
        defer { unknown.remove() }
        let refused = try await build(unknown, artwork: false)
        #expect(refused.summary == nil)
        let error = try #require(refused.diagnostics.first { $0.ruleID == BuildRule.unknownTarget })
        #expect(error.location.file == "policies/main.yaml" && error.location.line == 6)
        #expect(error.message.contains("did you mean `nginx`"))
        #expect(!FileManager.default.fileExists(atPath: unknown.path + "/build/manifest.json"))
    }

    @Test func withoutArtworkOnlyTheTableManifestAndReadme() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        let result = try await build(repo, at: Instant.parse("2027-01-01T10:00:00Z"), artwork: false)
        #expect(result.summary?.artworkFiles == 0)
        #expect(repo.names("build") == ["README.md", "manifest.json", "redirects.json", "redirects.qrt"])
        let manifest = String(decoding: repo.snapshot("build")["manifest.json"] ?? [], as: UTF8.self)
        #expect(manifest.contains("\"at\": \"2027-01-01T10:00:00Z\""))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.qrops-cache"))
    }

    @Test func aCommittedReadmeIsKeptByteForByte() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        try repo.write("Our build folder. Do not edit.\n", to: "build/README.md")
        _ = try await build(repo)
        #expect(repo.snapshot("build")["README.md"] == Array("Our build folder. Do not edit.\n".utf8))
        _ = try await build(repo)
        #expect(repo.snapshot("build")["README.md"] == Array("Our build folder. Do not edit.\n".utf8))
    }

    /// The staging folder keeps the previous build; the next build updates it in place, so a
    /// retired code's files must go and everything else must match a clean build.
    @Test func theReusedStagingFolderEndsUpEqualToACleanBuild() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        _ = try await build(repo)
        #expect(repo.snapshot("build.staging").count == 20, "the previous build waits in build.staging")
        try repo.write("id: C-1\nslug: c1\nstatus: retired\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
        try repo.write("junk\n", to: "build.staging/artwork/ZZ.svg")
        try repo.write("junk\n", to: "build.staging/stray/file.txt")
        let result = try await build(repo)
        #expect(result.summary?.rendered == 0)
        #expect(result.summary?.reused == 12)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
        #expect(repo.snapshot("build").keys.contains { $0.contains("C-1") } == false)
    }

    /// File times come from a coarse clock: a different file of the same size and mtime as the
    /// cached one must not pass for it (the inode tells them apart).
    @Test func aLookAlikeFileInTheStagingFolderIsNotKept() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        _ = try await build(repo)
        _ = try await build(repo)
        let path = repo.path + "/build.staging/artwork/C-2.svg"
        var info = stat()
        #expect(stat(path, &info) == 0)
        try FileManager.default.removeItem(atPath: path)
        try String(repeating: "x", count: Int(info.st_size)).write(toFile: path, atomically: false, encoding: .utf8)
        var times = [info.st_mtim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        _ = try await build(repo)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
    }

    /// From the third build on, the staging folder is the build before last, sealed when it was
    /// committed: its artwork is known from its manifest. Anything that changes its `artwork/`
    /// (a killed run, a removed, added or replaced file) or its manifest breaks the seal, and
    /// that build checks every file instead, ending equal to a clean build.
    @Test(arguments: ["remove", "add", "replace", "rename", "manifest"])
    func aSealedStagingFolderIsTrustedUntilSomethingTouchesIt(_ tampering: String) async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        #expect(try await build(repo).summary?.stagingSealed == false)
        #expect(try await build(repo).summary?.stagingSealed == false, "the staging folder was new")
        let third = try await build(repo)
        #expect(third.summary?.stagingSealed == true)
        #expect(third.summary?.rendered == 0 && third.summary?.reused == 16)
        let staged = repo.path + "/build.staging/"
        switch tampering {
        case "remove": try FileManager.default.removeItem(atPath: staged + "artwork/C-3.png")
        case "add": try repo.write("<svg/>", to: "build.staging/artwork/C-9.svg")
        case "replace":
            try FileManager.default.removeItem(atPath: staged + "artwork/C-0.svg")
            try repo.write("<svg/>", to: "build.staging/artwork/C-0.svg")
        case "rename":
            try FileManager.default.removeItem(atPath: staged + "artwork/C-0.pdf")
            try FileManager.default.moveItem(atPath: staged + "artwork/C-1.pdf", toPath: staged + "artwork/C-0.pdf")
        default:
            let bytes = try #require(FileManager.default.contents(atPath: staged + "manifest.json"))
            try FileManager.default.removeItem(atPath: staged + "manifest.json")
            #expect(FileManager.default.createFile(atPath: staged + "manifest.json", contents: bytes))
        }
        let fourth = try await build(repo)
        #expect(fourth.summary?.stagingSealed == false)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
    }

    /// When the staging folder is sealed holding this build's whole artwork plan (its digest
    /// is recorded with the seal), the artwork stage does not run: the manifest's artwork
    /// entries are copied from the staging folder's, also when server maps (`apache/`) come
    /// before them. Every build equals a clean one. A change that moves a planned file (a new
    /// slug is a new short URL) changes the plan: each folder is patched once (its one changed
    /// code rendered, `ArtworkPatch`), and then holds the plan. With the caches the files' plans
    /// are not decoded when the staging folder holds the plan.
    @Test(arguments: ["[]", "[nginx, apache]"], [false, true])
    func anUnchangedArtworkPlanIsNotStagedAgain(_ targets: String, cached: Bool) async throws {
        let repo = try portfolio(targets: targets)
        defer { repo.remove() }
        func expectClean(_ label: String) async throws {
            for leftover in ["clean", "clean.staging", "fresh-cache"] { try? FileManager.default.removeItem(atPath: repo.path + "/" + leftover) }
            let clean = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
            #expect(clean.summary?.artworkUnchanged == false)
            #expect(repo.snapshot("build") == repo.snapshot("clean"), "\(label)")
        }
        for _ in 0..<2 { #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == false) }
        let third = try await build(repo, cached: cached)
        let summary = try #require(third.summary)
        #expect(summary.artworkUnchanged && summary.stagingSealed && summary.artworkFiles == 16 && summary.reused == 16)
        #expect(summary.rendered == 0 && summary.files == repo.snapshot("build").count)
        try await expectClean("nothing changed")

        try repo.write("id: C-1\nslug: c1\nstatus: active\ntarget: https://www.acme.example/moved\n", to: "codes/c1.yaml")
        #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == true)
        try await expectClean("a target re-pointed")

        try repo.write("id: C-1\nslug: c1-new\nstatus: active\ntarget: https://www.acme.example/moved\n", to: "codes/c1.yaml")
        let reslugged = try #require(try await build(repo, cached: cached).summary)
        #expect(!reslugged.artworkUnchanged && reslugged.rendered == 4)
        try await expectClean("a slug changed")
        let other = try #require(try await build(repo, cached: cached).summary)
        // The other folder still held the old plan: patched, its one changed code rendered.
        #expect(!other.artworkUnchanged && other.artworkPatched && other.rendered == 4, "the other folder still held the old plan")
        #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == true)
        try await expectClean("settled again")

        try repo.write("id: C-3\nslug: c3\nstatus: active\ntarget: https://www.acme.example/3\nartwork: {formats: [svg]}\n",
                       to: "codes/c3.yaml")
        #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == false)
        #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == false)
        #expect(try await build(repo, cached: cached).summary?.artworkFiles == 13)
        try await expectClean("fewer formats")
    }

    /// A seal whose recorded range of the manifest does not hold artwork entries (a seals file
    /// edited by hand) is not trusted for the copy: the build stages the artwork as usual.
    @Test func aSealWithAWrongRangeStagesTheArtwork() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<3 { _ = try await build(repo) }
        let cache = repo.path + "/.qrops-cache/artwork"
        let seals = StagingSeals.read(at: cache)
        #expect(seals.values.contains { $0 != nil })
        StagingSeals.forget(at: cache)
        for case let (seal, artwork?) in seals {
            var shifted = artwork
            shifted.entries = artwork.entries.lowerBound + 1..<artwork.entries.upperBound
            StagingSeals.record(seal, artwork: shifted, at: cache)
        }
        let next = try #require(try await build(repo).summary)
        #expect(!next.artworkUnchanged && next.stagingSealed && next.rendered == 0)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
    }

    /// The one thing a seal cannot see: an artwork file rewritten in place (its folder is
    /// untouched). Artwork is hard-linked from the cache, so the edit shows in every build
    /// folder holding that file; a sealed build keeps it (docs/build.md says so) until
    /// `--verify-artwork` checks every file and forgets the seals, after which builds are clean.
    @Test func aFileRewrittenInPlaceStaysUntilVerifyArtwork() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<3 { _ = try await build(repo) }
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        let handle = try #require(FileHandle(forWritingAtPath: repo.path + "/build/artwork/C-2.svg"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        let trusting = try await build(repo)
        #expect(trusting.summary?.stagingSealed == true)
        #expect(repo.snapshot("build") != repo.snapshot("clean"), "the edited file was kept")
        let verified = try await build(repo, verifyArtwork: true)
        #expect(verified.summary?.stagingSealed == false && verified.summary?.rendered == 1)
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
        for _ in 0..<2 {
            _ = try await build(repo)
            #expect(repo.snapshot("build") == repo.snapshot("clean"))
        }
    }

    /// An id whose case changes (`C-1` to `c-1`) keeps its short URL, so its artwork has the
    /// same cache keys under a new name: the old name is removed before the new one is placed
    /// (on a case-insensitive file system they are one file), also in a sealed folder.
    @Test func anIdWhoseCaseChangesIsRenamedInASealedFolder() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<2 { _ = try await build(repo) }
        try repo.write("id: c-1\nslug: c1\nstatus: active\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
        let renamed = try await build(repo)
        // Patched (`ArtworkPatch`): `C-1`'s files removed, `c-1`'s made.
        #expect(renamed.summary?.stagingSealed == true && renamed.summary?.artworkPatched == true && renamed.summary?.rendered == 4)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
        #expect(repo.snapshot("build").keys.contains("artwork/c-1.svg"))
    }

    /// When the sealed staging folder holds another plan that differs from this build's in a few
    /// code files, it is patched (`ArtworkPatch`): only the changed files' codes whose files
    /// differ are staged (rendered, not looked up in the cache), the others' files and manifest
    /// entries stay as they are. The build after it patches the other folder the same way, and
    /// the one after that finds its plan unchanged. Every build equals a clean one.
    @Test(arguments: ["slug", "id case", "new code", "removed code", "fewer formats", "moved to another file", "drafted"], [false, true])
    func aFewChangedFilesPatchTheSealedFolder(_ change: String, cached: Bool) async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<3 { _ = try await build(repo, cached: cached) }
        let (rendered, files): (Int, Int)
        switch change {
        case "slug":
            try repo.write("id: C-1\nslug: c1-new\nstatus: active\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
            (rendered, files) = (4, 16)
        case "id case":
            try repo.write("id: c-1\nslug: c1\nstatus: active\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
            (rendered, files) = (4, 16)
        case "new code":
            try repo.write("id: C-9\nslug: c9\nstatus: active\ntarget: https://www.acme.example/9\n", to: "codes/more/c9.yaml")
            (rendered, files) = (4, 20)
        case "removed code":
            try FileManager.default.removeItem(atPath: repo.path + "/codes/c2.yaml")
            (rendered, files) = (0, 12)
        case "fewer formats":
            try repo.write("id: C-3\nslug: c3\nstatus: active\ntarget: https://www.acme.example/3\nartwork: {formats: [svg]}\n",
                           to: "codes/c3.yaml")
            (rendered, files) = (1, 13)
        case "moved to another file":
            try FileManager.default.removeItem(atPath: repo.path + "/codes/c1.yaml")
            try repo.write("codes:\n  - {id: C-1, slug: c1, status: active, target: https://www.acme.example/1}\n"
                           + "  - {id: C-7, slug: c7, status: active, target: https://www.acme.example/7}\n", to: "codes/z/both.yaml")
            (rendered, files) = (4, 20)
        default:
            try repo.write("id: C-1\nslug: c1\nstatus: draft\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
            (rendered, files) = (0, 12)
        }
        for folder in ["one folder", "the other folder"] {
            let summary = try #require(try await build(repo, cached: cached).summary)
            #expect(summary.artworkPatched && summary.stagingSealed && !summary.artworkUnchanged, "\(change), \(folder)")
            #expect(summary.rendered == rendered && summary.artworkFiles == files && summary.reused == files - rendered, "\(change), \(folder)")
            for leftover in ["clean", "clean.staging", "fresh-cache"] { try? FileManager.default.removeItem(atPath: repo.path + "/" + leftover) }
            _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
            #expect(repo.snapshot("build") == repo.snapshot("clean"), "\(change), \(folder)")
        }
        #expect(try await build(repo, cached: cached).summary?.artworkUnchanged == true)
    }

    /// An id that differs from another file's only in case is `build-id-case-clash`, found by the
    /// whole plan's check: a patch leaves such a change to it.
    @Test(arguments: [false, true])
    func aCaseClashInAChangedFileIsStillReported(_ cached: Bool) async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<3 { _ = try await build(repo, cached: cached) }
        try repo.write("id: c-0\nslug: c9\nstatus: active\ntarget: https://www.acme.example/9\n", to: "codes/c9.yaml")
        let result = try await build(repo, cached: cached)
        #expect(result.summary == nil)
        #expect(result.diagnostics.contains { $0.ruleID == BuildRule.idCaseClash })
    }

    /// With the caches, the `.qrt` writer keeps its memo beside the build cache, and the next
    /// build takes unchanged files' codes from it (`TableWriterMemoFile`): the table is the
    /// clean build's all the same. A damaged memo is none, and a build without the caches
    /// neither reads nor writes it.
    @Test func theTableIsWrittenFromTheLastBuildsMemo() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        let memoPath = repo.path + "/" + BuildProductCache.folderInRepository + "/" + TableWriterMemoFile.fileName
        func expectClean(_ comment: Comment) async throws {
            for leftover in ["clean", "clean.staging", "fresh-cache"] { try? FileManager.default.removeItem(atPath: repo.path + "/" + leftover) }
            _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
            #expect(repo.snapshot("build") == repo.snapshot("clean"), comment)
        }
        #expect(try await build(repo, cached: true).summary?.tableCodesFromMemo == 0)
        #expect(FileManager.default.fileExists(atPath: memoPath))
        // Five codes are published (one is a draft).
        #expect(try await build(repo, cached: true).summary?.tableCodesFromMemo == 5)
        try repo.write("id: C-1\nslug: c1\nstatus: active\ntarget: https://www.acme.example/1?changed\n", to: "codes/c1.yaml")
        #expect(try await build(repo, cached: true).summary?.tableCodesFromMemo == 4)
        try await expectClean("a target changed")
        try repo.write("id: C-3\nslug: c3-new\nstatus: active\ntarget: https://www.acme.example/3\n", to: "codes/c3.yaml")
        try repo.write("id: C-7\nslug: c7\nstatus: active\ntarget: https://www.acme.example/7\n", to: "codes/c7.yaml")
        #expect(try await build(repo, cached: true).summary?.tableCodesFromMemo == 4)
        try await expectClean("a slug changed, a code added")

        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: memoPath)))
        damaged[damaged.count / 2] ^= 0x10
        try Data(damaged).write(to: URL(fileURLWithPath: memoPath))
        try repo.write("id: C-0\nslug: c0\nstatus: active\ntarget: https://www.acme.example/0?changed\n", to: "codes/c0.yaml")
        #expect(try await build(repo, cached: true).summary?.tableCodesFromMemo == 0)
        try await expectClean("a damaged memo")

        let kept = try Data(contentsOf: URL(fileURLWithPath: memoPath))
        try repo.write("id: C-0\nslug: c0\nstatus: active\ntarget: https://www.acme.example/0\n", to: "codes/c0.yaml")
        #expect(try await build(repo, cached: false).summary?.tableCodesFromMemo == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: memoPath)) == kept)
    }

    /// A patched build adds what it rendered to the artwork cache and forgets nothing in it: with
    /// both output folders gone, the next build renders nothing. A damaged plan index is no
    /// index: that build stages the whole plan.
    @Test func patchesKeepTheCacheWholeAndADamagedIndexIsNotUsed() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<3 { _ = try await build(repo) }
        try repo.write("id: C-1\nslug: c1-new\nstatus: active\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
        #expect(try await build(repo).summary?.artworkPatched == true)
        for folder in ["build", "build.staging"] { try FileManager.default.removeItem(atPath: repo.path + "/" + folder) }
        let rebuilt = try #require(try await build(repo).summary)
        #expect(rebuilt.rendered == 0 && rebuilt.reused == 16)

        _ = try await build(repo)
        let plans = repo.path + "/.qrops-cache/artwork/plans"
        for name in repo.names(".qrops-cache/artwork/plans") {
            var bytes = try #require(FileManager.default.contents(atPath: plans + "/" + name))
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: plans + "/" + name))
        }
        try repo.write("id: C-1\nslug: c1-newer\nstatus: active\ntarget: https://www.acme.example/1\n", to: "codes/c1.yaml")
        let unpatched = try #require(try await build(repo).summary)
        #expect(!unpatched.artworkPatched && unpatched.stagingSealed)
        _ = try await build(repo, out: repo.path + "/clean", cache: repo.path + "/fresh-cache")
        #expect(repo.snapshot("build") == repo.snapshot("clean"))
    }

    /// `--verify-artwork` forgets every seal as it starts, even when it then fails: the folders
    /// behind them may hold a file edited in place.
    @Test func verifyArtworkForgetsTheSealsEvenWhenItFails() async throws {
        let repo = try portfolio()
        defer { repo.remove() }
        for _ in 0..<2 { _ = try await build(repo) }
        try repo.write("id: C-9\nslug: c9\nstatus: shiny\ntarget: https://www.acme.example/9\n", to: "codes/c9.yaml")
        #expect(try await build(repo, verifyArtwork: true).summary == nil)
        try FileManager.default.removeItem(atPath: repo.path + "/codes/c9.yaml")
        #expect(try await build(repo).summary?.stagingSealed == false)
    }
}

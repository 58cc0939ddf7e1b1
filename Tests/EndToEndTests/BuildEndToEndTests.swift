import Foundation
import Testing
import Workspace

/// A temporary copy of the example portfolio (codes/, policies/ and the committed build/README.md).
private struct PortfolioCopy {
    let path: String

    init(label: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-e2e-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/build", withIntermediateDirectories: true)
        for folder in ["codes", "policies"] {
            try FileManager.default.copyItem(atPath: QropsProcess.repoRoot + "/" + folder, toPath: path + "/" + folder)
        }
        try FileManager.default.copyItem(atPath: QropsProcess.repoRoot + "/build/README.md", toPath: path + "/build/README.md")
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    var build: String { path + "/build" }
}

/// Every regular file below `root`, by relative path, with its bytes.
private func snapshot(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = FileManager.default.contents(atPath: root + "/" + relative)
        }
    }
    return files
}

/// Problems with a build folder: each file the manifest lists must have its size and SHA-256,
/// and nothing else may be there but `manifest.json` and `README.md`. Empty when complete.
private func problems(inBuild folder: String) -> [String] {
    let files = snapshot(folder)
    guard let data = files["manifest.json"],
          let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let listed = manifest["files"] as? [[String: Any]] else { return ["no readable manifest.json in \(files.keys.sorted())"] }
    var problems: [String] = []
    var expected: Set<String> = ["manifest.json", "README.md"]
    for entry in listed {
        let path = entry["path"] as? String ?? "?"
        expected.insert(path)
        guard let bytes = files[path] else { problems.append("\(path) is listed but missing"); continue }
        if entry["bytes"] as? Int != bytes.count { problems.append("\(path) has \(bytes.count) bytes, not \(entry["bytes"] ?? "?")") }
        if entry["sha256"] as? String != SHA256.hash([UInt8](bytes)).hex { problems.append("\(path) does not match its sha256") }
    }
    for extra in Set(files.keys).subtracting(expected) { problems.append("\(extra) is not in the manifest") }
    return problems
}

/// A command-line tool the test needs; a missing one is a failure, never a skip.
private func tool(_ name: String) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
    }
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed; run scripts/install-deps.sh" }
    }
    throw Missing(name: name)
}

/// Runs a program to completion; its stdout goes through a file so it can never block.
private func runTool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-tool-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self))
}

/// The bytes ZXing reads from an image, as text (nil when it finds no symbol).
private func zxingText(_ image: String) throws -> String? {
    let result = try runTool(try tool("ZXingReader"), ["-format", "QRCode", image])
    guard let line = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Bytes:") }) else { return nil }
    let bytes = line.dropFirst("Bytes:".count).split(separator: " ").compactMap { UInt8($0, radix: 16) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs `qrops build` and kills it with SIGKILL.
private enum KilledBuild {
    /// How long a whole build takes, and how long from its first change to the staging folder
    /// to the end.
    static func time(_ repo: String) throws -> (total: Double, staging: Double) {
        let before = stagingState(repo)
        let process = try launch(repo)
        let start = Date()
        var stagingStart: Date?
        while process.isRunning {
            if stagingStart == nil, stagingState(repo) != before { stagingStart = Date() }
            usleep(500)
        }
        let end = Date()
        return (max(0.05, end.timeIntervalSince(start)), max(0.01, end.timeIntervalSince(stagingStart ?? start)))
    }

    /// Kills the build `delay` seconds after its start (or after it first changes the staging
    /// folder); true when it was killed after changing the staging folder.
    static func run(_ repo: String, killAfter delay: Double, afterStagingChanges: Bool) throws -> Bool {
        let before = stagingState(repo)
        let process = try launch(repo)
        if afterStagingChanges {
            while process.isRunning, stagingState(repo) == before { usleep(200) }
        }
        Thread.sleep(forTimeInterval: delay)
        let writing = stagingState(repo) != before
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return writing && process.terminationReason == .uncaughtSignal
    }

    private static func launch(_ repo: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QropsProcess.binary)
        process.arguments = ["build", repo]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Identity and modification times of `build.staging` and its `artwork/`: any write into
    /// the staging folder changes one of them.
    private static func stagingState(_ repo: String) -> [Int] {
        ["build.staging", "build.staging/artwork"].flatMap { path -> [Int] in
            var info = stat()
            guard stat(repo + "/" + path, &info) == 0 else { return [-1] }
            return [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
    }
}

@Suite("qrops build, end to end, on the real binary", .serialized)
struct BuildEndToEndTests {
    @Test func buildsTheExamplePortfolioCompletelyAndIdenticallyTwice() throws {
        let repo = try PortfolioCopy(label: "example")
        defer { repo.remove() }
        let first = try QropsProcess.run(["build", repo.path])
        #expect(first.status == 0, "\(first.stderr)")
        // The example names every target; what a target cannot express is a warning (docs/servers).
        #expect(!first.stderr.contains(": error:") && first.stderr.contains("[target-cannot-express]"), "\(first.stderr)")
        #expect(first.stderr.contains("reused 0)"), "\(first.stderr)")
        #expect(problems(inBuild: repo.build) == [])
        let readme = FileManager.default.contents(atPath: QropsProcess.repoRoot + "/build/README.md")
        #expect(FileManager.default.contents(atPath: repo.build + "/README.md") == readme, "the committed README stays as it is")
        let before = snapshot(repo.build)
        let second = try QropsProcess.run(["build", repo.path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("(rendered 0, reused"), "\(second.stderr)")
        #expect(snapshot(repo.build) == before)
    }

    /// From the third build on the staging folder is the first build's, sealed when it was
    /// committed (docs/build.md, "Seals") with this very artwork plan, so the artwork stage does
    /// not run; `--verify-artwork` checks its files instead. Every build is the same.
    @Test func theThirdBuildTrustsItsSealAndVerifyArtworkChecksInstead() throws {
        let repo = try PortfolioCopy(label: "sealed")
        defer { repo.remove() }
        for _ in 0..<2 {
            let early = try QropsProcess.run(["build", repo.path, "--timings"])
            #expect(early.status == 0 && early.stderr.contains("timings: ") && !early.stderr.contains("(staging sealed"),
                    "\(early.stderr)")
        }
        let before = snapshot(repo.build)
        let third = try QropsProcess.run(["build", repo.path, "--timings"])
        #expect(third.status == 0 && third.stderr.contains("(staging sealed, artwork unchanged)"), "\(third.stderr)")
        #expect(snapshot(repo.build) == before)
        let verified = try QropsProcess.run(["build", repo.path, "--timings", "--verify-artwork"])
        #expect(verified.status == 0 && !verified.stderr.contains("(staging sealed"), "\(verified.stderr)")
        #expect(snapshot(repo.build) == before)
    }

    @Test func lintErrorsExitOneWithLintsOutputAndLeaveTheBuildUntouched() throws {
        let repo = try PortfolioCopy(label: "errors")
        defer { repo.remove() }
        #expect(try QropsProcess.run(["build", repo.path]).status == 0)
        let before = snapshot(repo.build)
        try "id: BAD-0001\nslug: bad\nstatus: active\nowner: nobody-at-all\ntarget: http://www.acme.example/x\n"
            .write(toFile: repo.path + "/codes/bad.yaml", atomically: true, encoding: .utf8)
        let build = try QropsProcess.run(["build", repo.path, "--format", "json"])
        let lint = try QropsProcess.run(["lint", repo.path, "--format", "json"])
        #expect(build.status == 1)
        #expect(lint.status == 1)
        #expect(build.stdout == lint.stdout, "build reports exactly what lint reports")
        #expect(build.stderr.contains("nothing written"))
        #expect(snapshot(repo.build) == before)
    }

    @Test func usageErrorsExitTwoAndWriteNothing() throws {
        let repo = try PortfolioCopy(label: "usage")
        defer { repo.remove() }
        try "notes\n".write(toFile: repo.path + "/notes.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: repo.path + "/docs", withIntermediateDirectories: true)
        try "keep me\n".write(toFile: repo.path + "/docs/guide.md", atomically: true, encoding: .utf8)
        let before = snapshot(repo.path)
        let intoRepo = try QropsProcess.run(["build", repo.path, "--out", repo.path])
        #expect(intoRepo.status == 2)
        #expect(intoRepo.stderr.contains("it holds the repository"), "\(intoRepo.stderr)")
        let intoDocs = try QropsProcess.run(["build", repo.path, "--out", repo.path + "/docs"])
        #expect(intoDocs.status == 2)
        #expect(intoDocs.stderr.contains("holds no qrops build"), "\(intoDocs.stderr)")
        #expect(try QropsProcess.run(["build", repo.path, "--format", "xml"]).status == 2)
        #expect(try QropsProcess.run(["build", repo.path, "--at", "someday"]).status == 2)
        #expect(snapshot(repo.path) == before)
    }

    /// The manifest's input digest is reproducible with coreutils.
    @Test func inputDigestEqualsSha256sumOfTheInputs() throws {
        let repo = try PortfolioCopy(label: "digest")
        defer { repo.remove() }
        #expect(try QropsProcess.run(["build", repo.path, "--no-artwork"]).status == 0)
        let data = try #require(FileManager.default.contents(atPath: repo.build + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [String: Any])
        let script = """
            cd "$1" && { find policies -maxdepth 1 -type f \\( -name '*.yaml' -o -name '*.yml' \\); \
            find codes -type f \\( -name '*.yaml' -o -name '*.yml' \\) -not -path '*/.*'; } \
            | LC_ALL=C sort | xargs sha256sum | sha256sum
            """
        _ = try tool("sha256sum")
        let shell = try runTool("/bin/sh", ["-c", script, "sh", repo.path])
        #expect(shell.status == 0)
        #expect(shell.stdout.split(separator: " ").first.map(String.init) == inputs["digest"] as? String)
    }

    /// `kill -9` at random moments, cold and warm cache: `build/` is always absent (before the
    /// first build) or a complete build whose manifest matches every file, and the next run
    /// repairs what the killed ones left. Half the kills land anywhere in the run; the other half
    /// wait for the run to start changing the staging folder, so they hit the writing, syncing
    /// and swapping.
    @Test func killedBuildsLeaveTheOldOrTheNewBuild() throws {
        let repo = try PortfolioCopy(label: "kill")
        defer { repo.remove() }
        try FileManager.default.removeItem(atPath: repo.build)
        let cache = repo.path + "/.qrops-cache"
        let slugFile = repo.path + "/codes/retail/eu/packaging/coffee-x1.yaml"
        let original = try String(contentsOfFile: slugFile, encoding: .utf8)
        #expect(original.contains("\nslug: cx1\n"))

        let timing = try KilledBuild.time(repo.path)
        try FileManager.default.removeItem(atPath: repo.build)
        var generator = SystemRandomNumberGenerator()
        var haveBuild = false
        var killedWhileStaging = 0
        for run in 0..<16 {
            if run == 4 {
                // From here on there is always a previous build that must survive.
                let complete = try QropsProcess.run(["build", repo.path])
                #expect(complete.status == 0, "\(complete.stderr)")
            }
            if run % 2 == 0 { try? FileManager.default.removeItem(atPath: cache) }
            // Alternate the input, so the build being killed differs from the one on disk.
            let slug = run % 3 == 0 ? "cx1" : "cx\(run)"
            try original.replacingOccurrences(of: "\nslug: cx1\n", with: "\nslug: \(slug)\n")
                .write(toFile: slugFile, atomically: true, encoding: .utf8)
            let whileStaging = run % 2 == 1
            let delay = whileStaging
                ? timing.staging * Double(run / 2) / 8 * Double.random(in: 0.5..<1, using: &generator)
                : timing.total * (Double(run / 2) + Double.random(in: 0..<1, using: &generator)) / 8
            if try KilledBuild.run(repo.path, killAfter: delay, afterStagingChanges: whileStaging) { killedWhileStaging += 1 }
            let context = "run \(run): killed \(Int(delay * 1000)) ms after \(whileStaging ? "staging began" : "start") "
                + "(a build takes ~\(Int(timing.total * 1000)) ms, staging ~\(Int(timing.staging * 1000)) ms)"
            if FileManager.default.fileExists(atPath: repo.build) {
                haveBuild = true
                #expect(problems(inBuild: repo.build) == [], "\(context)")
            } else {
                #expect(!haveBuild, "\(context): a build existed and is gone")
            }
        }
        #expect(killedWhileStaging > 0, "no kill landed while the build was being written")
        // Then builds as usual: seals recorded by the builds that completed above and by these
        // must never hide what the killed runs did (each build's files match its manifest).
        for _ in 0..<3 {
            let next = try QropsProcess.run(["build", repo.path])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(problems(inBuild: repo.build) == [])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: repo.path)
        #expect(names.filter { $0.hasPrefix("build") }.sorted() == ["build", "build.staging"], "\(names)")
    }

    /// Rendered artwork decodes to the code's short URL: PNG as is, SVG through rsvg-convert.
    @Test func artworkDecodesToTheShortURL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-e2e-decode-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/codes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/policies", withIntermediateDirectories: true)
        try """
            version: 1
            owners: {team: {name: Team}}
            default-domain: qr.acme.example
            domains:
              qr.acme.example: {case-sensitive-slugs: false, fallback: "https://www.acme.example/qr"}
              cs.acme.example: {case-sensitive-slugs: true, fallback: "https://www.acme.example/qr"}
            naming:
              slug: '^[A-Za-z0-9][A-Za-z0-9-]*$'
            artwork: {formats: [svg, png]}

            """.write(toFile: folder + "/policies/main.yaml", atomically: true, encoding: .utf8)
        let long = String(repeating: "long-slug-", count: 12) + "end"
        let codes: [(id: String, slug: String, status: String, extra: String, payload: String)] = [
            ("A-1", "cx1", "active", "", "https://qr.acme.example/cx1"),
            ("A-2", "Spring27", "active", "domain: cs.acme.example\nartwork: {ec: H, foreground: \"#1A237E\"}\n",
             "https://cs.acme.example/Spring27"),
            ("A-3", "p", "active", "artwork: {ec: L, size: 40mm, dpi: 150, background: \"cmyk(0,0,10,0)\"}\n",
             "https://qr.acme.example/p"),
            ("A-4", long, "paused", "", "https://qr.acme.example/" + long),
        ]
        for code in codes {
            let text = "id: \(code.id)\nslug: \(code.slug)\nstatus: \(code.status)\nowner: team\nretire: 2030-01-01\n"
                + "target: https://www.acme.example/x\n\(code.extra)"
            try text.write(toFile: folder + "/codes/\(code.id).yaml", atomically: true, encoding: .utf8)
        }
        let result = try QropsProcess.run(["build", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let rsvg = try tool("rsvg-convert")
        for code in codes {
            let svgImage = folder + "/\(code.id)-svg.png"
            let raster = try runTool(rsvg, ["-d", "300", "-p", "300", "-b", "white", "-o", svgImage, folder + "/build/artwork/\(code.id).svg"])
            #expect(raster.status == 0)
            for image in [folder + "/build/artwork/\(code.id).png", svgImage] {
                let decoded = try #require(try zxingText(image), "\(image) does not decode")
                // Hosts (and, on case-insensitive domains, paths) may be upper-cased to shrink the
                // symbol; the scheme never is, and a case-sensitive path never is.
                #expect(decoded.lowercased() == code.payload.lowercased(), "\(image): \(decoded)")
                #expect(decoded.hasPrefix("https://"), "\(decoded)")
                if code.payload.contains("cs.acme.example") { #expect(decoded.hasSuffix("/" + code.slug), "\(decoded)") }
            }
        }
    }

    @Test func aChangedCodeIsTheOnlyOneRendered() throws {
        let repo = try PortfolioCopy(label: "incremental")
        defer { repo.remove() }
        #expect(try QropsProcess.run(["build", repo.path]).status == 0)
        let artwork = try FileManager.default.contentsOfDirectory(atPath: repo.build + "/artwork")
        let changed = artwork.filter { $0.hasPrefix("RET-EU-0001.") }.count
        #expect(changed > 0)
        let path = repo.path + "/codes/retail/eu/packaging/coffee-x1.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\nslug: cx1\n"))
        try text.replacingOccurrences(of: "\nslug: cx1\n", with: "\nslug: cx2\n").write(toFile: path, atomically: true, encoding: .utf8)
        let second = try QropsProcess.run(["build", repo.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("(rendered \(changed), reused \(artwork.count - changed))"), "\(second.stderr)")
        #expect(problems(inBuild: repo.build) == [])
    }

    /// Builds into the same folder at the same time take turns (a lock on the parent folder).
    @Test func concurrentBuildsTakeTurns() throws {
        let repo = try PortfolioCopy(label: "concurrent")
        defer { repo.remove() }
        let processes = try (0..<3).map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: QropsProcess.binary)
            process.arguments = ["build", repo.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(problems(inBuild: repo.build) == [])
    }
}

/// `qrops resolve`, on the real binary: from the repository and from the built table.
@Suite("qrops resolve, end to end", .serialized)
struct ResolveEndToEndTests {
    static let scans: [[String]] = [
        ["https://qr.acme.example/CX1/?src=box", "--user-agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"],
        ["https://qr.acme.example/cx1", "--accept-language", "fr-CH, en;q=0.5", "--country", "ch"],
        ["https://qr.acme.example/cooler-na"],
        ["https://qr.acme.example/no-such-code"],
        ["https://elsewhere.example/cx1"],
        ["https://qr.acme.example/cx1", "--at", "2040-01-01"],
    ]

    @Test func theBuiltTableAnswersLikeTheRepository() throws {
        let repo = try PortfolioCopy(label: "resolve")
        defer { repo.remove() }
        #expect(try QropsProcess.run(["build", "--no-artwork", repo.path]).status == 0)
        for scan in Self.scans {
            let at = scan.contains("--at") ? [] : ["--at", "2026-11-21T12:00:00Z"]
            let fromRepo = try QropsProcess.run(["resolve"] + scan + [repo.path, "--format", "json"] + at)
            let fromTable = try QropsProcess.run(["resolve"] + scan + ["--table", repo.build + "/redirects.qrt", "--format", "json"] + at)
            #expect(fromRepo.status == 0 && fromTable.status == 0, "\(scan): \(fromRepo.stderr) \(fromTable.stderr)")
            #expect(!fromRepo.stdout.isEmpty && fromRepo.stdout == fromTable.stdout, "\(scan)")
        }
        let iphone = try QropsProcess.run(["resolve"] + Self.scans[0] + ["--table", repo.build + "/redirects.qrt"])
        #expect(iphone.stdout.hasPrefix("302 Found\nLocation: https://apps.apple.com/"), "\(iphone.stdout)")
    }

    @Test func aDamagedTableIsRefusedWithExitOne() throws {
        let repo = try PortfolioCopy(label: "resolve-damaged")
        defer { repo.remove() }
        #expect(try QropsProcess.run(["build", "--no-artwork", repo.path]).status == 0)
        let path = repo.build + "/redirects.qrt"
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try QropsProcess.run(["resolve", "https://qr.acme.example/cx1", "--table", path])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.hasPrefix("error: \(path): ") && damaged.stderr.contains("checksum"), "\(damaged.stderr)")
        let missing = try QropsProcess.run(["resolve", "https://qr.acme.example/cx1", "--table", repo.build + "/nope.qrt"])
        #expect(missing.status == 1 && !missing.stderr.isEmpty)
    }
}

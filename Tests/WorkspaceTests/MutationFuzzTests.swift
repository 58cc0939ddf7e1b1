import Catalog
import Diagnostics
import Foundation
import Routing
import Rules
import Testing
import TestSupport
@testable import Workspace

/// A seeded, deterministic mutation fuzzer that runs in CI (the long coverage-guided runs are
/// `bash Fuzz/run.sh`): fixture files are mutated byte-wise and structurally and pushed through
/// the whole lint pipeline and every renderer. Nothing may trap; every diagnostic must be located
/// in a file of the repository and render in every format.
@Suite("Mutation fuzzing of the lint pipeline (fixed seed)")
struct MutationFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func seeds() -> [(String, [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        for folder in ["Tests/Fixtures", "codes"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let next = enumerator?.nextObject() as? String {
                guard next.hasSuffix(".yaml") || next.hasSuffix(".yml") else { continue }
                if let data = FileManager.default.contents(atPath: root + "/" + folder + "/" + next) {
                    seeds.append((folder + "/" + next, [UInt8](data)))
                }
            }
        }
        return seeds.sorted { $0.0 < $1.0 }
    }

    static let tokens: [[UInt8]] = [
        "\n", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "---\n", "\t", "'", "\"", "#", "? ", "!!str ", "<<: ",
        "\u{FEFF}", "é", "\r\n", "%0d%0a", "$host", "{env.HOME}", "https://", "javascript:", "routes:\n  - ", "codes:\n  - ",
        "when: {device: ios}", "split:\n  - {weight: 1, target: x}", "expect:\n  - ", "ignore: [{rule: x}]", "null", "~", "99999999999999999999",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 6 {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int(random.next() % 16))
                bytes.removeSubrange(position..<end)
            case 2:
                bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: position)
            case 3 where !bytes.isEmpty:
                let start = Int(random.next() % UInt64(bytes.count))
                let end = min(bytes.count, start + Int(random.next() % 64))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next() % 128), at: position)
            }
        }
        return bytes
    }

    @Test func mutatedFixturesNeverBreakThePipeline() async throws {
        let seeds = Self.seeds()
        #expect(seeds.count > 30)
        var random = SplitMix64(seed: 0xC0DE_F00D)
        let policies = Array(RuleExampleRunner.standardPolicies.utf8)
        var checked = 0
        for round in 0..<400 {
            let seed = seeds[round % seeds.count]
            let mutated = Self.mutate(seed.1, &random)
            let repository = MemoryRepository(bytes: [
                "policies/p.yaml": policies,
                "codes/_defaults.yaml": Self.mutate(Array("owner: retail-eu\nstatus: active\n".utf8), &random),
                "codes/sub/m.yaml": mutated,
                "codes/sub/original.yaml": seed.1,
            ])
            let result = await LintPipeline.run(repository, now: RuleExampleRunner.now)
            // `qrops build` compiles the table and plans the artwork beside lint's last checks,
            // before it knows whether lint failed: neither may trap on a broken catalog.
            _ = TableCompiler.compile(result.catalog)
            _ = BuildPlanner.plan(result.catalog)
            for diagnostic in result.diagnostics {
                #expect(repository.files[diagnostic.location.file] != nil || diagnostic.location.line == 0,
                        "\(diagnostic.location) is not a file of the repository")
                #expect(diagnostic.location.line >= 0 && diagnostic.location.column >= 0)
                #expect(!diagnostic.message.isEmpty && !diagnostic.ruleID.isEmpty)
            }
            let sources = ["codes/sub/m.yaml": SourceText(path: "codes/sub/m.yaml", text: String(decoding: mutated, as: UTF8.self))]
            #expect(!HumanRenderer(colour: false, sources: sources).render(result.diagnostics, filesChecked: 4).isEmpty)
            let json = JSONRenderer(toolVersion: "t").render(result.diagnostics, filesChecked: 4)
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "JSON output does not parse")
            _ = GitHubRenderer().render(result.diagnostics, filesChecked: 4)
            checked += 1
        }
        #expect(checked == 400)
    }

    /// Fuzz findings (`fuzz-regressions/`) and the hand-made YAML oddities (`yaml/`), replayed
    /// as both a code file and a folder's defaults.
    @Test func recordedFuzzRegressionsStayFixed() async throws {
        var paths: [String] = []
        for folder in ["Tests/Fixtures/fuzz-regressions", "Tests/Fixtures/yaml"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/" + folder)
            paths += names.filter { !$0.hasSuffix(".md") }.map { Self.root + "/" + folder + "/" + $0 }
        }
        #expect(paths.count >= 10)
        let policies = Array(RuleExampleRunner.standardPolicies.utf8)
        for name in paths.sorted() {
            let bytes = [UInt8](FileManager.default.contents(atPath: name) ?? Data())
            let repository = MemoryRepository(bytes: ["policies/p.yaml": policies, "codes/_defaults.yaml": bytes, "codes/r.yaml": bytes])
            let result = await LintPipeline.run(repository, now: RuleExampleRunner.now)
            _ = HumanRenderer(colour: true, sources: [:]).render(result.diagnostics, filesChecked: 3)
            #expect(result.filesChecked == 3, "\(name)")
        }
    }
}

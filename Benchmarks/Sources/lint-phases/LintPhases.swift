import Catalog
import Diagnostics
import Foundation
import Rules
import Workspace
import YAMLTree

/// Times each phase of `qrops lint` on one core over a portfolio, so that a regression shows
/// where it is: raw libyaml events (the reference), our located tree, decoding, the rules.
/// Each phase is timed in process CPU seconds (steady on a shared machine, and equal to wall
/// time on an idle one, since everything here runs on one thread), and compared with raw libyaml.
@main
struct LintPhases {
    static func main() async {
        let root = CommandLine.arguments.dropFirst().first ?? "Benchmarks/out/portfolio-100k"
        let repository = DiskRepository(root: root)
        let listing = repository.list()
        var files = FileTable()
        var bytes: [[UInt8]] = []
        var ids: [Int32] = []
        let clock = CPUClock()
        let readTime = clock.measure {
            for path in listing.policies + listing.defaults + listing.codes {
                ids.append(files.add(path))
                bytes.append((try? repository.read(path).get()) ?? [])
            }
        }
        let total = bytes.reduce(0) { $0 + $1.count }
        let paths = listing.policies + listing.defaults + listing.codes

        let rawTime = clock.measure {
            for index in bytes.indices { _ = RawEvents.count(bytes[index]) }
        }
        // Policies and folder defaults first, as the pipeline loads them (timed with the tree).
        var treeTime = 0.0
        var decodeTime = 0.0
        var freeTime = 0.0
        var rulesTime = 0.0
        let policyCount = listing.policies.count
        let codeStart = policyCount + listing.defaults.count
        var head: [YAMLDocument?] = []
        treeTime += clock.measure {
            for index in 0..<codeStart {
                head.append(YAMLLoader.load(bytes[index], path: paths[index], fileID: ids[index]).document)
            }
        }
        let (policies, _) = PolicyDecoder.decode(head.prefix(policyCount).compactMap { $0 }, files: files)
        // Folder defaults, nearest folder last (as the pipeline merges them).
        var defaultsByFolder: [String: YAMLNode] = [:]
        for index in policyCount..<codeStart {
            if let root = head[index]?.root { defaultsByFolder[folder(of: paths[index])] = root }
        }
        func inherited(_ path: String) -> YAMLNode? {
            var chain: [YAMLNode] = []
            var current = folder(of: path)
            while !current.isEmpty {
                if let node = defaultsByFolder[current] { chain.append(node) }
                current = folder(of: current)
            }
            return chain.reversed().reduce(nil) { CodeFileDecoder.merged($1, over: $0) }
        }
        let chains = paths.map(inherited)
        let context = RuleContext(policies: policies, now: Instant(seconds: 1_795_000_000))
        let engine = RuleEngine()
        var findings = 0
        var codes: [Code] = []

        // Code files one at a time, as each pipeline task does: tree, decode, free the tree, rules.
        for index in codeStart..<bytes.count {
            var document: YAMLDocument?
            treeTime += clock.measure { document = YAMLLoader.load(bytes[index], path: paths[index], fileID: ids[index]).document }
            guard let loaded = document else { continue }
            var fileCodes: [Code] = []
            decodeTime += clock.measure { fileCodes = CodeFileDecoder.decode(loaded, inherited: chains[index], files: files).codes }
            freeTime += clock.measure { document = nil }
            rulesTime += clock.measure { findings += engine.checkCodes(fileCodes[...], context: context).count }
            codes += fileCodes
        }
        let catalogTime = clock.measure {
            let catalog = Catalog(codes: codes, policies: policies, files: files)
            findings += IdentityChecks.check(codes, policies: policies).count + engine.checkCatalog(catalog, context: context).count
        }
        let codeCount = codes.count
        let releaseTime = clock.measure { codes.removeAll() }
        func row(_ name: String, _ seconds: Double) {
            let ratio = seconds / max(1e-9, rawTime)
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: "%8.3f s  %6.2fx raw  %7.1f MB/s", seconds, ratio, Double(total) / 1e6 / seconds))
        }
        print("\(bytes.count) files, \(total) bytes, \(codeCount) codes, \(findings) findings (one core, CPU seconds)")
        row("read files", readTime)
        row("raw libyaml events (reference)", rawTime)
        row("located tree (libyaml + ours)", treeTime)
        row("decode codes", decodeTime)
        row("free located trees", freeTime)
        row("per-code rules", rulesTime)
        row("identity + catalog rules", catalogTime)
        row("free the catalog", releaseTime)
        row("total (tree to free)", treeTime + decodeTime + freeTime + rulesTime + catalogTime + releaseTime)
    }
}

/// Process CPU time (user + system) of a block, in seconds.
struct CPUClock {
    func measure(_ body: () -> Void) -> Double {
        let start = Self.now()
        body()
        return Self.now() - start
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
}

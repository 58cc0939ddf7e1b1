import Catalog
import Diagnostics
import Foundation
import Rules
import Workspace
import YAMLTree

/// Times each phase of `qrops lint` on one core over a portfolio, so that a regression shows
/// where it is: raw libyaml events (the reference), our located tree, decoding, the rules.
@main
struct LintPhases {
    static func main() async {
        let root = CommandLine.arguments.dropFirst().first ?? "Benchmarks/out/portfolio-100k"
        let repository = DiskRepository(root: root)
        let listing = repository.list()
        var files = FileTable()
        var bytes: [[UInt8]] = []
        var ids: [Int32] = []
        let clock = ContinuousClock()
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
        var documents: [YAMLDocument?] = []
        let treeTime = clock.measure {
            for index in bytes.indices {
                documents.append(YAMLLoader.load(bytes[index], path: paths[index], fileID: ids[index]).document)
            }
        }
        let policyCount = listing.policies.count
        let (policies, _) = PolicyDecoder.decode(documents.prefix(policyCount).compactMap { $0 }, files: files)
        var codes: [Code] = []
        let codeStart = policyCount + listing.defaults.count
        // Folder defaults, nearest folder last (as the pipeline merges them).
        var defaultsByFolder: [String: YAMLNode] = [:]
        for index in policyCount..<codeStart {
            if let root = documents[index]?.root { defaultsByFolder[folder(of: paths[index])] = root }
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
        let decodeTime = clock.measure {
            for index in codeStart..<documents.count {
                guard let document = documents[index] else { continue }
                codes += CodeFileDecoder.decode(document, inherited: chains[index], files: files).codes
            }
        }
        let context = RuleContext(policies: policies, now: Instant(seconds: 1_795_000_000))
        let engine = RuleEngine()
        var findings = 0
        let rulesTime = clock.measure {
            findings = engine.checkCodes(codes[...], context: context).count
        }
        let catalogTime = clock.measure {
            let catalog = Catalog(codes: codes, policies: policies, files: files)
            findings += IdentityChecks.check(codes, policies: policies).count + engine.checkCatalog(catalog, context: context).count
        }
        func row(_ name: String, _ duration: Duration) {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            let ratio = seconds / max(1e-9, Double(rawTime.components.seconds) + Double(rawTime.components.attoseconds) / 1e18)
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: "%8.3f s  %6.2fx raw  %7.1f MB/s", seconds, ratio, Double(total) / 1e6 / seconds))
        }
        print("\(bytes.count) files, \(total) bytes, \(codes.count) codes, \(findings) findings (one core)")
        row("read files", readTime)
        row("raw libyaml events (reference)", rawTime)
        row("located tree (libyaml + ours)", treeTime)
        row("decode codes", decodeTime)
        row("per-code rules", rulesTime)
        row("identity + catalog rules", catalogTime)
    }
}

func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
}

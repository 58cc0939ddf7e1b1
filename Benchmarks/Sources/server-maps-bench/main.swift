// Emits nginx and HAProxy server maps for a synthetic portfolio of N codes and writes them
// under OUT/nginx and OUT/haproxy, printing how long the emitters took.
//   server-maps-bench N OUT
// The portfolio: two short domains; slugs of 6-8 characters; 88% active codes with a plain
// target, 10% of them with UTM parameters, 4% with device or language routes, 1% with a 50/50
// split; 6% paused, 3% retired, 2% not yet launched.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Routing
import ServerMaps

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: server-maps-bench N OUT\n".utf8))
    exit(2)
}
let out = URL(fileURLWithPath: arguments[2])
let at: Int64 = 1_813_060_800  // 2027-06-15T12:00:00Z

func slug(_ index: Int) -> String {
    // Base-36 with a fixed prefix letter: "k" + 5-7 characters.
    "k" + String(index + 36 * 36 * 36 * 36, radix: 36)
}

let domains = [
    TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown"),
    TableDomain(host: "go.acme.example", fallback: "https://www.acme.example/offers", notFound: "https://www.acme.example/offers/unknown"),
]
var codes: [TableCode] = []
codes.reserveCapacity(count)
for index in 0..<count {
    let domain = domains[index % 10 == 9 ? 1 : 0].host
    let bucket = index % 100
    let id = "BEN-\(index)"
    let target = "https://www.acme.example/products/p\(index)/setup"
    var code = TableCode(id: id, domain: domain, slug: slug(index), state: .active, target: target)
    switch bucket {
    case 0..<6: code.state = .paused
    case 6..<9: code.state = .retired
    case 9..<11: code.launch = at + 86_400 * 30
    case 11..<21: code.utm = [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_medium", value: "packaging")]
    case 21..<23:
        code.routes = [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/app/id\(index)")),
                       TableRoute(condition: TableCondition(devices: [.android]), outcome: .target("https://play.google.com/store/apps/details?id=p\(index)"))]
    case 23..<25:
        code.routes = [TableRoute(condition: TableCondition(languages: ["fr"]), outcome: .target(target + "/fr")),
                       TableRoute(condition: TableCondition(languages: ["de"]), outcome: .target(target + "/de"))]
    case 25:
        code.routes = [TableRoute(condition: TableCondition(), outcome: .split([TableSplitArm(weight: 50, target: target + "/a"),
                                                                               TableSplitArm(weight: 50, target: target + "/b")]))]
    default: break
    }
    codes.append(code)
}
codes.sort { ($0.domain, $0.slug) < ($1.domain, $1.slug) }
let table = RedirectTable(domains: domains, codes: codes)

// A few scans and the engine's answers, for run.sh to check the loaded servers against.
let index = TableIndex(table)
var samples = ""
for number in [0, 3, 7, 9, 15, 22, 23, 26, 30, count / 2 + 30, count - 1] where number < count {
    let code = codes.first { $0.id == "BEN-\(number)" } ?? codes[0]
    var request = ScanRequest(host: code.domain, path: "/" + code.slug.uppercased(), at: at)
    request.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
    request.client = "127.0.0.1"
    let answer = Router.resolve(request, in: index)
    samples += "\(code.domain)\t\(request.path)\t\(answer.status)\t\(answer.location ?? "-")\n"
}
try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
try Data(samples.utf8).write(to: out.appendingPathComponent("samples.tsv"))

/// CPU time of this process (the machine is shared: wall time says little).
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

for emitter in [NginxEmitter.self, HAProxyEmitter.self] as [any ServerMapEmitter.Type] {
    let start = ContinuousClock.now
    let cpuStart = cpuSeconds()
    let result = emitter.emit(table, options: EmitOptions(at: at))
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    let cpu = cpuSeconds() - cpuStart
    var bytes = 0
    for file in result.files {
        let url = out.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.bytes).write(to: url)
        bytes += file.bytes.count
    }
    let errors = result.findings.filter { $0.severity == .error }.count
    print("\(emitter.target): \(count) codes emitted in \(String(format: "%.2f", seconds)) s (\(String(format: "%.2f", cpu)) s CPU), \(result.files.count) files, \(bytes / 1_000_000) MB, \(result.findings.count) findings (\(errors) errors)")
}

// Caddy at portfolio scale (docs/benchmarks.md, "Caddy latency"): writes the Caddy config of a
// synthetic portfolio of N plain codes two ways, and the scans to time on each.
//   caddy-latency-bench N OUT
// OUT/sharded/caddy/qrops.caddy  what `qrops build` writes (CaddyEmitter: a prefix tree of maps)
// OUT/flat/caddy/qrops.caddy     the naive alternative: the same path handling, one map of N
//                                entries (Caddy's map is a linear scan per lookup)
// OUT/probes.tsv                 `early|late|unknown <TAB> path <TAB> expected Location`, from the engine
import Foundation
import Routing
import ServerMaps

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[1]), count > 100 else {
    FileHandle.standardError.write(Data("usage: caddy-latency-bench N OUT (N > 100)\n".utf8))
    exit(2)
}
let out = URL(fileURLWithPath: arguments[2])
let at: Int64 = 1_813_060_800  // 2027-06-15T12:00:00Z
let host = "qr.acme.example"
let domain = TableDomain(host: host, fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown")

// Slugs "k" + base 36, like the server-maps benchmark: 6 to 8 characters.
var codes = (0..<count).map { index in
    TableCode(id: "BEN-\(index)", domain: host, slug: "k" + String(index + 36 * 36 * 36 * 36, radix: 36), state: .active,
              target: "https://www.acme.example/products/p\(index)/setup")
}
codes.sort { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
let table = RedirectTable(domains: [domain], codes: codes)

func write(_ text: String, _ path: String) throws {
    let url = out.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

let start = ContinuousClock.now
let sharded = CaddyEmitter.emit(table, options: EmitOptions(at: at))
let seconds = Double((ContinuousClock.now - start) / .milliseconds(1)) / 1000
guard sharded.findings.isEmpty, let file = sharded.files.first else {
    FileHandle.standardError.write(Data("the Caddy emitter reported findings: \(sharded.findings)\n".utf8))
    exit(1)
}
try write(String(decoding: file.bytes, as: UTF8.self), "sharded/caddy/qrops.caddy")
print("CaddyEmitter: \(count) codes in \(String(format: "%.2f", seconds)) s, \(file.bytes.count / 1024) KB")

// The flat variant: one map in table order (late entries are scanned last).
var flat = """
    route {
    \turi strip_suffix /
    \t@upper path_regexp [A-Z]
    \troute @upper {

    """
for byte in UInt8(0x41)...UInt8(0x5A) {
    flat += "\t\turi replace \(Character(Unicode.Scalar(byte))) \(Character(Unicode.Scalar(byte | 0x20)))\n"
}
flat += "\t}\n\tvars qrops_key {http.request.uri.path}\n\tmap {vars.qrops_key} {qrops.loc} {\n"
for code in codes {
    flat += "\t\t\"/\(code.slug)\" \"\(code.target ?? "")\"\n"
}
// One scan per request: the lookup's result is kept in a variable, as qrops' leaves do.
flat += "\t\tdefault \"\"\n\t}\n\tvars qrops_loc {qrops.loc}\n\theader Cache-Control no-store\n"
flat += "\t@found not vars {vars.qrops_loc} \"\"\n\tredir @found {vars.qrops_loc} 302\n"
flat += "\tredir \"\(domain.notFound ?? "")\" 302\n}\n"
try write(flat, "flat/caddy/qrops.caddy")

// Early and late codes in map order, and unknown slugs (a full scan in the flat map).
let index = TableIndex(table)
let probeList = codes.prefix(20).map { ("early", "/" + $0.slug) } + codes.suffix(20).map { ("late", "/" + $0.slug) }
    + codes.suffix(20).map { ("unknown", "/" + $0.slug + "zz") }
let probes = probeList.map { kind, path in
    let answer = Router.resolve(ScanRequest(host: host, path: path, at: at), in: index)
    return "\(kind)\t\(path)\t\(answer.location ?? "-")\n"
}.joined()
try write(probes, "probes.tsv")

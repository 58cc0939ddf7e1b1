import Foundation
import Routing
import TableFormat

// Damages a table at random many times, in release mode, and reads each result every way a
// server or `qrops` would: a trap here is a bug (docs/table-format.md, "Validation").
//   swift run -c release --package-path Benchmarks table-stress [TRIALS] [CODES]
// Half the trials recompute every checksum after the damage, as a malicious writer would, so
// that the structural checks (not only the checksums) are what stands in the way.

var random = SystemRandomNumberGenerator()
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let trials = arguments.first ?? 200_000
let codes = arguments.dropFirst().first ?? 300

/// A small deterministic table in the shape of the benchmark's (same generator as table-bench
/// would be overkill here): a few domains, codes with routes, splits and UTM parameters.
func sampleTable(codes: Int) -> RedirectTable {
    let domains = [TableDomain(host: "go.acme.example", caseSensitiveSlugs: true),
                   TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown")]
    let table = (0..<codes).map { number -> TableCode in
        let base = "https://www.acme.example/eu/retail/product-\(number % 17)/"
        return TableCode(
            id: "RET-EU-\(1_000_000 + number)", domain: number % 5 == 0 ? "go.acme.example" : "qr.acme.example",
            slug: "Slug-\(number)", state: TableState.allCases[number % 4], launch: 1_772_323_200, retire: number % 3 == 0 ? 1_930_089_600 : nil,
            status: [301, 302, 307, 308][number % 4], target: number % 11 == 0 ? nil : base + "setup-\(number)",
            forwardQuery: number % 2 == 0,
            utm: [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_campaign", value: "c\(number % 7)")],
            routes: number % 3 == 0 ? [] : [
                TableRoute(condition: TableCondition(devices: [.ios], languages: ["fr"], countries: ["FR", "BE"],
                                                     query: [QueryCondition(name: "mode", value: number % 2 == 0 ? nil : "x")],
                                                     after: 1_780_000_000, before: 1_790_000_000),
                           outcome: .target(base + "ios")),
                TableRoute(condition: TableCondition(), outcome: .split([TableSplitArm(weight: 30, target: base + "a"),
                                                                          TableSplitArm(weight: 70, target: base + "b")])),
            ],
            fallback: number % 4 == 0 ? nil : base)
    }
    return RedirectTable(domains: domains, codes: table)
}

func u32(_ bytes: [UInt8], _ offset: Int) -> Int {
    (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
}

func store(_ value: UInt32, _ bytes: inout [UInt8], _ offset: Int) {
    for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
}

/// Recomputes the section checksums and the header checksum (layout: docs/table-format.md).
func reseal(_ bytes: inout [UInt8]) {
    guard bytes.count >= 112 else { return }
    for section in 0..<5 {
        let entry = 32 + section * 16
        let offset = u32(bytes, entry + 4), length = u32(bytes, entry + 8)
        guard offset + length <= bytes.count else { continue }
        store(CRC32C.checksum(Array(bytes[offset..<offset + length])), &bytes, entry + 12)
    }
    store(CRC32C.checksum(Array(bytes[0..<28]) + Array(bytes[32..<112])), &bytes, 28)
}

let table = sampleTable(codes: codes)
let original = try QRTWriter.write(table)
let keys = table.codes.map { ($0.domain, $0.slug) }
var rejectedFull = 0, rejectedHeader = 0, acceptedDamaged = 0, missedByChecksums = 0
let started = Date()
for trial in 0..<trials {
    var bytes = original
    switch Int.random(in: 0..<10, using: &random) {
    case 0:
        bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
    case 1:
        // Overwrite a run of bytes with random ones.
        let start = Int.random(in: 0..<bytes.count, using: &random)
        for offset in start..<min(bytes.count, start + Int.random(in: 1...16, using: &random)) { bytes[offset] = UInt8.random(in: 0...255, using: &random) }
    default:
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
        }
    }
    let resealed = trial % 2 == 0
    if resealed { reseal(&bytes) }
    if (try? QRTReader(bytes: bytes)) == nil {
        rejectedFull += 1
    } else if bytes != original {
        if resealed { acceptedDamaged += 1 } else { missedByChecksums += 1 }
    }
    guard let reader = try? QRTReader(bytes: bytes, verification: .header) else {
        rejectedHeader += 1
        continue
    }
    for (host, slug) in keys.shuffled(using: &random).prefix(20) {
        var request = ScanRequest(host: host, path: "/" + slug, query: "mode=x&a=1", at: 1_785_000_000)
        request.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"
        request.acceptLanguage = "fr"
        request.country = "FR"
        _ = Router.resolve(request, in: reader)
    }
    _ = try? reader.table()
    _ = try? reader.verify()
}
print("table-stress: \(trials) damaged copies of a \(original.count)-byte table with \(codes) codes in \(String(format: "%.0f", Date().timeIntervalSince(started))) s: "
      + "no trap; .full rejected \(rejectedFull), accepted \(acceptedDamaged) changed but well-formed tables with recomputed checksums "
      + "(e.g. a different letter in a URL) and \(missedByChecksums) damaged tables without; "
      + ".header rejected \(rejectedHeader) at open, the rest were read through")
if missedByChecksums > 0 { exit(1) }

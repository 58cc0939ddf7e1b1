import CQREncode
import QREncoder

// encode-bench: our QREncoder against libqrencode on 10,000 realistic URLs, one core.
//   swift run -c release --package-path Benchmarks encode-bench [count] [rounds]
// libqrencode gets QRcode_encodeString(url, 0, level, QR_MODE_8, casesensitive: 1), the way its
// CLI encodes text; ours runs with default options (URL compaction on, boost on) and, for a
// like-for-like line, with compaction and boost off.

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let corpus = URLCorpus.make(count: count)
let level = ErrorCorrection.medium

struct Tally {
    var symbols = 0
    var versionSum = 0
    var darkModules = 0  // keeps the work observable
    var averageVersion: Double { symbols == 0 ? 0 : Double(versionSum) / Double(symbols) }
}

func encodeOurs(_ urls: [String], options: EncodeOptions) -> Tally {
    var tally = Tally()
    for url in urls {
        guard let result = try? QREncoder.encode(text: url, options: options) else { continue }
        tally.symbols += 1
        tally.versionSum += result.code.version
        tally.darkModules += result.code.isDark(x: result.code.size / 2, y: result.code.size / 2) ? 1 : 0
    }
    return tally
}

func encodeLibqrencode(_ urls: [String]) -> Tally {
    var tally = Tally()
    for url in urls {
        guard let code = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { continue }
        tally.symbols += 1
        tally.versionSum += Int(code.pointee.version)
        tally.darkModules += Int(code.pointee.data[0] & 1)
        QRcode_free(code)
    }
    return tally
}

struct Row {
    var name: String
    var measurement: Measurement
    var tally: Tally
}

func run(_ urls: [String]) -> [Row] {
    let defaults = EncodeOptions(ecl: level)
    let plain = EncodeOptions(ecl: level, boostErrorCorrection: false, urlCompaction: .off)
    var rows: [Row] = []
    var tally = Tally()
    var measurement = Measurement.fastest(rounds: rounds, items: urls.count) { tally = encodeOurs(urls, options: defaults) }
    rows.append(Row(name: "QREncoder (defaults)", measurement: measurement, tally: tally))
    measurement = Measurement.fastest(rounds: rounds, items: urls.count) { tally = encodeOurs(urls, options: plain) }
    rows.append(Row(name: "QREncoder (no compaction/boost)", measurement: measurement, tally: tally))
    measurement = Measurement.fastest(rounds: rounds, items: urls.count) { tally = encodeLibqrencode(urls) }
    rows.append(Row(name: "libqrencode \(String(cString: QRcode_APIVersionString()))", measurement: measurement, tally: tally))
    return rows
}

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func format(_ value: Double, decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
}

func report(_ title: String, _ rows: [Row]) {
    print("\n\(title)")
    print("  \(padded("encoder", 34)) \(padded("µs/symbol", 10)) \(padded("cpu µs", 8)) \(padded("avg version", 11)) speed-up vs libqrencode")
    let reference = rows.last?.measurement.wallMicroseconds ?? 1
    for row in rows {
        let ratio = reference / row.measurement.wallMicroseconds
        print("  \(padded(row.name, 34)) \(padded(format(row.measurement.wallMicroseconds, decimals: 2), 10)) "
              + "\(padded(format(row.measurement.cpuMicroseconds, decimals: 2), 8)) "
              + "\(padded(format(row.tally.averageVersion, decimals: 2), 11)) \(format(ratio, decimals: 1))x")
    }
}

print("encode-bench: \(corpus.count) URLs, error correction \(level.rawValue), best of \(rounds) rounds, one thread")
report("all URLs", run(corpus.map(\.url)))
for kind in URLCorpus.Kind.allCases {
    report(kind.rawValue, run(corpus.filter { $0.kind == kind }.map(\.url)))
}

// SVG rendering speed (Artwork module): reserved for the artwork engineer. Add a
// `renderBench` here that times Artwork's SVG renderer over the same symbols.

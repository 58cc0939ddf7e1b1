import Catalog
import Foundation
import Routing
import TableFormat
import Workspace

// The redirect table benchmark (docs/benchmarks.md, "Redirect table"):
//   swift run -c release --package-path Benchmarks table-bench [--codes N ...] [--portfolio DIR]
// For each table: .qrt and minified JSON sizes, open + validate + first lookup on a freshly
// mapped file (median), and lookups per second on one core against the in-memory TableIndex.

struct Options {
    var codeCounts: [Int] = []
    var portfolio: String?
    var runs = 9
    var lookups = 2_000_000
    var out = "Benchmarks/out"
    /// Only generate and write (for profiling the writers).
    var writeOnly = false
    /// Only the find + decode loop, repeated (for profiling the reader).
    var decodeOnly = false

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--codes": options.codeCounts.append(number(value()))
            case "--portfolio": options.portfolio = value()
            case "--runs": options.runs = number(value())
            case "--lookups": options.lookups = number(value())
            case "--out": options.out = value()
            case "--write-only": options.writeOnly = true
            case "--decode-only": options.decodeOnly = true
            case "-h", "--help":
                print("usage: table-bench [--codes N]... [--portfolio DIR] [--runs R] [--lookups M] [--out DIR]")
                print("  default: --codes 100000 --codes 1000000 --runs 9 --lookups 2000000 --out Benchmarks/out")
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        if options.codeCounts.isEmpty, options.portfolio == nil { options.codeCounts = [100_000, 1_000_000] }
        return options
    }

    static func number(_ text: String) -> Int {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else { fail("not a positive number: \(text)") }
        return value
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("table-bench: \(message)\n".utf8))
    exit(2)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Wall-clock seconds; `cpu` keeps the calling thread's CPU seconds, the steadier figure on a
/// shared, loaded machine (the thread is only charged while it runs).
func time<T>(cpu: UnsafeMutablePointer<Double>? = nil, _ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now, startCPU = threadCPU()
    let result = try body()
    cpu?.pointee = threadCPU() - startCPU
    return (result, seconds(clock.now - start))
}

func threadCPU() -> Double {
    var value = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &value)
    return Double(value.tv_sec) + Double(value.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
func milliseconds(_ value: Double) -> String { String(format: "%.2f ms", value * 1e3) }
func rate(_ perSecond: Double) -> String { String(format: "%.2f M/s", perSecond / 1e6) }

/// Keeps results observable so the optimiser cannot drop the loops.
nonisolated(unsafe) var sink = 0

func bench(_ table: RedirectTable, label: String, options: Options) throws {
    let codes = table.codes.count
    print("== \(label): \(codes) codes, \(table.domains.count) domains ==")
    var writeCPU = 0.0, jsonCPU = 0.0
    let (qrt, writeTime) = try time(cpu: &writeCPU) { try QRTWriter.write(table) }
    let (json, jsonTime) = time(cpu: &jsonCPU) { TableJSONWriter.write(table) }
    let prettySize = TableJSONWriter.write(table, pretty: true).count
    try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
    let qrtPath = "\(options.out)/table-\(label).qrt"
    try Data(qrt).write(to: URL(fileURLWithPath: qrtPath))
    try Data(json).write(to: URL(fileURLWithPath: "\(options.out)/table-\(label).json"))
    print(String(format: "size        .qrt %@ (%.1f B/code)   minified JSON %@ (%.1f B/code)   ratio %.3f   (pretty JSON %@)",
                 megabytes(qrt.count), Double(qrt.count) / Double(max(codes, 1)), megabytes(json.count),
                 Double(json.count) / Double(max(codes, 1)), Double(qrt.count) / Double(json.count), megabytes(prettySize)))
    print("write       .qrt \(milliseconds(writeTime)) (CPU \(milliseconds(writeCPU)))   minified JSON \(milliseconds(jsonTime)) (CPU \(milliseconds(jsonCPU)))")
    if options.writeOnly { return }

    // Lookup keys: 90% existing codes, 10% missing slugs, in random order.
    var random = Generator(seed: 7)
    let domainByHost = Dictionary(uniqueKeysWithValues: table.domains.map { ($0.host, $0) })
    var keys: [(TableDomain, String)] = []
    keys.reserveCapacity(min(options.lookups, 1_000_000))
    for _ in 0..<min(options.lookups, 1_000_000) {
        guard !table.codes.isEmpty else { break }
        let code = table.codes[random.below(table.codes.count)]
        let domain = domainByHost[code.domain] ?? TableDomain(host: code.domain)
        keys.append((domain, random.below(10) == 0 ? domain.slugKey(code.slug) + "-zz" : domain.slugKey(code.slug)))
    }
    guard !keys.isEmpty else { return }

    // Open: map the file anew, check it, look one code up (medians of `runs`). Cold: the file's
    // pages were dropped from the page cache first (fsync + posix_fadvise DONTNEED on this file
    // only), so what the open and the first lookup touch is read from disk; warm: the whole
    // file is in the page cache.
    var timings: [String: [(wall: Double, cpu: Double)]] = [:]
    func openAndLook(_ name: String, _ verification: QRTVerification, _ key: (TableDomain, String)) throws {
        var cpu = 0.0
        let (_, wall) = try time(cpu: &cpu) {
            let reader = try MappedTable.open(path: qrtPath, verification: verification)
            sink &+= reader.code(domain: key.0, slugKey: key.1)?.status ?? 0
        }
        timings[name, default: []].append((wall, cpu))
    }
    var checksumCPU: [Double] = []
    for run in 0..<(options.decodeOnly ? 0 : options.runs) {
        let key = keys[(run * 7_919) % keys.count]
        evictFromPageCache(qrtPath)
        try openAndLook("cold header", .header, key)
        evictFromPageCache(qrtPath)
        try openAndLook("cold full", .full, key)
        try openAndLook("warm header", .header, keys[(run * 7_919 + 1) % keys.count])
        try openAndLook("warm full", .full, key)
        var cpu = 0.0
        _ = time(cpu: &cpu) { sink &+= Int(CRC32C.checksum(qrt)) }
        checksumCPU.append(cpu)
    }
    func summary(_ name: String) -> String {
        let values = timings[name] ?? []
        return "\(milliseconds(median(values.map(\.wall)))) (CPU \(milliseconds(median(values.map(\.cpu)))))"
    }
    if !options.decodeOnly {
    print("open+first  .header verification: cold \(summary("cold header")), warm \(summary("warm header"))")
    print("            .full verification:   cold \(summary("cold full")), warm \(summary("warm full"))")
    print("            (medians of \(options.runs), a new mapping each; CRC-32C over the whole file alone: CPU \(milliseconds(median(checksumCPU))), \(String(format: "%.2f", Double(qrt.count) / median(checksumCPU) / 1e9)) GB/s)")
    }

    let reader = try MappedTable.open(path: qrtPath, verification: .header)
    let (_, indexBuild) = time { sink &+= TableIndex(table).table.codes.count }
    let index = TableIndex(table)
    let rounds = max(1, options.lookups / keys.count)
    /// Lookups per second of wall time and of CPU time (best of 3 runs each).
    func measure(_ body: (TableDomain, String) -> Int) -> (wall: Double, cpu: Double) {
        var best = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<3 {
            var cpu = 0.0
            let (_, elapsed) = time(cpu: &cpu) {
                for _ in 0..<rounds { for (domain, key) in keys { sink &+= body(domain, key) } }
            }
            best = min(best, elapsed)
            bestCPU = min(bestCPU, cpu)
        }
        return (Double(rounds * keys.count) / best, Double(rounds * keys.count) / bestCPU)
    }
    func both(_ value: (wall: Double, cpu: Double)) -> String { "\(rate(value.cpu)) CPU (\(rate(value.wall)) wall)" }
    if options.decodeOnly {
        for _ in 0..<5 { print("find + decode \(both(measure { reader.code(domain: $0, slugKey: $1)?.status ?? 0 }))") }
        return
    }
    let find = measure { reader.codeIndex(domain: $0, slugKey: $1) ?? 0 }
    let decode = measure { reader.code(domain: $0, slugKey: $1)?.status ?? 0 }
    let dictionary = measure { index.code(domain: $0, slugKey: $1)?.status ?? 0 }
    print("lookups     \(rounds * keys.count) random keys (90% codes, 10% missing), one thread, best of 3:")
    print("            .qrt find           \(both(find))")
    print("            .qrt find + decode  \(both(decode))")
    print("            TableIndex          \(both(dictionary))   (its build: \(milliseconds(indexBuild)))")

    // The whole answer: Router.resolve over each.
    let requests = keys.prefix(200_000).map { key -> ScanRequest in
        var request = ScanRequest(host: key.0.host, path: "/" + key.1, query: "mode=technician", at: SyntheticTable.epoch)
        request.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"
        request.acceptLanguage = "fr-FR,fr;q=0.9"
        request.country = "FR"
        request.client = "203.0.113.7"
        return request
    }
    func resolveRate(_ lookup: some RouteLookup) -> (wall: Double, cpu: Double) {
        var best = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<3 {
            var cpu = 0.0
            let (_, elapsed) = time(cpu: &cpu) { for request in requests { sink &+= Router.resolve(request, in: lookup).status } }
            best = min(best, elapsed)
            bestCPU = min(bestCPU, cpu)
        }
        return (Double(requests.count) / best, Double(requests.count) / bestCPU)
    }
    print("resolve     Router.resolve over .qrt \(both(resolveRate(reader)))   over TableIndex \(both(resolveRate(index)))")
    var decodeCPU = 0.0
    let (_, decodeAll) = try time(cpu: &decodeCPU) { sink &+= try reader.table().codes.count }
    print("decode all  reader.table() \(milliseconds(decodeAll)) (CPU \(milliseconds(decodeCPU)))")
    print("")
}

/// Drops the file's pages from the page cache (after writing back any dirty ones), so the next
/// read comes from disk. Touches no other file.
func evictFromPageCache(_ path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return }
    fsync(fd)
    _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
    close(fd)
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
print("table-bench: \(ProcessInfo.processInfo.activeProcessorCount) CPUs, load average \(load)")
do {
    for count in options.codeCounts {
        let (table, generation) = time { SyntheticTable.make(codes: count) }
        print(String(format: "(synthetic table generated in %.2f s)", generation))
        let label = count % 1_000 == 0 ? "\(count / 1_000)k" : "\(count)"
        try bench(table, label: "synthetic-\(label)", options: options)
    }
    if let portfolio = options.portfolio {
        let now = Instant(seconds: SyntheticTable.epoch)
        let clock = ContinuousClock()
        let start = clock.now
        let result = await LintPipeline.run(root: portfolio, now: now)
        let table = TableCompiler.compile(result.catalog)
        print(String(format: "(portfolio %@ linted and compiled in %.2f s, %d diagnostics)",
                     portfolio, seconds(clock.now - start), result.diagnostics.count))
        try bench(table, label: "portfolio-\(URL(fileURLWithPath: portfolio).lastPathComponent)", options: options)
    }
} catch {
    fail("\(error)")
}
print("(checksum \(sink))")

@testable import QREncoder

/// A symbol as lines of "1" (dark) and "0" (light), top row first.
func moduleRows(_ code: QRCode) -> [String] {
    (0..<code.size).map { y in
        String((0..<code.size).map { x in code.isDark(x: x, y: y) ? "1" : "0" })
    }
}

/// A line-by-line comparison that names the first rows that differ.
func matrixDifference(_ actual: [String], _ expected: [String]) -> String? {
    guard actual != expected else { return nil }
    var lines = ["symbol differs (got / expected):"]
    for index in 0..<max(actual.count, expected.count) {
        let got = index < actual.count ? actual[index] : "<none>"
        let want = index < expected.count ? expected[index] : "<none>"
        lines.append("\(got == want ? " " : "!") \(got)  \(want)")
    }
    return lines.joined(separator: "\n")
}

/// A deterministic pseudo-random sequence (64-bit LCG) for reproducible test data.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func string(from alphabet: [Character], count: Int) -> String {
        String((0..<count).map { _ in pick(alphabet) })
    }
}

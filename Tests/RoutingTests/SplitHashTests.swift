import Catalog
import TestSupport
import Testing
@testable import Routing

@Suite struct SplitHashTests {
    /// Known answers of nginx's `ngx_murmur_hash2`. Obtained by compiling the function from
    /// nginx's `src/core/ngx_murmurhash.c` with `cc -O2` and a driver that prints
    /// `ngx_murmur_hash2(s, strlen(s))` for each string (UTF-8 bytes), on x86-64; the first
    /// values were cross-checked with an independent Python transcription.
    @Test(arguments: [
        ("", 0 as UInt32),
        ("a", 2_456_313_694),
        ("ab", 446_775_395),
        ("abc", 324_500_635),
        ("abcd", 646_393_889),
        ("abcde", 1_594_468_574),
        ("qrops", 3_299_935_311),
        (":RET-EU-0001", 1_512_654_535),
        ("203.0.113.7:RET-EU-0001", 3_086_038_999),
        ("2001:db8::1:RET-EU-0001", 1_752_677_918),
        ("café", 1_558_355_243),
        ("The quick brown fox jumps over the lazy dog", 556_214_736),
        // Keys made (by inverting the hash) to land exactly around nginx's second boundary for
        // 0.01% / 0.01% / * (see `boundaryKeysAgreeWithNginx`).
        ("c000070:xRjP", 858_991),
        ("c000189:LKYJ", 858_992),
        ("c000049:hwft", 858_993),
    ])
    func murmur2KnownAnswers(text: String, hash: UInt32) {
        #expect(SplitHash.murmur2(text) == hash)
    }

    @Test func keyIsClientColonCodeID() {
        #expect(SplitHash.key(client: "203.0.113.7", codeID: "RET-EU-0001") == "203.0.113.7:RET-EU-0001")
        #expect(SplitHash.key(client: nil, codeID: "RET-EU-0001") == ":RET-EU-0001")
    }

    /// nginx `split_clients` (src/http/modules/ngx_http_split_clients_module.c) turns each
    /// `N.NN%` part into hundredths `p` and its boundary into `last += p × 0xffffffff / 10000`
    /// (rounded down per part, then added up); `*` takes the rest. These boundaries are that
    /// arithmetic; the middle one is one below `⌊0xffffffff × 2 / 10000⌋`, the single-division
    /// formula the first version used.
    @Test func boundariesAddUpPerArmShares() {
        #expect(SplitHash.boundaries(weights: [1, 1, 9998]) == [429_496, 858_992, 4_294_967_293])
        #expect(SplitHash.boundaries(weights: [50, 50]) == [2_147_483_647, 4_294_967_294])
        #expect(SplitHash.boundaries(weights: [70, 30]) == [3_006_477_106, 4_294_967_294])
        #expect(SplitHash.boundaries(weights: [1, 2, 7]) == [429_496_729, 1_288_490_188, 4_294_967_294])
        #expect(SplitHash.boundaries(weights: [33, 33, 34]) == [1_417_339_207, 2_834_678_414, 4_294_967_294])
    }

    /// Three keys whose hashes are 858991, 858992 and 858993, with the arms nginx 1.22.1 chose
    /// for them under `split_clients "${arg_c}" $v { 0.01% a; 0.01% b; * c; }` (requests
    /// `/?c=<key>`, answered with `return 200 $v`): b, c, c. The hash 858992 is where nginx's
    /// per-part rounding and a single division (which says b) disagree.
    @Test(arguments: [
        ("c000070", "xRjP", 1),
        ("c000189", "LKYJ", 2),
        ("c000049", "hwft", 2),
    ])
    func boundaryKeysAgreeWithNginx(client: String, codeID: String, nginxArm: Int) {
        let hash = SplitHash.murmur2(SplitHash.key(client: client, codeID: codeID))
        #expect(SplitHash.arm(for: hash, weights: [1, 1, 9998]) == nginxArm)
        // Weights are relative: the same shares written differently split the same way.
        #expect(SplitHash.arm(for: hash, weights: [3, 3, 29994]) == nginxArm)
    }

    /// For random splits in whole hundredths of a percent, our boundaries are nginx's. The
    /// oracle below is nginx's loop written out; weights are scaled to show only shares count.
    @Test func boundariesMatchNginxForRandomPercentages() {
        var random = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<2000 {
            let arms = Int.random(in: 2...6, using: &random)
            var cuts = (0..<(arms - 1)).map { _ in Int.random(in: 1...9999, using: &random) }
            cuts = Array(Set(cuts)).sorted()
            var percents: [Int] = []
            var previous = 0
            for cut in cuts + [10_000] {
                percents.append(cut - previous)
                previous = cut
            }
            var nginx: [UInt64] = []
            var last: UInt64 = 0
            for percent in percents.dropLast() {
                last += UInt64(percent) * 0xffff_ffff / 10_000
                nginx.append(last)
            }
            let scale = Int.random(in: 1...50, using: &random)
            let ours = SplitHash.boundaries(weights: percents.map { $0 * scale })
            #expect(Array(ours.dropLast()) == nginx, "\(percents)")
            #expect(SplitHash.percentHundredths(weights: percents.map { $0 * scale }) == percents)
        }
    }

    @Test func percentHundredths() {
        #expect(SplitHash.percentHundredths(weights: [50, 50]) == [5000, 5000])
        #expect(SplitHash.percentHundredths(weights: [1, 2, 7]) == [1000, 2000, 7000])
        #expect(SplitHash.percentHundredths(weights: [33, 33, 34]) == [3300, 3300, 3400])
        #expect(SplitHash.percentHundredths(weights: [0, 3]) == [0, 10_000])
        #expect(SplitHash.percentHundredths(weights: [1, 1, 1]) == nil)
        #expect(SplitHash.percentHundredths(weights: [1, 20_000]) == nil)
        #expect(SplitHash.percentHundredths(weights: [0, 0]) == nil)
        #expect(SplitHash.percentHundredths(weights: []) == nil)
    }

    @Test func armEdges() {
        // The last arm takes the hashes from its boundary up to 0xffffffff.
        #expect(SplitHash.arm(for: 0, weights: [50, 50]) == 0)
        #expect(SplitHash.arm(for: 2_147_483_646, weights: [50, 50]) == 0)
        #expect(SplitHash.arm(for: 2_147_483_647, weights: [50, 50]) == 1)
        #expect(SplitHash.arm(for: .max, weights: [50, 50]) == 1)
        #expect(SplitHash.arm(for: .max - 1, weights: [50, 50]) == 1)
        // Arms of weight 0 are never chosen, first, middle or last.
        for hash: UInt32 in [0, 1, 858_992, 2_147_483_647, .max - 1, .max] {
            #expect(SplitHash.arm(for: hash, weights: [0, 1]) == 1)
            #expect(SplitHash.arm(for: hash, weights: [100, 0]) == 0)
            #expect(SplitHash.arm(for: hash, weights: [100, 0, 0]) == 0)
            #expect([0, 2].contains(SplitHash.arm(for: hash, weights: [1, 0, 1])))
            #expect(SplitHash.arm(for: hash, weights: [-5, 1]) == 1)
        }
        // Degenerate inputs answer arm 0 and never trap.
        #expect(SplitHash.arm(for: 12345, weights: []) == 0)
        #expect(SplitHash.arm(for: 12345, weights: [7]) == 0)
        #expect(SplitHash.arm(for: 12345, weights: [0, 0]) == 0)
        #expect(SplitHash.arm(for: .max, weights: [Int.max, Int.max]) == 1)
        #expect(SplitHash.arm(for: 0, weights: [Int.max, Int.max]) == 0)
        #expect(SplitHash.boundaries(weights: [Int.max, Int.min, Int.max]) == [2_147_483_647, 2_147_483_647, 4_294_967_294])
    }

    // MARK: - Distribution

    /// Pearson's χ² of observed counts against the weights' shares.
    static func chiSquare(_ counts: [Int], weights: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        let weightSum = Double(weights.reduce(0, +))
        var statistic = 0.0
        for (count, weight) in zip(counts, weights) {
            let expected = total * Double(weight) / weightSum
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        return statistic
    }

    /// χ² critical values at p = 0.001 for 1…5 degrees of freedom (any statistics table, e.g.
    /// NIST/SEMATECH e-Handbook 1.3.6.7.4): a correct split exceeds them once in a thousand
    /// seeds; the seeds below are fixed, so the test is deterministic.
    static let critical001: [Int: Double] = [1: 10.828, 2: 13.816, 3: 16.266, 4: 18.467, 5: 20.515]

    static func randomIPv4(_ random: inout SplitMix64) -> String {
        let value = random.next()
        return "\(value & 0xFF).\(value >> 8 & 0xFF).\(value >> 16 & 0xFF).\(value >> 24 & 0xFF)"
    }

    @Test(arguments: [[50, 50], [70, 30], [1, 2, 7], [33, 33, 34], [1, 1, 1], [5, 95], [25, 25, 25, 25], [10, 20, 30, 25, 15]])
    func randomClientsFollowTheWeights(weights: [Int]) throws {
        var random = SplitMix64(seed: 0xC0FF_EE00 &+ UInt64(weights.count * 1000 + weights[0]))
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<100_000 {
            let key = SplitHash.key(client: Self.randomIPv4(&random), codeID: "RET-EU-0001")
            counts[SplitHash.arm(for: SplitHash.murmur2(key), weights: weights)] += 1
        }
        let statistic = Self.chiSquare(counts, weights: weights)
        let critical = try #require(Self.critical001[weights.count - 1])
        #expect(statistic < critical, "χ² = \(statistic) ≥ \(critical) for \(weights): \(counts)")
    }

    /// Client addresses are not random: a block of consecutive addresses (one office, one
    /// carrier NAT) must split by the weights too.
    @Test(arguments: [[50, 50], [70, 30], [1, 2, 7]])
    func consecutiveAddressesFollowTheWeights(weights: [Int]) throws {
        var counts = [Int](repeating: 0, count: weights.count)
        for index in 0..<100_000 {
            let key = SplitHash.key(client: "10.\(index >> 16 & 0xFF).\(index >> 8 & 0xFF).\(index & 0xFF)", codeID: "RET-EU-0002")
            counts[SplitHash.arm(for: SplitHash.murmur2(key), weights: weights)] += 1
        }
        let statistic = Self.chiSquare(counts, weights: weights)
        let critical = try #require(Self.critical001[weights.count - 1])
        #expect(statistic < critical, "χ² = \(statistic) ≥ \(critical) for \(weights): \(counts)")
    }

    /// The χ² test is able to fail: a split that ignores the weights is rejected.
    @Test func chiSquareRejectsAWrongSplit() throws {
        var random = SplitMix64(seed: 7)
        var counts = [0, 0]
        for _ in 0..<100_000 {
            let key = SplitHash.key(client: Self.randomIPv4(&random), codeID: "RET-EU-0001")
            counts[SplitHash.arm(for: SplitHash.murmur2(key), weights: [50, 50])] += 1
        }
        #expect(Self.chiSquare(counts, weights: [52, 48]) > (try #require(Self.critical001[1])))
    }

    /// Two codes split the same clients independently: a 2×2 contingency table of their arms
    /// passes a χ² independence test (1 degree of freedom, p = 0.001).
    @Test func differentCodesSplitIndependently() throws {
        var random = SplitMix64(seed: 42)
        var table = [[0, 0], [0, 0]]
        let clients = 50_000
        for _ in 0..<clients {
            let client = Self.randomIPv4(&random)
            let a = SplitHash.arm(for: SplitHash.murmur2(SplitHash.key(client: client, codeID: "RET-EU-0001")), weights: [50, 50])
            let b = SplitHash.arm(for: SplitHash.murmur2(SplitHash.key(client: client, codeID: "RET-EU-0002")), weights: [50, 50])
            table[a][b] += 1
        }
        let rows = table.map { $0.reduce(0, +) }
        let columns = [table[0][0] + table[1][0], table[0][1] + table[1][1]]
        var statistic = 0.0
        for row in 0..<2 {
            for column in 0..<2 {
                let expected = Double(rows[row]) * Double(columns[column]) / Double(clients)
                statistic += (Double(table[row][column]) - expected) * (Double(table[row][column]) - expected) / expected
            }
        }
        #expect(statistic < (try #require(Self.critical001[1])), "χ² = \(statistic): \(table)")
        // And not identical: about half the clients land in different arms.
        let differing = table[0][1] + table[1][0]
        #expect(abs(differing - clients / 2) < clients / 50, "\(table)")
    }
}

import Foundation
import Testing
@testable import QREncoder

/// Our optimal segmentation never needs a larger version than libqrencode (the `qrencode`
/// CLI, case-sensitive, its own mode optimiser) for the same text and level. Compared like
/// for like: no error-correction boost, no URL compaction, no ECI (libqrencode writes none).
@Suite struct LibqrencodeDifferentialTests {
    static func corpus() -> [String] {
        var random = TestRandom(seed: 4)
        var texts: [String] = []
        let slugAlphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let words = ["coffee", "setup", "support", "manual", "spring", "sale", "eu", "x1", "PR-2026", "docs", "Garantie"]
        for index in 0..<90 {
            let slug = random.string(from: slugAlphabet, count: 3 + index % 9)
            texts.append("https://qr.acme.example/\(slug)")
        }
        for index in 0..<70 {
            let path = (0..<(1 + index % 4)).map { _ in random.pick(words) }.joined(separator: "/")
            texts.append("https://www.acme.example/\(path)?utm_source=qr&utm_medium=\(random.pick(words))&utm_campaign=\(random.pick(words))\(random.below(1000))")
        }
        for index in 0..<50 {
            texts.append(random.string(from: Array("0123456789"), count: 1 + index * 7))
        }
        for index in 0..<50 {
            texts.append(random.string(from: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abcdef"), count: 5 + index * 5))
        }
        for index in 0..<40 {
            texts.append(random.string(from: Array("Grüße aus Köln, café crème 東京 €5 😀 ok 12345"), count: 3 + index * 4))
        }
        return texts
    }

    static func libqrencodeVersion(_ qrencode: String, _ text: String, level: ErrorCorrection) throws -> Int? {
        let output = try ExternalTool.run(qrencode, ["-t", "ASCII", "-m", "0", "-l", level.rawValue, "-o", "-"],
                                          input: Data(text.utf8))
        guard output.status == 0 else { return nil }
        let size = output.text.split(separator: "\n").count
        return (size - 17) / 4
    }

    @Test func neverLargerThanLibqrencode() async throws {
        guard let qrencode = ExternalTool.require("qrencode") else { return }
        let corpus = Self.corpus()
        #expect(corpus.count >= 300)
        let jobs = corpus.flatMap { text in ErrorCorrection.allCases.map { (text, $0) } }
        // Two workers (the machine has two cores), each running its share of qrencode calls.
        let theirs = try await withThrowingTaskGroup(of: [(Int, Int?)].self) { group in
            for worker in 0..<2 {
                group.addTask {
                    try await Task.detached {
                        try stride(from: worker, to: jobs.count, by: 2).map { index in
                            (index, try Self.libqrencodeVersion(qrencode, jobs[index].0, level: jobs[index].1))
                        }
                    }.value
                }
            }
            var results = [Int?](repeating: nil, count: jobs.count)
            for try await part in group {
                for (index, version) in part { results[index] = version }
            }
            return results
        }
        var smaller = 0
        for (index, (text, level)) in jobs.enumerated() {
            let options = EncodeOptions(ecl: level, boostErrorCorrection: false, eci: .never, urlCompaction: .off)
            let ours = try? QREncoder.encode(text: text, options: options).code.version
            guard let reference = theirs[index] else {
                #expect(ours == nil, "libqrencode could not encode \(text.utf8.count) bytes at \(level.rawValue), we could")
                continue
            }
            guard let ours else {
                Issue.record("we could not encode what libqrencode put in version \(reference): \(text)")
                continue
            }
            #expect(ours <= reference, "\(level.rawValue) \"\(text)\": ours \(ours), libqrencode \(reference)")
            if ours < reference { smaller += 1 }
        }
        // The corpus must exercise the difference, not just agree.
        #expect(smaller > 0)
    }
}

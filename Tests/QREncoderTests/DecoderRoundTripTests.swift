import Foundation
import Testing
@testable import QREncoder

/// Every symbol must decode, with two independent real decoders (zxing-cpp's ZXingReader and
/// zbar's zbarimg), to exactly the text that was encoded: all 40 versions at all four levels,
/// with numeric, alphanumeric, byte, UTF-8 (ECI 26) and Kanji payloads filling the symbol,
/// every character of the Kanji table, and URLs as qrops encodes them.
@Suite(.serialized) struct DecoderRoundTripTests {
    struct Case: Sendable {
        var name: String
        var text: String
        var options: EncodeOptions
    }

    enum Kind: CaseIterable {
        case numeric, alphanumeric, byte, utf8, kanji
    }

    static let kanjiCharacters: [Character] = ShiftJISKanjiTable.rows.flatMap { row in
        row.unicodeScalars.filter { $0.value != 0xFFFD }.map { Character($0) }
    }

    /// A payload of `kind` that fills most of `version` at `level`.
    static func payload(_ kind: Kind, version: Int, level: ErrorCorrection, random: inout TestRandom) -> String {
        let capacity = CapacityTable.capacity(version: version, level: level.ordinal)
        switch kind {
        case .numeric:
            return random.string(from: Array("0123456789"), count: capacity.numeric - random.below(3))
        case .alphanumeric:
            return random.string(from: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"),
                                 count: capacity.alphanumeric - random.below(3))
        case .byte:
            return random.string(from: Array("abcdefghijklmnopqrstuvwxyz0123456789-_.~!'()@;=+,/?&#"),
                                 count: capacity.byte - random.below(3))
        case .utf8:
            // Up to byte capacity less the ECI header, in 1- to 4-byte characters.
            let alphabet: [Character] = Array("aé€😀zü日ñ") + ["x", "ß", "Ω"]
            var text = ""
            var bytes = 0
            while true {
                let next = random.pick(alphabet)
                let width = String(next).utf8.count
                if bytes + width > capacity.byte - 2 { break }
                text.append(next)
                bytes += width
            }
            return text
        case .kanji:
            return random.string(from: kanjiCharacters, count: capacity.kanji - random.below(2))
        }
    }

    static func cases() -> [Case] {
        var random = TestRandom(seed: 18004)
        var cases: [Case] = []
        for version in 1...40 {
            for level in ErrorCorrection.allCases {
                let kind = Kind.allCases[(version * 4 + level.ordinal) % Kind.allCases.count]
                let options = EncodeOptions(ecl: level, minVersion: version, maxVersion: version,
                                            boostErrorCorrection: false, urlCompaction: .off)
                cases.append(Case(name: "v\(version)-\(level.rawValue)-\(kind)",
                                  text: payload(kind, version: version, level: level, random: &random),
                                  options: options))
            }
        }
        // Every Kanji-mode character, a thousand per symbol.
        let kanji = kanjiCharacters
        for start in stride(from: 0, to: kanji.count, by: 1000) {
            cases.append(Case(name: "kanji-table-\(start)", text: String(kanji[start..<min(start + 1000, kanji.count)]),
                              options: EncodeOptions(ecl: .low)))
        }
        // Mixed segments, ECI with Kanji, and URLs as qrops writes them.
        let mixed = [
            "https://qr.acme.example/ab12X", "https://qr.acme.example/cx1", "HTTPS://QR.ACME.EXAMPLE/CX1",
            "https://www.acme.example/support/coffee-x1/setup?utm_source=qr&utm_medium=packaging&utm_campaign=coffee-x1",
            "ORDER 0012345678901234 Größe XL, 東京都港区1-2-3 点茗 😀",
            "東京都港区芝公園4-2-8", "価格: 1,234円", "ABCDEF0123456789abcdef", "0", "a", "点",
            " leading and trailing spaces ", "TAB\tSEPARATED", "quote \" and backslash \\",
        ]
        for (index, text) in mixed.enumerated() {
            for (suffix, compaction) in [("", URLCompaction.automatic(caseInsensitivePath: false)),
                                         ("-ci", .automatic(caseInsensitivePath: true))] {
                cases.append(Case(name: "mixed-\(index)\(suffix)", text: text,
                                  options: EncodeOptions(ecl: .quartile, urlCompaction: compaction)))
            }
        }
        for mask in 0..<8 {
            cases.append(Case(name: "mask-\(mask)", text: "https://qr.acme.example/mask\(mask)",
                              options: EncodeOptions(ecl: .medium, mask: mask)))
        }
        return cases
    }

    @Test func realDecodersReadEverySymbol() async throws {
        let zxing = ExternalTool.require("ZXingReader")
        let zbar = ExternalTool.require("zbarimg")
        guard let zxing, let zbar else { return }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-decoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var expected: [String: String] = [:]
        var files: [String] = []
        for testCase in Self.cases() {
            let result: EncodeResult
            do {
                result = try QREncoder.encode(text: testCase.text, options: testCase.options)
            } catch {
                Issue.record("\(testCase.name): \(error)")
                continue
            }
            let file = "\(testCase.name).pgm"
            let scale = result.code.version > 20 ? 3 : 4
            try DecoderImage.pgm(result.code, scale: scale).write(to: directory.appendingPathComponent(file))
            expected[file] = result.encodedText
            files.append(directory.appendingPathComponent(file).path)
        }

        // ZXingReader takes batches of files (its output names each file). zbarimg's batch
        // output does not say which text came from which file except in --xml mode, which
        // garbles non-ASCII text, so it reads one file per run with --raw. Two workers.
        let paths = files
        let batches = stride(from: 0, to: paths.count, by: 45).map { Array(paths[$0..<min($0 + 45, paths.count)]) }
        let outputs = try await withThrowingTaskGroup(of: [String: [String: String]].self) { group in
            group.addTask {
                var results: [String: String] = [:]
                for batch in batches {
                    let output = try await ExternalTool.runDetached(zxing, ["-format", "QRCode"] + batch)
                    results.merge(DecoderOutput.zxing(output.text)) { first, _ in first }
                }
                return ["zxing": results]
            }
            group.addTask {
                try await Task.detached {
                    var results: [String: String] = [:]
                    for file in paths {
                        let output = try ExternalTool.run(zbar, ["--nodbus", "-q", "--raw", file])
                        guard output.status == 0 else { continue }
                        var text = output.text
                        if text.hasSuffix("\n") { text.removeLast() }
                        results[URL(fileURLWithPath: file).lastPathComponent] = text
                    }
                    return ["zbar": results]
                }.value
            }
            var combined: [String: [String: String]] = [:]
            for try await part in group { combined.merge(part) { first, _ in first } }
            return combined
        }

        var failures = 0
        for (file, text) in expected.sorted(by: { $0.key < $1.key }) {
            for decoder in ["zxing", "zbar"] {
                let decoded = outputs[decoder]?[file]
                if decoded != text {
                    failures += 1
                    Issue.record("\(decoder) read \(file) as \(decoded.map { "\"\($0.prefix(80))\"" } ?? "nothing"), expected \"\(text.prefix(80))\"")
                }
            }
        }
        #expect(expected.count >= 160 + 7)
        if failures == 0 {
            try? FileManager.default.removeItem(at: directory)
        } else {
            Issue.record("images kept in \(directory.path)")
        }
    }
}

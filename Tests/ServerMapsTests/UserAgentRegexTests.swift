import Foundation
import Testing
@testable import Routing
@testable import ServerMaps
import TestSupport

/// The regexes the server configs classify devices with give exactly the router's answer: the
/// User-Agent corpus and random strings built from the classifier's markers go through both.
@Suite struct UserAgentRegexTests {
    static let corpus: [String] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../RoutingTests/Fixtures/user-agents.tsv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst(3).first.map(String.init)
        }
    }()

    /// What the regex steps say (first match wins; desktop otherwise), the way servers run them.
    static func classify(_ userAgent: String, _ dialect: RegexDialect) throws -> String {
        for step in UserAgentRegex.steps(dialect) {
            let regex = try NSRegularExpression(pattern: step.pattern)
            if regex.firstMatch(in: userAgent, range: NSRange(userAgent.startIndex..., in: userAgent)) != nil {
                return step.kind.rawValue
            }
        }
        return "desktop"
    }

    @Test func theCorpusIsLoaded() {
        #expect(Self.corpus.count >= 100)
    }

    @Test(arguments: [RegexDialect.pcre, .re2])
    func corpusAgrees(_ dialect: RegexDialect) throws {
        for userAgent in Self.corpus {
            #expect(try Self.classify(userAgent, dialect) == DeviceClassifier.classify(userAgent).kind.rawValue, "\(userAgent)")
        }
    }

    /// Strings made of markers, near-misses and separators (`Cubot`, `xcubot`, `robot`,
    /// `Bot2`, `KaiOS`, `Android TV`...) in random order and case.
    @Test(arguments: [RegexDialect.pcre, .re2])
    func randomStringsAgree(_ dialect: RegexDialect) throws {
        let pieces = ["cubot", "CUBOT", "xcubot", "cu", "bot", "Bot2", "robot", "crawler", "spiders", "android", "Android TV",
                      "iphone", "iPad", "kaios", "Mobile", "smart-tv", "curl/", "+http", "x", " ", ";", "/", "-", "1", "é"]
        var random = SplitMix64(seed: 20261121)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 5) + 1 { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(try Self.classify(text, dialect) == DeviceClassifier.classify(text).kind.rawValue, "\(text)")
        }
    }
}

import Catalog
import Foundation
import Testing
@testable import Routing

/// One row of `Fixtures/user-agents.tsv`.
struct UserAgentCase: Sendable, CustomTestStringConvertible {
    var expected: Device
    var isBot: Bool
    var description: String
    var userAgent: String

    var testDescription: String { description }

    /// The corpus; empty (which `corpusCoversTheBrief` reports) when the file cannot be read.
    static let corpus: [UserAgentCase] = {
        guard let url = Bundle.module.url(forResource: "user-agents", withExtension: "tsv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return parse(text)
    }()

    /// Rows that do not have four columns, a known device and `yes`/`no` are dropped, and
    /// `malformedRows` counts them.
    static func parse(_ text: String) -> [UserAgentCase] {
        rows(text).compactMap { columns in
            guard columns.count == 4, let device = Device(rawValue: columns[0]), ["yes", "no"].contains(columns[1]) else { return nil }
            return UserAgentCase(expected: device, isBot: columns[1] == "yes", description: columns[2], userAgent: columns[3])
        }
    }

    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static let malformedRows: Int = {
        guard let url = Bundle.module.url(forResource: "user-agents", withExtension: "tsv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return -1 }
        return rows(text).count - parse(text).count
    }()
}

@Suite struct DeviceClassifierTests {
    @Test(arguments: UserAgentCase.corpus)
    func classifiesTheCorpus(_ entry: UserAgentCase) {
        let device = DeviceClassifier.classify(entry.userAgent)
        #expect(device.kind == entry.expected, "\(entry.userAgent)")
        #expect(device.isBot == entry.isBot, "\(entry.userAgent)")
    }

    /// The corpus is what the brief asks for, so that the parameterised test above cannot pass
    /// by running on an empty or thin file.
    @Test func corpusCoversTheBrief() {
        let corpus = UserAgentCase.corpus
        #expect(corpus.count >= 60)
        #expect(UserAgentCase.malformedRows == 0)
        for device in Device.allCases {
            #expect(corpus.filter { $0.expected == device && !$0.isBot }.count >= 5, "too few \(device.rawValue) rows")
        }
        #expect(corpus.filter(\.isBot).count >= 15)
        let descriptions = corpus.map { $0.description.lowercased() }
        for topic in ["iphone", "ipad", "ipod", "ipados", "instagram", "facebook", "linkedin", "wechat", "line in-app", "tiktok",
                      "snapchat", "chromeos", "windows phone", "kaios", "blackberry", "smart tv", "playstation", "googlebot smartphone",
                      "bingbot", "applebot", "facebookexternalhit", "twitterbot", "slackbot", "whatsapp", "curl", "wget",
                      "python-requests", "headlesschrome", "cubot", "empty", "garbage", "android tablet", "samsung internet", "firefox", "edge"] {
            #expect(descriptions.contains { $0.contains(topic) }, "the corpus has no \(topic) row")
        }
        #expect(Set(corpus.map(\.userAgent)).count == corpus.count, "duplicate User-Agent rows")
    }

    @Test func absentAndBlankUserAgentsAreDesktopHumans() {
        for userAgent in [nil, "", " ", "\t"] as [String?] {
            #expect(DeviceClassifier.classify(userAgent) == ClientDevice(kind: .desktop, isBot: false))
        }
    }

    /// Substring traps: each marker appears where it must not decide.
    @Test(arguments: [
        ("Mozilla/5.0 (Linux; Android 9; CUBOT X19) Mobile Safari/537.36", Device.android, false),
        ("Mozilla/5.0 (Linux; Android 9; Cubot) Mobile", Device.android, false),
        ("Mozilla/5.0 (Linux; Android 9; Robot) Mobile", Device.desktop, true),
        ("Mozilla/5.0 (Linux; Android 9; X) Mobile (compatible; examplebot/1.0)", Device.desktop, true),
        ("Mozilla/5.0 (compatible; ExampleCrawler/2.0)", Device.desktop, true),
        ("Mozilla/5.0 (compatible; ExampleSpider)", Device.desktop, true),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) (+https://example.com/about-our-fetcher)", Device.desktop, true),
        ("Mozilla/5.0 (Linux; Android 11; BRAVIA 4K VH2 Build/RTM1.201119.054)", Device.desktop, false),
        ("Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1) Mobile", Device.mobile, false),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Mobile/15E148", Device.ios, false),
        ("MOZILLA/5.0 (IPHONE; CPU IPHONE OS 17_0 LIKE MAC OS X)", Device.ios, false),
        ("Mozilla/5.0 (Linux; Tizen 2.3) Mobile", Device.mobile, false),
        ("Mozilla/5.0 (SMART-TV; Linux; Tizen 5.0) TV Safari", Device.desktop, false),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15", Device.desktop, false),
    ])
    func traps(userAgent: String, kind: Device, isBot: Bool) {
        #expect(DeviceClassifier.classify(userAgent) == ClientDevice(kind: kind, isBot: isBot))
    }

    @Test func deviceConditionsMatchAsDocumented() {
        let table: [(Device, [Device])] = [
            (.ios, [.ios, .mobile]),
            (.android, [.android, .mobile]),
            (.mobile, [.mobile]),
            (.desktop, [.desktop]),
        ]
        for (kind, matching) in table {
            for wanted in Device.allCases {
                #expect(ClientDevice(kind: kind).matches(wanted) == matching.contains(wanted), "\(kind) vs \(wanted)")
            }
        }
        #expect(ClientDevice(kind: .desktop, isBot: true).matches(.desktop))
    }
}

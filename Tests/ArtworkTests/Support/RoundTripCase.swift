import Artwork
import QREncoder

/// One symbol for the decoder round trip: a payload, how to encode it, how to print it, and the
/// text a decoder must read back.
struct RoundTripCase: Sendable, CustomStringConvertible {
    let name: String
    let grid: ModuleGrid
    let style: ArtworkStyle
    let expectedText: String
    let errorCorrection: ErrorCorrection
    let version: Int

    var description: String { "\(name) (version \(version), EC \(errorCorrection.rawValue))" }

    /// Encodes `payload` exactly as given (no URL compaction, no EC boost) and sizes the print so a
    /// module is at least 0.5 mm (about 6 pixels at 300 dpi).
    init(_ name: String, _ payload: String, ecl: ErrorCorrection, minVersion: Int = 1, compact: Bool = false,
         foreground: Colour = .black, background: Colour? = .white) throws {
        let options = EncodeOptions(
            ecl: ecl, minVersion: minVersion, boostErrorCorrection: false,
            urlCompaction: compact ? .automatic(caseInsensitivePath: false) : .off
        )
        let result = try QREncoder.encode(text: payload, options: options)
        self.name = name
        grid = ModuleGrid(result.code)
        let across = Double(result.code.size + 2 * ArtworkStyle.defaultQuietZone)
        style = ArtworkStyle(foreground: foreground, background: background,
                             size: .millimetres(max(25, across * 0.5)))
        expectedText = result.encodedText
        errorCorrection = result.code.errorCorrection
        version = result.code.version
    }

    static let payloads: [(name: String, text: String)] = [
        ("url", "https://qr.acme.example/cx1"),
        ("url-query", "https://www.acme.example/support/coffee-x1/setup?utm_source=qr&utm_medium=packaging&utm_campaign=coffee-x1"),
        ("numeric", "01234567890123456789012345"),
        ("alphanumeric", "QROPS-2026 $%*+-./:ABC"),
        ("utf8", "Grüße aus Zürich – 東京 🎉 ñ"),
    ]

    /// A long, deterministic, mixed-case text: fills the large versions with byte-mode data.
    static func longText(_ count: Int) -> String {
        let words = ["acme", "Coffee", "X1", "setup", "guide", "2026", "print-run", "PR-114", "label"]
        var text = ""
        var index = 0
        while text.utf8.count < count {
            text += words[index % words.count] + (index % 7 == 0 ? "/" : " ")
            index += 1
        }
        return String(text.prefix(count))
    }

    /// Every payload at every level, version 25 at every level, version 40, brand and CMYK
    /// colours, and a URL-compacted symbol.
    static func all() throws -> [RoundTripCase] {
        var cases: [RoundTripCase] = []
        for level in ErrorCorrection.allCases {
            for payload in payloads {
                cases.append(try RoundTripCase("\(payload.name)-\(level.rawValue)", payload.text, ecl: level))
            }
            cases.append(try RoundTripCase("v25-\(level.rawValue)", longText(300), ecl: level, minVersion: 25))
        }
        cases.append(try RoundTripCase("v40-L", longText(2_500), ecl: .low, minVersion: 40))
        cases.append(try RoundTripCase("brand-Q", payloads[0].text, ecl: .quartile,
                                       foreground: .rgb(red: 0x1A, green: 0x23, blue: 0x7E), background: .white))
        cases.append(try RoundTripCase("cmyk-M", payloads[1].text, ecl: .medium,
                                       foreground: .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10),
                                       background: .cmyk(cyan: 0, magenta: 0, yellow: 0, black: 0)))
        cases.append(try RoundTripCase("compacted-M", "https://qr.acme.example/cx1", ecl: .medium, compact: true))
        return cases
    }
}

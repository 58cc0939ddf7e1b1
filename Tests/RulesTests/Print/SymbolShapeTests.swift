import QREncoder
import Testing

/// `QREncoder.shape(text:options:)` must choose exactly what `encode(text:options:)` builds:
/// the print rules judge artwork by it without building the symbol.
@Suite("Symbol shape without encoding")
struct SymbolShapeTests {
    static let payloads: [String] = {
        var payloads = [
            "https://qr.acme.example/cx1",
            "https://qr.acme.example/coffee-x1-setup",
            "https://go.acme.example/Mixed-Case-Slug",
            "https://qr.acme.example/s?x=1",          // a query: never compacted
            "HTTPS://QR.ACME.EXAMPLE/CX1",
            "http://a.b/c",
            "0123456789012345678901234567890123456789",
            "héllo wörld",
            "東京都港区1-2-3",
            "日本語の😀",
            "a",
        ]
        // Lengths that cross version boundaries, in both byte and alphanumeric-friendly form.
        for length in stride(from: 10, through: 220, by: 11) {
            payloads.append("https://qr.acme.example/" + String(repeating: "a", count: length))
            payloads.append("https://qr.acme.example/" + String(repeating: "ab-7", count: length / 4))
        }
        return payloads
    }()

    static let options: [EncodeOptions] = {
        var options: [EncodeOptions] = []
        for ecl in ErrorCorrection.allCases {
            for boost in [true, false] {
                for compaction in [URLCompaction.automatic(caseInsensitivePath: false), .automatic(caseInsensitivePath: true), .off] {
                    options.append(EncodeOptions(ecl: ecl, boostErrorCorrection: boost, urlCompaction: compaction))
                }
            }
            options.append(EncodeOptions(ecl: ecl, minVersion: 3, maxVersion: 12))
            options.append(EncodeOptions(ecl: ecl, minVersion: 2, maxVersion: 2))
            options.append(EncodeOptions(ecl: ecl, eci: .never))
        }
        return options
    }()

    @Test(arguments: payloads)
    func shapeIsWhatEncodeBuilds(_ payload: String) {
        for options in Self.options {
            let encoded = Result { () throws(EncodeError) in try QREncoder.encode(text: payload, options: options) }
            let shape = Result { () throws(EncodeError) in try QREncoder.shape(text: payload, options: options) }
            switch (encoded, shape) {
            case (.success(let result), .success(let shape)):
                #expect(shape.version == result.code.version, "\(payload) \(options)")
                #expect(shape.errorCorrection == result.code.errorCorrection, "\(payload) \(options)")
                #expect(shape.size == result.code.size)
            case (.failure(let encodeError), .failure(let shapeError)):
                #expect(encodeError == shapeError, "\(payload) \(options)")
            default:
                Issue.record("encode and shape disagree on \(payload) with \(options): \(encoded) vs \(shape)")
            }
        }
    }

    @Test func compactionIsPartOfTheShape() throws {
        // Upper-casing the host saves a version here (docs/encoder.md).
        let compacted = try QREncoder.shape(text: "https://qr.acme.example/cx1", options: EncodeOptions(ecl: .medium))
        let plain = try QREncoder.shape(text: "https://qr.acme.example/cx1", options: EncodeOptions(ecl: .medium, urlCompaction: .off))
        #expect(compacted.version == 2)
        #expect(plain.version == 3)
    }

    @Test func invalidOptionsThrowLikeEncode() {
        #expect(throws: EncodeError.self) { try QREncoder.shape(text: "x", options: EncodeOptions(minVersion: 5, maxVersion: 4)) }
        #expect(throws: EncodeError.dataTooLong(bytes: 8000, maxVersion: 40, ecl: .medium)) {
            try QREncoder.shape(text: String(repeating: "x", count: 8000))
        }
    }
}

@Suite("Version bound from the length alone")
struct VersionBoundTests {
    @Test(arguments: SymbolShapeTests.payloads)
    func theBoundIsNeverExceeded(_ payload: String) {
        for options in SymbolShapeTests.options {
            guard let shape = try? QREncoder.shape(text: payload, options: options) else { continue }
            if let bound = QREncoder.versionBound(byteCount: payload.utf8.count, options: options) {
                #expect(shape.version <= bound, "\(payload) \(options)")
            }
        }
    }

    /// Text that only byte mode can hold: the bound is the true version or one above it (the
    /// bound reserves room for the longest ECI designator).
    @Test func theBoundIsTightForByteModeText() throws {
        for length in [1, 10, 30, 60, 100, 150, 250] {
            let text = String(repeating: "é", count: length / 2) + String(repeating: "x", count: length % 2)
            let version = try QREncoder.shape(text: text, options: EncodeOptions(ecl: .low, boostErrorCorrection: false)).version
            let bound = try #require(QREncoder.versionBound(byteCount: text.utf8.count, options: EncodeOptions(ecl: .low)))
            #expect(bound >= version && bound <= version + 1, "\(length): \(version) vs \(bound)")
        }
    }

    @Test func noBoundBeyondTheLargestVersion() {
        #expect(QREncoder.versionBound(byteCount: 3000, options: EncodeOptions(ecl: .low)) == nil)
        #expect(QREncoder.versionBound(byteCount: 20, options: EncodeOptions(maxVersion: 1)) == nil)   // 200 bits > 1-M's 128
        #expect(QREncoder.versionBound(byteCount: 10, options: EncodeOptions(minVersion: 4, maxVersion: 3)) == nil)
        #expect(QREncoder.versionBound(byteCount: 0, options: EncodeOptions(minVersion: 7)) == 7)
    }
}

import Testing
@testable import QREncoder

@Suite struct URLCompactionTests {
    @Test func hostIsUpperCasedSchemeIsNot() {
        #expect(URLCompactor.compact("https://qr.acme.example/cx1", caseInsensitivePath: false)
                == "https://QR.ACME.EXAMPLE/cx1")
        #expect(URLCompactor.compact("http://qr.acme.example:8080/a", caseInsensitivePath: false)
                == "http://QR.ACME.EXAMPLE:8080/a")
        #expect(URLCompactor.compact("https://qr.acme.example", caseInsensitivePath: false)
                == "https://QR.ACME.EXAMPLE")
    }

    @Test func pathIsUpperCasedOnlyWhenCaseInsensitive() {
        #expect(URLCompactor.compact("https://qr.acme.example/cx1", caseInsensitivePath: true)
                == "https://QR.ACME.EXAMPLE/CX1")
    }

    /// The scheme keeps whatever case it was given: never upper-cased, not lower-cased either.
    @Test func schemeIsKeptAsWritten() {
        #expect(URLCompactor.compact("HTTPS://qr.acme.example/x", caseInsensitivePath: true) == "HTTPS://QR.ACME.EXAMPLE/X")
        #expect(URLCompactor.compact("Https://qr.acme.example/x", caseInsensitivePath: false) == "Https://QR.ACME.EXAMPLE/x")
    }

    @Test(arguments: [
        "https://qr.acme.example/cx1?utm_source=qr",  // query
        "https://qr.acme.example/cx1#top",  // fragment
        "https://user@qr.acme.example/cx1",  // user info
        "https://qr.acme.example/caf%C3%A9",  // percent-escape
        "https://qr.acme.example/café",  // non-ASCII
        "https://qr.acme.example/a b",  // space
        "ftp://files.acme.example/x",  // other scheme
        "mailto:someone@acme.example",  // no authority
        "https://",  // nothing after the scheme
        "https:///path",  // empty host
        "https://QR.ACME.EXAMPLE/X",  // nothing to change
        "just some text",
    ])
    func declined(url: String) {
        #expect(URLCompactor.compact(url, caseInsensitivePath: true) == nil)
    }

    /// Compaction applies when it saves a version and reports the version saved.
    @Test func savedVersionIsReported() throws {
        let options = EncodeOptions(ecl: .medium, boostErrorCorrection: false,
                                    urlCompaction: .automatic(caseInsensitivePath: true))
        let result = try QREncoder.encode(text: "https://qr.acme.example/cx1", options: options)
        #expect(result.encodedText == "https://QR.ACME.EXAMPLE/CX1")
        #expect(result.segmentModes == [.byte, .alphanumeric])
        #expect(result.code.version == 2)
        #expect(result.versionWithoutCompaction == 3)
        let plain = try QREncoder.encode(text: "https://qr.acme.example/cx1",
                                         options: EncodeOptions(ecl: .medium, boostErrorCorrection: false, urlCompaction: .off))
        #expect(plain.code.version == 3)
        #expect(plain.encodedText == "https://qr.acme.example/cx1")
        #expect(plain.versionWithoutCompaction == nil)
    }

    /// By default the path keeps its case; the upper-case host alone still saves a version here.
    @Test func defaultKeepsPathCase() throws {
        let result = try QREncoder.encode(text: "https://qr.acme.example/cx1", options: EncodeOptions(ecl: .medium))
        #expect(result.encodedText == "https://QR.ACME.EXAMPLE/cx1")
        #expect(result.versionWithoutCompaction == 3)
        #expect(result.code.version == 2)
    }

    /// When upper case saves nothing, the URL is encoded exactly as given.
    @Test func noCompactionWithoutGain() throws {
        let url = "https://www.acme.example/products/coffee-x1/setup-guide-for-the-new-machine"
        let result = try QREncoder.encode(text: url, options: EncodeOptions(ecl: .medium))
        #expect(result.encodedText == url)
        #expect(result.versionWithoutCompaction == nil)
    }

    /// A URL that only fits once compacted is compacted (no uncompacted version to report).
    @Test func compactionCanMakeDataFit() throws {
        let url = "https://qr.acme.example/abcdefghij"
        let options = EncodeOptions(ecl: .low, maxVersion: 2, boostErrorCorrection: false,
                                    urlCompaction: .automatic(caseInsensitivePath: true))
        #expect(throws: EncodeError.self) {
            try QREncoder.encode(text: url, options: EncodeOptions(ecl: .low, maxVersion: 1, urlCompaction: .off))
        }
        let result = try QREncoder.encode(text: url, options: options)
        #expect(result.encodedText == "https://QR.ACME.EXAMPLE/ABCDEFGHIJ")
        #expect(result.code.version <= 2)
    }
}

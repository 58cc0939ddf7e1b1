import Testing
@testable import QREncoder

@Suite struct EncodeOptionsTests {
    @Test func boostRaisesLevelWithinTheSameVersion() throws {
        let boosted = try QREncoder.encode(text: "HELLO", options: EncodeOptions(ecl: .low))
        #expect(boosted.code.version == 1)
        #expect(boosted.code.errorCorrection == .high)
        let plain = try QREncoder.encode(text: "HELLO", options: EncodeOptions(ecl: .low, boostErrorCorrection: false))
        #expect(plain.code.errorCorrection == .low)
    }

    /// 20 alphanumeric characters fill 1-M exactly (Table 7), so no boost beyond M.
    @Test func boostStopsWhereDataNoLongerFits() throws {
        let result = try QREncoder.encode(text: "ABCDEFGHIJKLMNOPQRST", options: EncodeOptions(ecl: .low))
        #expect(result.code.version == 1)
        #expect(result.code.errorCorrection == .medium)
    }

    @Test func minVersionIsHonoured() throws {
        let result = try QREncoder.encode(text: "1", options: EncodeOptions(minVersion: 12))
        #expect(result.code.version == 12)
        #expect(result.code.size == 65)
        #expect(result.code.modules.count == 65 * 65)
    }

    @Test(arguments: 0..<8)
    func forcedMaskIsUsed(mask: Int) throws {
        let result = try QREncoder.encode(text: "https://qr.acme.example/ab12X", options: EncodeOptions(mask: mask))
        #expect(result.code.mask == mask)
    }

    @Test func invalidOptionsAreRejected() {
        for options in [EncodeOptions(minVersion: 0), EncodeOptions(maxVersion: 41), EncodeOptions(minVersion: 5, maxVersion: 4),
                        EncodeOptions(mask: 8), EncodeOptions(mask: -1), EncodeOptions(eci: .always(1_000_000))] {
            #expect(throws: EncodeError.self) { try QREncoder.encode(text: "x", options: options) }
            do {
                _ = try QREncoder.encode(text: "x", options: options)
            } catch {
                guard case .invalidOption = error else {
                    Issue.record("expected invalidOption, got \(error)")
                    continue
                }
            }
        }
    }

    @Test func isDarkIsFalseOutsideTheSymbol() throws {
        let code = try QREncoder.encode(text: "x").code
        #expect(code.isDark(x: 0, y: 0))  // finder corner
        for (x, y) in [(-1, 0), (0, -1), (code.size, 0), (0, code.size), (-5, -5), (Int.max, Int.min)] {
            #expect(!code.isDark(x: x, y: y))
        }
    }

    @Test func bytesAreEncodedAsGiven() throws {
        let bytes: [UInt8] = [0x00, 0xFF, 0x80, 0x41]
        let result = try QREncoder.encode(bytes: bytes)
        #expect(result.segmentModes == [.byte])  // not UTF-8, so no ECI
        let utf8 = try QREncoder.encode(bytes: Array("naïve".utf8))
        #expect(utf8.segmentModes == [.eci, .byte])
    }

    @Test func segmentsAreEncodedAsGiven() throws {
        let segments = [try Segment.makeECI(26), Segment.makeBytes(Array("Größe ".utf8)),
                        try Segment.makeNumeric("123456"), try Segment.makeKanji("点茗")]
        let result = try QREncoder.encode(segments: segments, options: EncodeOptions(ecl: .quartile))
        #expect(result.segmentModes == [.eci, .byte, .numeric, .kanji])
        #expect(result.encodedText == "Größe 123456点茗")
    }

    @Test func segmentFactoriesRejectForeignCharacters() {
        #expect(throws: EncodeError.self) { try Segment.makeNumeric("12a") }
        #expect(throws: EncodeError.self) { try Segment.makeAlphanumeric("abc") }
        #expect(throws: EncodeError.self) { try Segment.makeKanji("abc") }
        #expect(throws: EncodeError.self) { try Segment.makeECI(1_000_000) }
    }

    /// The same input gives the same symbol.
    @Test func encodingIsDeterministic() throws {
        let a = try QREncoder.encode(text: "https://qr.acme.example/ab12X")
        let b = try QREncoder.encode(text: "https://qr.acme.example/ab12X")
        #expect(a == b)
    }
}

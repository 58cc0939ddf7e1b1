import Testing
@testable import QREncoder

@Suite struct SegmentationTests {
    static func modes(_ text: String, version: Int = 1, eci: ECIPolicy = .automatic) throws -> [Segment.Mode] {
        let options = EncodeOptions(ecl: .low, minVersion: version, boostErrorCorrection: false, eci: eci,
                                    urlCompaction: .off)
        return try QREncoder.encode(text: text, options: options).segmentModes
    }

    @Test func singleModeTexts() throws {
        #expect(try Self.modes("0123456789") == [.numeric])
        #expect(try Self.modes("HELLO WORLD") == [.alphanumeric])
        #expect(try Self.modes("hello world") == [.byte])
        #expect(try Self.modes("点茗") == [.kanji])
        #expect(try Self.modes("") == [])
    }

    /// A long digit run inside alphanumeric text pays for its own segment; a short one does not.
    @Test func digitRunsSwitchModeOnlyWhenItPays() throws {
        #expect(try Self.modes("ABC12345678901234567DEF") == [.alphanumeric, .numeric, .alphanumeric])
        #expect(try Self.modes("ABC123DEF") == [.alphanumeric])
        #expect(try Self.modes("abcdefgh0123456789012345") == [.byte, .numeric])
    }

    /// Lower-case `https://` is byte mode; an upper-case host and path after it are alphanumeric.
    @Test func urlMixesByteAndAlphanumeric() throws {
        #expect(try Self.modes("https://QR.ACME.EXAMPLE/CX1") == [.byte, .alphanumeric])
    }

    /// Character-count widths differ between version classes, so the best split can too:
    /// a 7-digit run inside byte data pays for a numeric segment in versions 1–9 (10-bit
    /// count), not in 27–40 (14-bit count).
    @Test func segmentationDependsOnVersionClass() throws {
        let text = "abcdefgh1234567abcdefgh"
        #expect(try Self.modes(text, version: 1) == [.byte, .numeric, .byte])
        #expect(try Self.modes(text, version: 27) == [.byte])
    }

    @Test func nonASCIIBytesGetUTF8ECI() throws {
        #expect(try Self.modes("café") == [.eci, .byte])
        #expect(try Self.modes("café", eci: .never) == [.byte])
        #expect(try Self.modes("cafe", eci: .utf8) == [.eci, .byte])
        #expect(try Self.modes("cafe") == [.byte])
    }

    /// Text whose non-ASCII characters all have Kanji-mode codes needs no ECI.
    @Test func kanjiTextNeedsNoECI() throws {
        #expect(try Self.modes("東京都港区1-2-3") == [.kanji, .alphanumeric])
        #expect(try Self.modes("日本語のテキスト") == [.kanji])
        // A character outside JIS X 0208 needs UTF-8 byte mode and so ECI 26, and after an
        // ECI no Kanji mode is used (decoders disagree on it): all of it is UTF-8 bytes.
        #expect(try Self.modes("日本語の😀") == [.eci, .byte])
        #expect(try Self.modes("日本語の😀", eci: .never) == [.kanji, .byte])
    }

    /// The planner's bit count equals what the writer produces, for assorted texts.
    @Test(arguments: ["", "0", "01", "012", "A", "AB", "ABC", "a", "点", "A1b2C3", "https://qr.acme.example/x",
                      "東京タワー333m", "Grüße aus Köln", "0123456789ABCDEFabcdef点茗"])
    func plannedBitsMatchWrittenBits(text: String) throws {
        let input = TextUnits(text: text)
        for versionClass in VersionClass.allCases {
            let plan = try #require(SegmentPlanner.plan(input, versionClass: versionClass, eciAssignment: nil,
                                                        allowKanji: true, forbidNonASCIIBytes: false))
            var buffer = BitBuffer(capacityBytes: 64)
            SegmentPlanner.write(plan, input: input, to: &buffer)
            #expect(buffer.bitCount == plan.bitCount)
        }
    }

    /// The dynamic programme finds the true minimum: compare it with every assignment of a
    /// mode to each character (consecutive characters in one mode form one segment) for short
    /// texts over an alphabet that exercises all four modes.
    @Test(arguments: VersionClass.allCases)
    func planIsOptimalAgainstExhaustiveSearch(versionClass: VersionClass) throws {
        var random = TestRandom(seed: 7 + UInt64(versionClass.rawValue))
        let alphabet: [Character] = Array("0123456789AZ:/ ab点日é")
        for _ in 0..<150 {
            let text = random.string(from: alphabet, count: 1 + random.below(7))
            let input = TextUnits(text: text)
            let plan = try #require(SegmentPlanner.plan(input, versionClass: versionClass, eciAssignment: nil,
                                                        allowKanji: true, forbidNonASCIIBytes: false))
            #expect(plan.bitCount == Self.exhaustiveMinimum(text, versionClass: versionClass), "\(text)")
        }
    }

    static func exhaustiveMinimum(_ text: String, versionClass: VersionClass) -> Int {
        let characters = Array(text.unicodeScalars)
        func allowed(_ scalar: Unicode.Scalar) -> [Segment.Mode] {
            var modes: [Segment.Mode] = [.byte]
            if ("0"..."9").contains(scalar) { modes.append(.numeric) }
            if "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".unicodeScalars.contains(scalar) { modes.append(.alphanumeric) }
            if ShiftJISKanji.qrValue(of: scalar.value) != nil { modes.append(.kanji) }
            return modes
        }
        func cost(_ mode: Segment.Mode, _ scalars: ArraySlice<Unicode.Scalar>) -> Int {
            let header = 4 + mode.countBits(versionClass)
            let count = scalars.count
            switch mode {
            case .numeric: return header + count / 3 * 10 + [0, 4, 7][count % 3]
            case .alphanumeric: return header + count / 2 * 11 + count % 2 * 6
            case .byte: return header + 8 * scalars.reduce(0) { $0 + String($1).utf8.count }
            default: return header + 13 * count
            }
        }
        var best = Int.max
        func search(_ index: Int, _ modes: [Segment.Mode]) {
            if index == characters.count {
                var total = 0, start = 0
                for end in 1...characters.count where end == characters.count || modes[end] != modes[start] {
                    total += cost(modes[start], characters[start..<end])
                    start = end
                }
                best = min(best, total)
                return
            }
            for mode in allowed(characters[index]) { search(index + 1, modes + [mode]) }
        }
        search(0, [])
        return best
    }
}

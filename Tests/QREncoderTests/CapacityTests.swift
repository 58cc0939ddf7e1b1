import Testing
@testable import QREncoder

/// For every version and level, the most characters of each mode that fit (ISO/IEC 18004
/// Table 7) encode in that version, and one more does not.
@Suite struct CapacityTests {
    enum Kind: String, CaseIterable {
        case numeric, alphanumeric, byte, kanji
    }

    static let levels = ErrorCorrection.allCases

    static func payload(_ kind: Kind, count: Int) -> String {
        let alphabet: [Character] = switch kind {
        case .numeric: Array("0123456789")
        // No digits: a run of them would be cheaper as a numeric segment.
        case .alphanumeric: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        case .byte: Array("abcdefghijklmnopqrstuvwxyz")
        case .kanji: Array("漢字点茗日本語東京")
        }
        return String((0..<count).map { alphabet[$0 % alphabet.count] })
    }

    static func capacity(_ kind: Kind, version: Int, level: ErrorCorrection) -> Int {
        let row = CapacityTable.capacity(version: version, level: level.ordinal)
        return switch kind {
        case .numeric: row.numeric
        case .alphanumeric: row.alphanumeric
        case .byte: row.byte
        case .kanji: row.kanji
        }
    }

    @Test(arguments: 1...40, Kind.allCases)
    func capacityMatchesTable7(version: Int, kind: Kind) throws {
        for level in Self.levels {
            let count = Self.capacity(kind, version: version, level: level)
            let options = EncodeOptions(ecl: level, minVersion: version, maxVersion: version, mask: 0,
                                        boostErrorCorrection: false, urlCompaction: .off)
            let fits = try QREncoder.encode(text: Self.payload(kind, count: count), options: options)
            #expect(fits.code.version == version)
            #expect(fits.code.errorCorrection == level)
            let expectedModes: [Segment.Mode] = switch kind {
            case .numeric: [.numeric]
            case .alphanumeric: [.alphanumeric]
            case .byte: [.byte]
            case .kanji: [.kanji]
            }
            #expect(fits.segmentModes == expectedModes, "\(kind) \(version)-\(level.rawValue)")
            #expect(throws: EncodeError.self, "\(count + 1) \(kind) in \(version)-\(level.rawValue)") {
                try QREncoder.encode(text: Self.payload(kind, count: count + 1), options: options)
            }
        }
    }

    /// With the full version range, the encoder picks the smallest version that holds the data.
    @Test(arguments: Kind.allCases)
    func smallestVersionIsChosen(kind: Kind) throws {
        for level in Self.levels {
            for version in [1, 9, 10, 26, 27, 40] {
                let count = Self.capacity(kind, version: version, level: level)
                let options = EncodeOptions(ecl: level, boostErrorCorrection: false, urlCompaction: .off)
                let result = try QREncoder.encode(text: Self.payload(kind, count: count), options: options)
                #expect(result.code.version == version, "\(count) \(kind) at \(level.rawValue)")
                if version < 40 {
                    let more = try QREncoder.encode(text: Self.payload(kind, count: count + 1), options: options)
                    #expect(more.code.version == version + 1, "\(count + 1) \(kind) at \(level.rawValue)")
                }
            }
        }
    }

    /// No version holds more characters of a mode than its character-count field can count,
    /// so one segment per run always suffices.
    @Test(arguments: 1...40)
    func countFieldsHoldTheCapacity(version: Int) {
        let versionClass = VersionTable.versionClass(version)
        for level in Self.levels {
            for kind in Kind.allCases {
                let mode: Segment.Mode = switch kind {
                case .numeric: .numeric
                case .alphanumeric: .alphanumeric
                case .byte: .byte
                case .kanji: .kanji
                }
                #expect(Self.capacity(kind, version: version, level: level) < 1 << mode.countBits(versionClass))
            }
        }
    }

    /// Input far beyond any symbol is rejected before any work on it.
    @Test func hugeInputIsRejected() {
        let text = String(repeating: "7", count: 1_000_000)
        #expect(throws: EncodeError.dataTooLong(bytes: 1_000_000, maxVersion: 40, ecl: .medium)) {
            try QREncoder.encode(text: text)
        }
        #expect(throws: EncodeError.dataTooLong(bytes: 7090, maxVersion: 40, ecl: .low)) {
            try QREncoder.encode(bytes: [UInt8](repeating: 0x31, count: 7090), options: EncodeOptions(ecl: .low))
        }
        // 7,089 digits is exactly 40-L.
        #expect(throws: Never.self) {
            try QREncoder.encode(text: String(repeating: "7", count: 7089), options: EncodeOptions(ecl: .low, mask: 0))
        }
    }

    @Test func tooLongReportsBytesVersionAndLevel() {
        let text = String(repeating: "a", count: 2954)
        #expect(throws: EncodeError.dataTooLong(bytes: 2954, maxVersion: 40, ecl: .low)) {
            try QREncoder.encode(text: text, options: EncodeOptions(ecl: .low))
        }
        #expect(throws: EncodeError.dataTooLong(bytes: 30, maxVersion: 2, ecl: .high)) {
            try QREncoder.encode(text: String(repeating: "a", count: 30),
                                 options: EncodeOptions(ecl: .high, maxVersion: 2))
        }
    }
}

/// One segment of a QR data stream: a mode, a character count and the data bits
/// (ISO/IEC 18004, 7.4). Build segments with the `make…` factories, or let
/// `QREncoder.encode(text:options:)` choose them optimally.
public struct Segment: Sendable, Equatable {
    public enum Mode: Sendable, Equatable, CaseIterable {
        case numeric, alphanumeric, byte, kanji, eci

        /// The 4-bit mode indicator (Table 2).
        var indicator: UInt32 {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            case .kanji: 0b1000
            case .eci: 0b0111
            }
        }

        /// Width of the character-count field in the given version class (Table 3).
        func countBits(_ versionClass: VersionClass) -> Int {
            switch (self, versionClass) {
            case (.numeric, .small): 10
            case (.numeric, .medium): 12
            case (.numeric, .large): 14
            case (.alphanumeric, .small): 9
            case (.alphanumeric, .medium): 11
            case (.alphanumeric, .large): 13
            case (.byte, .small): 8
            case (.byte, _): 16
            case (.kanji, .small): 8
            case (.kanji, .medium): 10
            case (.kanji, .large): 12
            case (.eci, _): 0
            }
        }
    }

    public let mode: Mode
    /// Characters (digits, alphanumeric characters, bytes or kanji) counted in the header;
    /// 0 for an ECI segment.
    public let characterCount: Int
    /// The payload as text (for byte segments, the bytes decoded as UTF-8).
    public let text: String
    /// Data bits after the header, most significant bit first.
    let data: [UInt8]
    let dataBitCount: Int

    init(mode: Mode, characterCount: Int, text: String, data: [UInt8], dataBitCount: Int) {
        self.mode = mode
        self.characterCount = characterCount
        self.text = text
        self.data = data
        self.dataBitCount = dataBitCount
    }

    /// Bits this segment takes in a symbol of the given version class, or nil when its
    /// character count does not fit the count field.
    func bitLength(in versionClass: VersionClass) -> Int? {
        let countBits = mode.countBits(versionClass)
        if mode != .eci && characterCount >= 1 << countBits { return nil }
        return 4 + countBits + dataBitCount
    }

    /// Appends header and data to a bit stream.
    func write(to buffer: inout BitBuffer, versionClass: VersionClass) {
        buffer.append(mode.indicator, bits: 4)
        let countBits = mode.countBits(versionClass)
        if countBits > 0 { buffer.append(UInt32(characterCount), bits: countBits) }
        var remaining = dataBitCount
        var index = 0
        while remaining >= 8 {
            buffer.append(UInt32(data[index]), bits: 8)
            index += 1
            remaining -= 8
        }
        if remaining > 0 {
            buffer.append(UInt32(data[index] >> (8 - remaining)), bits: remaining)
        }
    }
}

// MARK: - Factories

extension Segment {
    /// A numeric-mode segment: decimal digits only, 10 bits per three digits.
    public static func makeNumeric(_ digits: String) throws(EncodeError) -> Segment {
        let bytes = Array(digits.utf8)
        guard bytes.allSatisfy(CharacterClass.isDigit) else {
            throw .invalidOption("numeric segment may hold only the digits 0-9")
        }
        var buffer = BitBuffer(capacityBytes: (bytes.count * 10 + 7) / 24 * 3 + 2)
        SegmentWriter.writeNumeric(bytes[...], to: &buffer)
        return Segment(mode: .numeric, characterCount: bytes.count, text: digits,
                       data: buffer.bytesPaddedToByte(), dataBitCount: buffer.bitCount)
    }

    /// An alphanumeric-mode segment: 0-9, A-Z, space and `$ % * + - . / :`, 11 bits per pair.
    public static func makeAlphanumeric(_ text: String) throws(EncodeError) -> Segment {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy(CharacterClass.isAlphanumeric) else {
            throw .invalidOption("alphanumeric segment may hold only 0-9, A-Z, space and $%*+-./:")
        }
        var buffer = BitBuffer(capacityBytes: bytes.count * 6 / 8 + 2)
        SegmentWriter.writeAlphanumeric(bytes[...], to: &buffer)
        return Segment(mode: .alphanumeric, characterCount: bytes.count, text: text,
                       data: buffer.bytesPaddedToByte(), dataBitCount: buffer.bitCount)
    }

    /// A byte-mode segment holding the bytes as they are.
    public static func makeBytes(_ bytes: [UInt8]) -> Segment {
        Segment(mode: .byte, characterCount: bytes.count, text: String(decoding: bytes, as: UTF8.self),
                data: bytes, dataBitCount: bytes.count * 8)
    }

    /// A Kanji-mode segment: every character must be a JIS X 0208 character (Shift_JIS
    /// double-byte, 0x8140–0x9FFC or 0xE040–0xEBBF); 13 bits each.
    public static func makeKanji(_ text: String) throws(EncodeError) -> Segment {
        var buffer = BitBuffer(capacityBytes: text.unicodeScalars.count * 2 + 2)
        var count = 0
        for scalar in text.unicodeScalars {
            guard let code = ShiftJISKanji.qrValue(of: scalar.value) else {
                throw .invalidOption("character U+\(String(scalar.value, radix: 16, uppercase: true)) has no QR Kanji-mode code")
            }
            buffer.append(UInt32(code), bits: 13)
            count += 1
        }
        return Segment(mode: .kanji, characterCount: count, text: text,
                       data: buffer.bytesPaddedToByte(), dataBitCount: buffer.bitCount)
    }

    /// An Extended Channel Interpretation designator (7.4.2), e.g. 26 for UTF-8.
    public static func makeECI(_ assignment: Int) throws(EncodeError) -> Segment {
        guard (0...999_999).contains(assignment) else {
            throw .invalidOption("ECI assignment must be in 0...999999, got \(assignment)")
        }
        var buffer = BitBuffer(capacityBytes: 3)
        SegmentWriter.writeECIDesignator(assignment, to: &buffer)
        return Segment(mode: .eci, characterCount: 0, text: "",
                       data: buffer.bytesPaddedToByte(), dataBitCount: buffer.bitCount)
    }
}

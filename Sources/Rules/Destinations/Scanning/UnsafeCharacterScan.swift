/// Finds the characters in a destination that a web server would expand, split on or decode
/// into something dangerous, and builds the safe (percent-encoded) form for the hint.
struct UnsafeCharacterScan {
    enum Kind: Sendable {
        /// `$`: nginx and Apache expand variables.
        case variable
        /// `{` or `}`: Caddy expands placeholders (and `{$ENV}` at parse time).
        case placeholder
        /// C0, DEL and C1 controls: response splitting, truncated config lines.
        case control
        /// Spaces and line breaks of any kind: servers split on them.
        case whitespace
        /// Zero-width and bidirectional controls: they hide what the URL says.
        case invisible
        /// `"`, `'`, backtick, `\`: they break the quoting of server configuration files.
        case quoting
        /// `<`, `>`, `|`, `^`: not allowed unencoded in URLs (RFC 3986); shells and configs choke.
        case delimiter
        /// `%00`–`%1F`, `%7F`, `%C2%80`–`%C2%9F`: controls that servers decode.
        case encodedControl
    }

    struct Offender: Sendable {
        let kind: Kind
        /// The character as written (for `encodedControl`, the escape such as `%0d`).
        let text: String
        /// 1-based position in the destination, counted in Unicode scalars.
        let position: Int
        /// UTF-8 byte range in the destination.
        let bytes: Range<Int>
    }

    let offenders: [Offender]

    init(_ text: String) {
        offenders = text.utf8.withContiguousStorageIfAvailable { Self.scan($0) } ?? Self.scan(Array(text.utf8))
    }

    private static func scan<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> [Offender]
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var found: [Offender] = []
        var position = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            position += 1
            if byte < 0x80 {
                if let kind = asciiKind(byte) {
                    found.append(Offender(kind: kind, text: String(UnicodeScalar(byte)), position: position, bytes: index ..< index + 1))
                } else if byte == UInt8(ascii: "%"), let length = encodedControlLength(bytes, at: index) {
                    let text = String(decoding: bytes[index ..< index + length], as: UTF8.self)
                    found.append(Offender(kind: .encodedControl, text: text, position: position, bytes: index ..< index + length))
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(index + length, bytes.endIndex)
            if let scalar = String(decoding: bytes[index ..< end], as: UTF8.self).unicodeScalars.first, let kind = kind(of: scalar) {
                found.append(Offender(kind: kind, text: String(scalar), position: position, bytes: index ..< end))
            }
            index = end
        }
        return found
    }

    private static func asciiKind(_ byte: UInt8) -> Kind? {
        switch byte {
        case 0x00 ..< 0x20, 0x7F: .control
        case UInt8(ascii: " "): .whitespace
        case UInt8(ascii: "$"): .variable
        case UInt8(ascii: "{"), UInt8(ascii: "}"): .placeholder
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "\\"): .quoting
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "^"): .delimiter
        default: nil
        }
    }

    /// Invisible Hangul fillers, letters by category but blank on screen.
    private static let blankLetters: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0]

    static func kind(of scalar: Unicode.Scalar) -> Kind? {
        if scalar.isASCII { return asciiKind(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .control: return .control
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .whitespace
        case .format: return .invisible
        default: return blankLetters.contains(scalar.value) ? .invisible : nil
        }
    }

    /// The length of a percent-encoded control at `index` (`%0d`: 3, `%C2%85`: 6), or nil.
    private static func encodedControlLength<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let value = hexPair(bytes, at: index + 1) else { return nil }
        if value < 0x20 || value == 0x7F { return 3 }
        if value == 0xC2, index + 5 < bytes.endIndex, bytes[index + 3] == UInt8(ascii: "%"),
           let next = hexPair(bytes, at: index + 4), (0x80 ... 0x9F).contains(next) { return 6 }
        return nil
    }

    private static func hexPair<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> UInt8?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard index + 1 < bytes.endIndex, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The destination with every raw offender percent-encoded (UTF-8, upper-case hex) and
    /// every encoded control removed.
    static func repaired(_ text: String, offenders: [Offender]) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + offenders.count * 6)
        var next = 0
        for offender in offenders {
            output += bytes[next ..< offender.bytes.lowerBound]
            if offender.kind != .encodedControl {
                for byte in bytes[offender.bytes] { output += percentEncoded(byte) }
            }
            next = offender.bytes.upperBound
        }
        output += bytes[next...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func percentEncoded(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}

/// Writes JSON (RFC 8259) straight into bytes, minified or pretty (two-space indentation,
/// `"key": value`, empty containers as `[]` / `{}`). Strings are escaped as the diagnostics'
/// JSON writer does: `"` and `\`, the control characters and U+007F as `\b \f \n \r \t` or
/// `\u00XX`, U+2028 and U+2029 as `\u2028` / `\u2029`; everything else is written as UTF-8.
struct JSONStream {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Per open container: whether it has a member yet.
    private var open: [Bool] = []
    private var afterKey = false

    init(pretty: Bool) { self.pretty = pretty }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.last else { return }
        if last { bytes.append(0x2C) }
        open[open.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<open.count { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func beginObject() { startValue(); bytes.append(0x7B); open.append(false) }
    mutating func beginArray() { startValue(); bytes.append(0x5B); open.append(false) }

    mutating func endObject() { end(0x7D) }
    mutating func endArray() { end(0x5D) }

    private mutating func end(_ bracket: UInt8) {
        let hadMembers = open.removeLast()
        if hadMembers { newline() }
        bytes.append(bracket)
    }

    mutating func key(_ name: StaticString) {
        startValue()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// A value written elsewhere (a code's object from `CodeJSON`), as is.
    mutating func value(_ written: UnsafeBufferPointer<UInt8>) {
        startValue()
        bytes.append(contentsOf: written)
    }

    mutating func string(_ text: String) {
        startValue()
        Self.quote(text, into: &bytes)
    }

    mutating func int(_ value: Int64) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func finish() { bytes.append(0x0A) }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Hands what is written so far to `sink` and forgets it (keeping the buffer's capacity).
    mutating func drain<Failure: Error>(into sink: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in try sink(buffer) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// `"YYYY-MM-DDTHH:MM:SSZ"` for seconds since 1970 in years 0000–9999 (UTC, proleptic
    /// Gregorian: the same text as `Catalog.Instant.description`, written without building a
    /// String).
    mutating func instant(_ seconds: Int64) {
        startValue()
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        // Days to civil date (H. Hinnant, "chrono-compatible low-level date algorithms").
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        bytes.append(0x22)
        digits(Int(year), 4)
        bytes.append(0x2D)
        digits(Int(month), 2)
        bytes.append(0x2D)
        digits(Int(day), 2)
        bytes.append(0x54)
        digits(rest / 3_600, 2)
        bytes.append(0x3A)
        digits(rest / 60 % 60, 2)
        bytes.append(0x3A)
        digits(rest % 60, 2)
        bytes.append(0x5A)
        bytes.append(0x22)
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    static func quote(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escape at all: copy them whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x00...0x1F, 0x7F: unicodeEscape(UInt32(byte), into: &bytes)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                    unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &bytes)
                    index += 3
                    continue
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(0x22)
    }

    private static func unicodeEscape(_ value: UInt32, into bytes: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x5C)
        bytes.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}

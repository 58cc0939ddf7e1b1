/// Recognises hosts that are IP addresses in any form a browser accepts (WHATWG URL host
/// parsing): IPv6 in brackets, and IPv4 when the last label is a number, written in decimal,
/// octal (leading `0`) or hex (`0x`), in one to four parts: `127.0.0.1`, `2130706433`,
/// `0x7f.1`, `0177.0.0.1`.
enum IPAddressLiteral {
    /// The address in its usual notation, or nil when `host` is a name.
    /// An IPv4-looking host that is out of range is still reported, as written.
    static func address(of host: Substring) -> String? {
        if host.utf8.first == UInt8(ascii: "[") { return String(host) }
        // Fast path for names: the last label of an IPv4 host starts with a digit.
        guard host.utf8.withContiguousStorageIfAvailable(lastLabelStartsWithDigit) ?? lastLabelStartsWithDigit(Array(host.utf8))
        else { return nil }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
        guard let last = labels.last, endsInNumber(last) else { return nil }
        return dotted(labels) ?? String(host)
    }

    private static func lastLabelStartsWithDigit<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var end = bytes.endIndex
        if end - bytes.startIndex > 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var start = end
        while start > bytes.startIndex, bytes[start - 1] != UInt8(ascii: ".") { start -= 1 }
        return start < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start])
    }

    private static func dotted(_ labels: [Substring]) -> String? {
        guard (1...4).contains(labels.count) else { return nil }
        var parts: [UInt64] = []
        for label in labels {
            guard let value = number(label) else { return nil }
            parts.append(value)
        }
        guard let last = parts.last, parts.dropLast().allSatisfy({ $0 <= 255 }) else { return nil }
        let bits = UInt64(8 * (5 - parts.count))
        guard last < (1 << bits) else { return nil }
        var address = last
        for (index, part) in parts.dropLast().enumerated() { address += part << UInt64(8 * (3 - index)) }
        return (0..<4).map { String((address >> UInt64(8 * (3 - $0))) & 0xFF) }.joined(separator: ".")
    }

    /// A WHATWG IPv4 number: decimal, `0`-prefixed octal, or `0x`-prefixed hex.
    private static func number(_ label: Substring) -> UInt64? {
        guard !label.isEmpty else { return nil }
        var digits = label
        var radix: UInt64 = 10
        if label.count >= 2, label.hasPrefix("0x") || label.hasPrefix("0X") {
            digits = label.dropFirst(2)
            radix = 16
            if digits.isEmpty { return 0 }
        } else if label.count >= 2, label.hasPrefix("0") {
            digits = label.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow, shifted <= UInt64.max - UInt64(digit) else { return nil }
            value = shifted + UInt64(digit)
        }
        return value
    }

    /// WHATWG's "ends in a number": the last label is all digits (even an invalid octal such
    /// as `08`) or a hex number; such a host is parsed as IPv4 (or rejected), never as a name.
    private static func endsInNumber(_ label: Substring) -> Bool {
        (!label.isEmpty && label.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            || ((label.hasPrefix("0x") || label.hasPrefix("0X")) && number(label) != nil)
    }
}

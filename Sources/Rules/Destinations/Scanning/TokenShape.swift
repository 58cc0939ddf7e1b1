/// Whether a query value looks like a random token rather than a word, slug or id.
/// Random base64 switches between upper case, lower case, digits and symbols on most
/// characters; slugs and CamelCase campaign names rarely do.
struct TokenShape {
    let length: Int
    let isHex: Bool
    let hasUpper: Bool
    let hasLower: Bool
    let hasDigit: Bool
    let inAlphabet: Bool
    /// Share of adjacent characters of different classes (upper, lower, digit, other).
    let switches: Double

    init(_ value: Substring) {
        var length = 0
        var isHex = true
        var upper = false
        var lower = false
        var digit = false
        var inAlphabet = true
        var switchCount = 0
        var previous: UInt8?
        for byte in value.utf8 {
            length += 1
            let kind: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kind = 0; upper = true; isHex = isHex && byte <= UInt8(ascii: "F")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): kind = 1; lower = true; isHex = isHex && byte <= UInt8(ascii: "f")
            case UInt8(ascii: "0")...UInt8(ascii: "9"): kind = 2; digit = true
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "%"):
                kind = 3; isHex = false
            default: kind = 4; isHex = false; inAlphabet = false
            }
            if let previous, previous != kind { switchCount += 1 }
            previous = kind
        }
        self.length = length
        self.isHex = isHex
        hasUpper = upper
        hasLower = lower
        hasDigit = digit
        self.inAlphabet = inAlphabet
        switches = length > 1 ? Double(switchCount) / Double(length - 1) : 0
    }

    /// `named`: the parameter's name says it is a token (`token`, `session`, `key`, ...), so a
    /// shorter and less random value is enough.
    func looksRandom(named: Bool) -> Bool {
        guard inAlphabet else { return false }
        let hasLetter = hasUpper || hasLower
        if isHex { return length >= (named ? 16 : 32) && hasDigit && hasLetter }
        if named { return length >= 16 && hasDigit && hasLetter && switches >= 0.3 }
        return length >= 24 && hasUpper && hasLower && hasDigit && switches >= 0.4
    }
}

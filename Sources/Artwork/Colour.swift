/// A print colour: device RGB (0–255 per channel) or process CMYK (0–100 % per ink).
///
/// PDF and EPS write CMYK as CMYK (`k` / `setcmykcolor`); SVG, PNG and text have no CMYK, so
/// they use `rgbApproximation`, the naive uncalibrated conversion (no ICC profile).
public enum Colour: Sendable, Hashable, CustomStringConvertible {
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
    case cmyk(cyan: Double, magenta: Double, yellow: Double, black: Double)

    public static let black = Colour.rgb(red: 0, green: 0, blue: 0)
    public static let white = Colour.rgb(red: 255, green: 255, blue: 255)

    /// Parses `#RRGGBB` (either case) or `cmyk(C,M,Y,K)` with percentages 0–100 (an optional `%`
    /// after each, spaces allowed); nil on anything else.
    public init?(parsing text: String) {
        if text.hasPrefix("#") {
            guard let colour = Colour.parseHex(text.dropFirst()) else { return nil }
            self = colour
        } else if text.hasPrefix("cmyk("), text.hasSuffix(")") {
            guard let colour = Colour.parseCMYK(text.dropFirst(5).dropLast()) else { return nil }
            self = colour
        } else {
            return nil
        }
    }

    /// Whether every CMYK percentage is a finite number in 0...100 (RGB is always valid).
    public var isValid: Bool {
        switch self {
        case .rgb:
            return true
        case let .cmyk(cyan, magenta, yellow, black):
            return [cyan, magenta, yellow, black].allSatisfy { $0.isFinite && (0...100).contains($0) }
        }
    }

    /// `#RRGGBB` or `cmyk(C,M,Y,K)`, the syntax `init?(parsing:)` reads.
    public var description: String {
        switch self {
        case .rgb:
            return hexRGB
        case let .cmyk(cyan, magenta, yellow, black):
            let inks = [cyan, magenta, yellow, black].map { DecimalText.format($0, fractionDigits: 2) }
            return "cmyk(\(inks.joined(separator: ",")))"
        }
    }

    /// The colour in RGB: exact for `.rgb`, `255 × (1 − ink) × (1 − K)` for `.cmyk`.
    public var rgbApproximation: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case let .rgb(red, green, blue):
            return (red, green, blue)
        case let .cmyk(cyan, magenta, yellow, black):
            let white = 1 - Colour.fraction(black)
            func channel(_ ink: Double) -> UInt8 {
                UInt8((255 * (1 - Colour.fraction(ink)) * white).rounded())
            }
            return (channel(cyan), channel(magenta), channel(yellow))
        }
    }

    /// `#RRGGBB` of `rgbApproximation`, upper-case.
    public var hexRGB: String {
        let (red, green, blue) = rgbApproximation
        return "#" + [red, green, blue].map(Colour.hexByte).joined()
    }

    /// A percentage clamped to 0...1 (NaN counts as 0), so conversions never trap.
    static func fraction(_ percent: Double) -> Double {
        guard percent.isFinite else { return 0 }
        return min(max(percent / 100, 0), 1)
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func parseHex(_ digits: Substring) -> Colour? {
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit),
              let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    private static func parseCMYK(_ body: Substring) -> Colour? {
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var inks: [Double] = []
        for part in parts {
            var text = part.trimmingSpaces
            if text.hasSuffix("%") { text = text.dropLast().trimmingSpaces }
            guard let value = DecimalText.parseUnsigned(text), value <= 100 else { return nil }
            inks.append(value)
        }
        return .cmyk(cyan: inks[0], magenta: inks[1], yellow: inks[2], black: inks[3])
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}

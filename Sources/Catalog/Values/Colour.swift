#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A print colour: `#RRGGBB` (sRGB) or `cmyk(C,M,Y,K)` with percentages 0-100.
public enum Colour: Sendable, Hashable, CustomStringConvertible {
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
    case cmyk(cyan: Double, magenta: Double, yellow: Double, black: Double)

    public static func parse(_ text: String) -> Colour? {
        let bytes = Array(text.utf8)
        if bytes.count == 7, bytes[0] == UInt8(ascii: "#") {
            var values: [UInt8] = []
            for index in stride(from: 1, to: 7, by: 2) {
                guard let high = hex(bytes[index]), let low = hex(bytes[index + 1]) else { return nil }
                values.append(high << 4 | low)
            }
            return .rgb(red: values[0], green: values[1], blue: values[2])
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("cmyk("), lower.hasSuffix(")") else { return nil }
        let parts = lower.dropFirst(5).dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var numbers: [Double] = []
        for part in parts {
            var trimmed = part.trimmingSpaces
            if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()) }
            guard let value = Double(trimmed), (0...100).contains(value) else { return nil }
            numbers.append(value)
        }
        return .cmyk(cyan: numbers[0], magenta: numbers[1], yellow: numbers[2], black: numbers[3])
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Relative luminance (WCAG 2.x), 0 (black) to 1 (white); CMYK is converted naively.
    public var relativeLuminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let (r, g, b): (Double, Double, Double)
        switch self {
        case .rgb(let red, let green, let blue):
            (r, g, b) = (Double(red) / 255, Double(green) / 255, Double(blue) / 255)
        case .cmyk(let c, let m, let y, let k):
            let kk = 1 - k / 100
            (r, g, b) = ((1 - c / 100) * kk, (1 - m / 100) * kk, (1 - y / 100) * kk)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    public var description: String {
        switch self {
        case .rgb(let r, let g, let b):
            "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        case .cmyk(let c, let m, let y, let k):
            "cmyk(\(c),\(m),\(y),\(k))"
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

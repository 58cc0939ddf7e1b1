#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog

/// The WCAG 2.x contrast ratio of two colours, `(L1 + 0.05) / (L2 + 0.05)` with L1 the
/// lighter relative luminance: 1 (identical) to 21 (black on white). Order does not matter.
enum ContrastRatio {
    static func between(_ first: Colour, _ second: Colour) -> Double {
        let a = luminance(first), b = luminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// `Colour.relativeLuminance`, with the sRGB curve of 8-bit channels from a table: two
    /// rules ask for it on every code, and `pow` is most of its cost.
    static func luminance(_ colour: Colour) -> Double {
        guard case .rgb(let red, let green, let blue) = colour else { return colour.relativeLuminance }
        return 0.2126 * linear[Int(red)] + 0.7152 * linear[Int(green)] + 0.0722 * linear[Int(blue)]
    }

    /// Linear light of each 8-bit sRGB channel value (WCAG 2.x), as `Colour.relativeLuminance` computes it.
    private static let linear: [Double] = (0...255).map { value in
        let c = Double(value) / 255
        return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
}

/// Locale-independent decimal numbers for the text formats (SVG, PDF, EPS) and the unit
/// parsers: the same value always prints the same way on every machine.
enum DecimalText {
    /// `value` rounded to at most `fractionDigits` decimals, trailing zeros removed
    /// (`70.8661`, `25`, `-0.5`). Non-finite or huge values, which renderers reject before
    /// printing, fall back to Swift's own spelling (`nan`, `1e+300`) so error messages stay true.
    static func format(_ value: Double, fractionDigits: Int = 4) -> String {
        var scale = 1
        for _ in 0..<max(0, min(fractionDigits, 9)) { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return String(value) }
        let units = Int(scaled)
        let magnitude = units.magnitude
        let whole = magnitude / UInt(scale)
        var fraction = String(magnitude % UInt(scale))
        let sign = units < 0 ? "-" : ""
        guard scale > 1, magnitude % UInt(scale) != 0 else { return sign + String(whole) }
        fraction = String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + "." + fraction
    }

    /// `12`, `12.5`, `.5` or `12.` style unsigned decimals (ASCII digits only, no exponent); nil
    /// on anything else.
    static func parseUnsigned(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = parts.joined()
        guard !digits.isEmpty, digits.count <= 30,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Double(text.hasPrefix(".") ? "0" + text : String(text))
    }
}

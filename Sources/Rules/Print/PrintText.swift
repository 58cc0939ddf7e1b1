/// Number wording shared by the print rules (no Foundation formatting on the hot path).
enum PrintText {
    /// `value` with exactly `places` decimals, rounded down by default: a measured value below
    /// a minimum must never print as the minimum itself.
    static func decimal(_ value: Double, places: Int, rounding: FloatingPointRoundingRule = .down) -> String {
        guard value.isFinite, value >= 0 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // The nudge keeps 0.33 (0.32999…) from printing as 0.32.
        let nudge = rounding == .down ? 1 + 1e-12 : rounding == .up ? 1 - 1e-12 : 1
        let scaled = (value * scale * nudge).rounded(rounding)
        guard scaled < 1e15 else { return "\(value)" }
        let whole = Int(scaled), unit = Int(scale)
        let integer = String(whole / unit)
        guard places > 0 else { return integer }
        let fraction = String(whole % unit)
        return integer + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A configured number as written: `3`, `4.5`, `0.33` (up to two decimals, no trailing zeros).
    static func plain(_ value: Double) -> String {
        var text = decimal(value, places: 2, rounding: .toNearestOrAwayFromZero)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Millimetres with two decimals, rounded down: `0.29 mm`.
    static func millimetres(_ value: Double) -> String { decimal(value, places: 2) + " mm" }

    /// A length to write in YAML, rounded up to a tenth of a millimetre: `13.6mm`.
    static func sizeToWrite(atLeast millimetres: Double) -> String {
        let text = decimal(millimetres, places: 1, rounding: .up)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "mm"
    }

    /// A ratio as `4.48:1`, rounded down.
    static func ratio(_ value: Double) -> String { decimal(value, places: 2) + ":1" }
}

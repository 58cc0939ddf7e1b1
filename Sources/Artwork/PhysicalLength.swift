/// A length on paper, stored in millimetres.
///
/// `PhysicalLength(parsing:)` reads a number with a unit: `25mm`, `2.5cm`, `1in`, `72pt`, or
/// `96px` (a CSS reference pixel, 1/96 in). A space may separate number and unit.
public struct PhysicalLength: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let millimetres: Double

    public init(millimetres: Double) {
        self.millimetres = millimetres
    }

    public static func millimetres(_ value: Double) -> PhysicalLength { .init(millimetres: value) }
    public static func centimetres(_ value: Double) -> PhysicalLength { .init(millimetres: value * 10) }
    public static func inches(_ value: Double) -> PhysicalLength { .init(millimetres: value * 25.4) }
    public static func points(_ value: Double) -> PhysicalLength { .init(millimetres: value * 25.4 / 72) }

    /// The length in PostScript/PDF points (1 in = 72 pt).
    public var points: Double { millimetres * 72 / 25.4 }
    public var inches: Double { millimetres / 25.4 }

    /// Parses an unsigned decimal followed by `mm`, `cm`, `in`, `pt` or `px`; nil on a missing
    /// or unknown unit, a sign, an exponent, or anything that is not a plain decimal number.
    public init?(parsing text: String) {
        let units: [(suffix: String, millimetresPerUnit: Double)] = [
            ("mm", 1), ("cm", 10), ("in", 25.4), ("pt", 25.4 / 72), ("px", 25.4 / 96),
        ]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }) else { return nil }
        let number = Substring(text).dropLast(unit.suffix.count)
        let trimmed = number.last == " " ? number.dropLast() : number
        guard let value = DecimalText.parseUnsigned(trimmed) else { return nil }
        self.init(millimetres: value * unit.millimetresPerUnit)
    }

    /// `25mm`, `70.8661mm`: millimetres with at most four decimals.
    public var description: String { DecimalText.format(millimetres) + "mm" }

    public static func < (lhs: PhysicalLength, rhs: PhysicalLength) -> Bool {
        lhs.millimetres < rhs.millimetres
    }
}

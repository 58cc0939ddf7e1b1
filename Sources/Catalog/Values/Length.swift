/// A physical length, written as a number and a unit: `25mm`, `2.5cm`, `1in`, `72pt`, `2m`.
/// Stored in millimetres. (`px` is accepted for screen artwork, at 96 px per inch.)
public struct Length: Sendable, Hashable, CustomStringConvertible {
    public var millimetres: Double
    public var written: String

    public static let units: [(String, Double)] = [
        ("mm", 1), ("cm", 10), ("m", 1000), ("in", 25.4), ("pt", 25.4 / 72), ("px", 25.4 / 96),
    ]

    public static func parse(_ text: String) -> Length? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number.first != ".", number.last != ".",
              let value = Double(number), value > 0, value < 100_000 else { return nil }
        let unit = text.dropFirst(number.count)
        guard let factor = units.first(where: { $0.0 == unit })?.1 else { return nil }
        return Length(millimetres: value * factor, written: text)
    }

    public var description: String { written }
}

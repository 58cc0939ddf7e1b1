/// A duration in policy files: a whole number and a unit, `30d`, `2w`, `6mo`, `10y`.
public struct CalendarDuration: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case days = "d", weeks = "w", months = "mo", years = "y"
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    public static func parse(_ text: String) -> CalendarDuration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let count = Int(digits), count > 0,
              let unit = Unit(rawValue: String(text.dropFirst(digits.count))) else { return nil }
        return CalendarDuration(count: count, unit: unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }
}

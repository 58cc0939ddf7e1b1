import Catalog

/// Wording shared by the lifecycle rules.
enum LifecycleText {
    /// How long from `start` to `end` in calendar units, e.g. `10y 2mo 3d` (`0d` when not later).
    static func span(from start: Instant, to end: Instant) -> String {
        var cursor = start
        var parts: [String] = []
        for unit in [CalendarDuration.Unit.years, .months] {
            var count = 0
            while count < 10_000, cursor.adding(CalendarDuration(count: count + 1, unit: unit)) <= end { count += 1 }
            if count > 0 {
                parts.append("\(count)\(unit.rawValue)")
                cursor = cursor.adding(CalendarDuration(count: count, unit: unit))
            }
        }
        let days = max(0, (end.seconds - cursor.seconds) / 86_400)
        if days > 0 || parts.isEmpty { parts.append("\(days)d") }
        return parts.joined(separator: " ")
    }

    /// Whole days from `now` until `later`, rounded up (`later` within the day counts as 1).
    static func daysUntil(_ later: Instant, from now: Instant) -> Int64 {
        let seconds = later.seconds - now.seconds
        return seconds <= 0 ? 0 : (seconds + 86_399) / 86_400
    }

    /// The most seconds `duration` can span from any instant (a month counted as 31 days, a
    /// year as 366).
    static func longest(_ duration: CalendarDuration) -> Int64 {
        let days: Int64 = switch duration.unit {
        case .days: 1
        case .weeks: 7
        case .months: 31
        case .years: 366
        }
        return Int64(duration.count) * days * 86_400
    }

    /// Written length of a date value (`YYYY-MM-DD`), for highlighting.
    static let dateLength = 10
}

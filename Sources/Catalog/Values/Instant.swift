/// A point in time, in whole seconds since 1970-01-01T00:00:00Z (UTC). Written in files as a
/// date `YYYY-MM-DD` (midnight UTC) or an RFC 3339 instant with a zone.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`. Returns nil when malformed
    /// or when a field is out of range (month 13, February 30th, hour 24...).
    public static func parse(_ text: String) -> Instant? {
        var utf8 = Array(text.utf8)
        guard utf8.count >= 10 else { return nil }
        guard let year = digits(utf8, 0, 4), utf8[4] == 0x2D, let month = digits(utf8, 5, 2), utf8[7] == 0x2D,
              let day = digits(utf8, 8, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let midnight = Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
        if utf8.count == 10 { return Instant(seconds: midnight) }
        guard utf8.count >= 20, utf8[10] == 0x54 || utf8[10] == 0x74 || utf8[10] == 0x20,
              let hour = digits(utf8, 11, 2), utf8[13] == 0x3A, let minute = digits(utf8, 14, 2), utf8[16] == 0x3A,
              let second = digits(utf8, 17, 2), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        if utf8[index] == 0x2E {
            index += 1
            let start = index
            while index < utf8.count, (0x30...0x39).contains(utf8[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index < utf8.count else { return nil }
        var offset = 0
        switch utf8[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            guard index + 6 == utf8.count, let oh = digits(utf8, index + 1, 2), utf8[index + 3] == 0x3A,
                  let om = digits(utf8, index + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 60 + om) * 60 * (utf8[index] == 0x2D ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == utf8.count else { return nil }
        utf8.removeAll()
        return Instant(seconds: midnight + Int64(hour * 3600 + minute * 60 + min(second, 59) - offset))
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// RFC 3339 in UTC, e.g. `2026-12-01T00:00:00Z`.
    public var description: String {
        let days = Int(seconds.floorDivided(by: 86_400))
        // In 0..<86_400; wrapping arithmetic, as `days * 86_400` leaves Int64 near its minimum.
        let rest = Int(seconds &- Int64(days) &* 86_400)
        let (y, m, d) = CivilDate.civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// The calendar date part, `YYYY-MM-DD` (UTC).
    public var dateString: String {
        let (y, m, d) = CivilDate.civil(fromDays: Int(seconds.floorDivided(by: 86_400)))
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// This instant moved by a calendar duration (months and years keep the day of the month,
    /// clamped to the month's length).
    public func adding(_ duration: CalendarDuration) -> Instant {
        let days = Int(seconds.floorDivided(by: 86_400))
        let rest = seconds &- Int64(days) &* 86_400
        switch duration.unit {
        case .days: return Instant(seconds: seconds + Int64(duration.count) * 86_400)
        case .weeks: return Instant(seconds: seconds + Int64(duration.count) * 7 * 86_400)
        case .months, .years:
            let months = duration.unit == .years ? duration.count * 12 : duration.count
            let (y, m, d) = CivilDate.civil(fromDays: days)
            let total = y * 12 + (m - 1) + months
            let year = total.floorDivided(by: 12)
            let month = total - year * 12 + 1
            let day = min(d, CivilDate.daysIn(month: month, year: year))
            return Instant(seconds: Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400 + rest)
        }
    }
}

extension BinaryInteger {
    func floorDivided(by divisor: Self) -> Self {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's days-from-civil).
enum CivilDate {
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

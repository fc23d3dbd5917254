/// A point in time read from evidence: the UTC instant, plus what the evidence actually said.
///
/// Casebook never keeps only the normalized instant: the raw text, how precise it is and where the
/// time zone came from travel with it, so that a reader can check the conversion.
public struct Timestamp: Sendable, Hashable, Codable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64
    /// The text exactly as the evidence wrote it (for epoch numbers, the number as text).
    public var raw: String
    public var precision: Precision
    public var zoneSource: ZoneSource

    public init(microseconds: Int64, raw: String, precision: Precision, zoneSource: ZoneSource) {
        self.microseconds = microseconds
        self.raw = raw
        self.precision = precision
        self.zoneSource = zoneSource
    }

    /// How fine the original value was. Stored; raw values never change.
    public enum Precision: String, Sendable, Hashable, Codable {
        case day, minute, second, millisecond, microsecond
    }

    /// Where the UTC offset of the value came from. Stored; raw values never change.
    public enum ZoneSource: String, Sendable, Hashable, Codable {
        /// The value carries its own offset (`+0000`, `Z`, `+02:00`).
        case explicit
        /// An epoch number, UTC by definition.
        case epoch
        /// The format is documented as UTC but the text has no offset.
        case documentedUTC
        /// No zone in the text or the documentation; read as UTC and flagged.
        case assumedUTC
        /// A time zone abbreviation such as `PDT`, mapped to an offset.
        case abbreviation
        /// Derived from an identifier (for example a Twitter snowflake id), not from a written time.
        case derived
    }

    /// ISO 8601 in UTC with `Z`, with as many fraction digits as the precision has.
    public var iso8601: String { Timestamp.iso8601(microseconds: microseconds, precision: precision) }

    /// Formats an instant as ISO 8601 UTC.
    public static func iso8601(microseconds: Int64, precision: Precision = .second) -> String {
        let civil = CivilTime(microseconds: microseconds, offsetSeconds: 0)
        return civil.formatted(precision: precision, zoneSuffix: "Z")
    }
}

/// Calendar arithmetic without Foundation, so that output never depends on the host's locale or zone.
public struct CivilTime: Sendable, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Splits an instant, shifted by `offsetSeconds`, into calendar fields.
    public init(microseconds: Int64, offsetSeconds: Int) {
        let shifted = microseconds + Int64(offsetSeconds) * 1_000_000
        var seconds = shifted / 1_000_000
        var micro = shifted % 1_000_000
        if micro < 0 {
            micro += 1_000_000
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (y, m, d) = CivilTime.civil(fromDays: days)
        self.init(
            year: Int(y), month: Int(m), day: Int(d), hour: Int(secondOfDay / 3600),
            minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60), microsecond: Int(micro))
    }

    /// The instant these fields name, when read at the given UTC offset; nil for impossible dates.
    public func microseconds(offsetSeconds: Int = 0) -> Int64? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (0..<1_000_000).contains(microsecond), (-9999...99999).contains(year)
        else { return nil }
        guard day <= CivilTime.daysInMonth(year: year, month: month) else { return nil }
        let days = CivilTime.days(fromCivil: Int64(year), Int64(month), Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return seconds * 1_000_000 + Int64(microsecond)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff[fff]]` followed by the suffix.
    public func formatted(precision: Timestamp.Precision, zoneSuffix: String) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        var text = "\(year < 0 ? "-" : "")\(pad(abs(year), 4))-\(pad(month, 2))-\(pad(day, 2))T"
        text += "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        switch precision {
        case .millisecond: text += "." + pad(microsecond / 1000, 3)
        case .microsecond: text += "." + pad(microsecond, 6)
        default: break
        }
        return text + zoneSuffix
    }

    // Howard Hinnant's days-from-civil algorithms (public domain description).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

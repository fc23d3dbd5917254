import EvidenceModel

/// Parses the locale-text times of Facebook and Instagram HTML exports, without Foundation.
///
/// Forms: `Friday, October 4, 2013 at 10:05pm PDT` (legacy Facebook HTML), `Mar 01, 2024 10:15:02 am`
/// and `Mar 1, 2024, 10:15 PM` (newer HTML, no zone). Zone abbreviations come from a small table of
/// unambiguous ones; an abbreviation that is ambiguous (`CST`, `IST`, `BST`) or unknown, or no zone at
/// all, is read as UTC (`.assumedUTC`) and reported in `problem` so that the caller warns.
public enum MetaHTMLTime {
    /// A parsed time and, when the zone was not certain, why.
    public struct Result: Sendable, Hashable {
        public var timestamp: Timestamp
        /// Nil when the zone was read from the table; otherwise the reason for a warning.
        public var problem: String?
    }

    /// UTC offsets in seconds of the abbreviations read without a warning.
    public static let zones: [String: Int] = [
        "UTC": 0, "GMT": 0, "Z": 0, "PDT": -7 * 3600, "PST": -8 * 3600, "MDT": -6 * 3600, "MST": -7 * 3600,
        "EDT": -4 * 3600, "EST": -5 * 3600, "CDT": -5 * 3600, "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600,
        "EEST": 3 * 3600, "WET": 0, "WEST": 3600, "AKDT": -8 * 3600, "AKST": -9 * 3600, "HST": -10 * 3600,
    ]

    /// Abbreviations that name more than one zone; never guessed.
    public static let ambiguousZones: Set<String> = ["CST", "IST", "BST", "AST", "ADT"]

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]
    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun",
    ]

    /// Parses one time text; nil when it is not a form listed above.
    public static func parse(_ raw: String) -> Result? {
        var tokens = raw.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" || $0 == "\u{202F}" })
            .map { $0.lowercased() }
        if let first = tokens.first, weekdays.contains(first) { tokens.removeFirst() }
        tokens.removeAll { $0 == "at" }
        guard tokens.count >= 4 else { return nil }
        guard
            let month = months.firstIndex(where: {
                $0 == tokens[0] || (tokens[0].count >= 3 && $0.hasPrefix(tokens[0]))
            }),
            let day = Int(tokens[1]), let year = Int(tokens[2]), year > 1900
        else { return nil }
        var clock = tokens[3]
        var rest = Array(tokens.dropFirst(4))
        var meridiem: String?
        for suffix in ["am", "pm"] where clock.hasSuffix(suffix) {
            meridiem = suffix
            clock.removeLast(2)
        }
        if meridiem == nil, let next = rest.first, next == "am" || next == "pm" {
            meridiem = next
            rest.removeFirst()
        }
        let parts = clock.split(separator: ":").map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        var hour = parts[0]!
        let minute = parts[1]!
        let second = parts.count == 3 ? parts[2]! : 0
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "am" { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
        }
        let precision: Timestamp.Precision = parts.count == 3 ? .second : .minute
        let civil = CivilTime(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
        guard rest.count <= 1 else { return nil }
        var offset = 0
        var zoneSource = Timestamp.ZoneSource.assumedUTC
        var problem: String?
        if let zone = rest.first?.uppercased() {
            if let known = zones[zone] {
                offset = known
                zoneSource = .abbreviation
            } else if ambiguousZones.contains(zone) {
                problem = "time zone abbreviation \(zone) is ambiguous; the time is read as UTC"
            } else if let explicit = explicitOffset(zone) {
                offset = explicit
                zoneSource = .explicit
            } else {
                problem = "time zone abbreviation \(zone) is unknown; the time is read as UTC"
            }
        } else {
            problem = "the time has no zone; it is read as UTC"
        }
        guard let value = civil.microseconds(offsetSeconds: offset) else { return nil }
        return Result(
            timestamp: Timestamp(microseconds: value, raw: raw, precision: precision, zoneSource: zoneSource),
            problem: problem)
    }

    /// `UTC+02`, `GMT-0530`, `+01:00`.
    static func explicitOffset(_ text: String) -> Int? {
        var body = Substring(text)
        if body.hasPrefix("UTC") || body.hasPrefix("GMT") { body = body.dropFirst(3) }
        guard let sign = body.first, sign == "+" || sign == "-" else { return nil }
        let digits = body.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber) else { return nil }
        let hours = digits.count <= 2 ? Int(digits)! : Int(digits.prefix(digits.count - 2))!
        let minutes = digits.count <= 2 ? 0 : Int(digits.suffix(2))!
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

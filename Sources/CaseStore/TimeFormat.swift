import EvidenceModel

/// The ways exports write a UTC time that the `event` view can write again from `occurredAt`
/// (migration v6). An event whose raw time is, byte for byte, one of these renderings of its own time
/// stores no `timeRaw`; its shape names the format, and the view renders it. Any other raw time (an
/// offset other than UTC, a local time, a fraction the time does not keep) is stored as it was read.
///
/// Each case's rendering here must equal the view's SQL for it in `Migrations.v6`
/// (`TimeFormatTests` renders both over the whole supported range).
enum TimeFormat: String, CaseIterable, Sendable {
    /// `1611000000` (Facebook, Instagram JSON).
    case epochSeconds = "epoch-s"
    /// `1612345300000` (Facebook and Instagram messages).
    case epochMilliseconds = "epoch-ms"
    /// `2023-04-08T00:18:18.807Z` (Twitter direct messages, logins, account).
    case isoMillisecondsZ = "iso-ms-z"
    /// `2024-03-01T10:46:40Z`.
    case isoSecondsZ = "iso-s-z"
    /// `2024-02-20T08:00:00+00:00` (Instagram logins).
    case isoUTCOffset = "iso-utc-offset"
    /// `Thu Jun 29 18:00:55 +0000 2023` (Twitter tweets).
    case twitter
    /// `2015-03-01 18:02:15 +0000` (Twitter's older archives).
    case spacedUTC = "spaced-utc"

    /// Times from 1970 up to the end of year 9999, where SQLite's `strftime` and integer division
    /// agree with the renderings here.
    static let supported: ClosedRange<Int64> = 0...253_402_300_799_999_999

    /// The format `raw` is a rendering of `microseconds` in, if any.
    static func matching(raw: String, microseconds: Int64) -> TimeFormat? {
        guard supported.contains(microseconds) else { return nil }
        return candidates(for: raw).first { format in format.render(microseconds).map { ExactText.equal($0, raw) } ?? false }
    }

    /// The formats `raw` could be in, judged by its length and punctuation (digits alone: seconds or
    /// milliseconds, which the time decides).
    private static func candidates(for raw: String) -> [TimeFormat] {
        let bytes = Array(raw.utf8)
        func at(_ index: Int, _ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }
        switch bytes.count {
        case 1...16 where bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }): return [.epochSeconds, .epochMilliseconds]
        case 24 where at(10, "T") && at(23, "Z"): return [.isoMillisecondsZ]
        case 20 where at(10, "T") && at(19, "Z"): return [.isoSecondsZ]
        case 25 where at(10, "T") && at(19, "+"): return [.isoUTCOffset]
        case 25 where at(10, " ") && at(19, " "): return [.spacedUTC]
        case 30 where at(3, " ") && at(19, " "): return [.twitter]
        default: return []
        }
    }

    /// `microseconds` written in this format; nil when the format cannot hold it (a fraction of the
    /// second it does not write).
    func render(_ microseconds: Int64) -> String? {
        let civil = CivilTime(microseconds: microseconds, offsetSeconds: 0)
        switch self {
        case .epochSeconds:
            return microseconds % 1_000_000 == 0 ? String(microseconds / 1_000_000) : nil
        case .epochMilliseconds:
            return microseconds % 1_000 == 0 ? String(microseconds / 1_000) : nil
        case .isoMillisecondsZ:
            return microseconds % 1_000 == 0 ? civil.formatted(precision: .millisecond, zoneSuffix: "Z") : nil
        case .isoSecondsZ, .isoUTCOffset, .twitter, .spacedUTC:
            guard microseconds % 1_000_000 == 0 else { return nil }
            switch self {
            case .isoSecondsZ: return civil.formatted(precision: .second, zoneSuffix: "Z")
            case .isoUTCOffset: return civil.formatted(precision: .second, zoneSuffix: "+00:00")
            case .spacedUTC:
                // The ISO text with a space for the T, and the offset after another.
                var text = civil.formatted(precision: .second, zoneSuffix: " +0000")
                text.replaceSubrange(text.index(text.startIndex, offsetBy: 10)...text.index(text.startIndex, offsetBy: 10), with: " ")
                return text
            default:
                let iso = civil.formatted(precision: .second, zoneSuffix: "")
                let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
                let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                // 1970-01-01 was a Thursday.
                let weekday = weekdays[Int((microseconds / 86_400_000_000 + 4) % 7)]
                // `Thu Jun 29 18:00:55 +0000 2023`: day and clock from the ISO text (`2023-06-29T18:00:55`).
                let day = String(iso.dropFirst(8).prefix(2)), clock = String(iso.suffix(8)), year = String(iso.prefix(4))
                return [weekday, months[civil.month - 1], day, clock, "+0000", year].joined(separator: " ")
            }
        }
    }
}

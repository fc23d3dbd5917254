import EvidenceModel
import ExportFormats
import Foundation

/// Reading times typed by people (`--since 2021-01-01`) and showing stored times in a chosen zone.
public enum TimeInput {
    /// Parses `2021-01-01`, `2021-01-01T10:00`, `2021-01-01 10:00:00`, with or without `Z`/offset.
    /// Without an offset the text is read in `zone` (UTC when nil). Returns UTC microseconds.
    public static func parse(_ text: String, zone: TimeZone?) -> Int64? {
        guard let stamp = TimestampParsing.iso8601(text, withoutOffset: .assumedUTC) else { return nil }
        if stamp.zoneSource == .explicit { return stamp.microseconds }
        guard let zone else { return stamp.microseconds }
        // Read the wall-clock time in `zone`: shift by the zone's offset at that moment.
        let guess = Date(timeIntervalSince1970: Double(stamp.microseconds) / 1_000_000)
        let offset = zone.secondsFromGMT(for: guess)
        let adjusted = guess.addingTimeInterval(-Double(offset))
        let finalOffset = zone.secondsFromGMT(for: adjusted)
        return stamp.microseconds - Int64(finalOffset) * 1_000_000
    }

    /// `2021-03-22 14:22:50 +01:00` in `zone`, or ISO 8601 UTC with `Z` when zone is nil.
    public static func display(_ microseconds: Int64?, zone: TimeZone?, precision: String? = nil) -> String {
        guard let microseconds else { return "" }
        let stampPrecision = precision.flatMap(Timestamp.Precision.init(rawValue:)) ?? .second
        let shown: Timestamp.Precision = stampPrecision == .day ? .day : (stampPrecision == .minute ? .minute : .second)
        guard let zone else { return format(microseconds, offset: 0, precision: shown, suffix: "Z") }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(microseconds) / 1_000_000))
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        let suffix = " \(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
        return format(microseconds, offset: offset, precision: shown, suffix: suffix)
    }

    private static func format(_ microseconds: Int64, offset: Int, precision: Timestamp.Precision, suffix: String) -> String {
        let civil = CivilTime(microseconds: microseconds, offsetSeconds: offset)
        let text = civil.formatted(precision: .second, zoneSuffix: suffix)
        switch precision {
        case .day: return String(text.prefix(10))
        default: return String(decoding: text.utf8.map { $0 == UInt8(ascii: "T") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }
    }
}

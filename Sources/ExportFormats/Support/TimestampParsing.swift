import EvidenceModel

/// Parsers for the timestamp forms exports write (see FORMATS.md, timestamp catalogue).
///
/// Each returns nil on text it does not understand; the caller then warns with the locator. None
/// uses Foundation date formatters, so results never depend on the host's locale or zone.
public enum TimestampParsing {
    /// ISO 8601 / RFC 3339: `2021-03-22T13:22:50.000Z`, `2025-02-18T10:48:24+00:00`,
    /// `2021-05-03 21:47:59.123000+00:00`. Without an offset, `assumeZone` says what to record.
    public static func iso8601(_ raw: String, withoutOffset assumeZone: Timestamp.ZoneSource = .assumedUTC) -> Timestamp? {
        let bytes = Array(raw.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            if index < bytes.count && bytes[index] == byte {
                index += 1
                return true
            }
            return false
        }
        guard let year = number(4), take(UInt8(ascii: "-")), let month = number(2), take(UInt8(ascii: "-")),
            let day = number(2)
        else { return nil }
        if index == bytes.count {
            guard let micro = CivilTime(year: year, month: month, day: day).microseconds() else { return nil }
            return Timestamp(microseconds: micro, raw: raw, precision: .day, zoneSource: assumeZone)
        }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")), let hour = number(2), take(UInt8(ascii: ":")),
            let minute = number(2)
        else { return nil }
        var second = 0
        var precision = Timestamp.Precision.minute
        if take(UInt8(ascii: ":")) {
            guard let value = number(2) else { return nil }
            second = value
            precision = .second
        }
        var micro = 0
        if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
            var digits = 0
            var fraction = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 6 { fraction = fraction * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
            micro = fraction
            precision = digits <= 3 ? .millisecond : .microsecond
        }
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        var offsetSeconds = 0
        var zone = assumeZone
        if index < bytes.count {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
                zone = .explicit
            } else if raw.hasSuffix("UTC"), index + 3 == bytes.count {
                index += 3
                zone = .explicit
            } else {
                let sign: Int
                if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
                guard let hours = number(2) else { return nil }
                _ = take(UInt8(ascii: ":"))
                let minutes = number(2) ?? 0
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
                zone = .explicit
            }
        }
        guard index == bytes.count else { return nil }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micro)
        guard let value = civil.microseconds(offsetSeconds: offsetSeconds) else { return nil }
        return Timestamp(microseconds: value, raw: raw, precision: precision, zoneSource: zone)
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Twitter's `created_at`: `Wed Mar 22 07:41:49 +0000 2017`.
    public static func twitterCreatedAt(_ raw: String) -> Timestamp? {
        if let stamp = canonicalTwitterCreatedAt(raw) { return stamp }
        let parts = raw.split(separator: " ")
        guard parts.count == 6, let month = monthNames.firstIndex(of: parts[1].lowercased()), let day = Int(parts[2]),
            let year = Int(parts[5]), let offset = offsetSeconds(String(parts[4]))
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let civil = CivilTime(year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        guard let value = civil.microseconds(offsetSeconds: offset) else { return nil }
        return Timestamp(microseconds: value, raw: raw, precision: .second, zoneSource: .explicit)
    }

    /// The form every tweet has, read from fixed byte positions (the general reading split and
    /// lowercased each part, which was most of a tweet's parse time). Anything else, or a value
    /// these positions do not fit, goes to the general reading, which gives the same result here.
    private static func canonicalTwitterCreatedAt(_ raw: String) -> Timestamp? {
        var text = raw
        return text.withUTF8 { bytes -> Timestamp? in
            // "Thu Jun 29 23:20:40 +0000 2023"
            guard bytes.count == 30, bytes[3] == 0x20, bytes[7] == 0x20, bytes[10] == 0x20, bytes[13] == 0x3A,
                bytes[16] == 0x3A, bytes[19] == 0x20, bytes[25] == 0x20,
                bytes[20] == UInt8(ascii: "+") || bytes[20] == UInt8(ascii: "-")
            else { return nil }
            func digits(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<start + count {
                    let byte = bytes[index]
                    guard byte >= 48 && byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[4..<7]), as: UTF8.self).lowercased()
            guard let month = monthNames.firstIndex(of: name), let day = digits(8, 2), let hour = digits(11, 2),
                let minute = digits(14, 2), let second = digits(17, 2), let zoneHours = digits(21, 2),
                let zoneMinutes = digits(23, 2), let year = digits(26, 4)
            else { return nil }
            let offset = (bytes[20] == UInt8(ascii: "-") ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60)
            let civil = CivilTime(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
            guard let value = civil.microseconds(offsetSeconds: offset) else { return nil }
            return Timestamp(microseconds: value, raw: raw, precision: .second, zoneSource: .explicit)
        }
    }

    /// Grailbird's `2013-11-28 13:37:46 +0000`.
    public static func spacedOffset(_ raw: String) -> Timestamp? {
        let parts = raw.split(separator: " ")
        guard parts.count == 3, let offset = offsetSeconds(String(parts[2])) else { return nil }
        guard var stamp = iso8601("\(parts[0])T\(parts[1])Z") else { return nil }
        stamp.microseconds -= Int64(offset) * 1_000_000
        stamp.raw = raw
        stamp.zoneSource = .explicit
        return stamp
    }

    /// `+0000`, `-0700`, `+05:30`.
    static func offsetSeconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8.filter { $0 != UInt8(ascii: ":") })
        guard bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") else { return nil }
        guard let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)),
            let minutes = Int(String(decoding: bytes[3...4], as: UTF8.self))
        else { return nil }
        return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Epoch seconds (`1670610339`) or milliseconds (`1670610339123`), as a number or a numeric string.
    public static func epoch(_ raw: String, milliseconds: Bool) -> Timestamp? {
        guard let value = Int64(raw.trimmingSpaces) else {
            guard let double = Double(raw.trimmingSpaces), double.isFinite, abs(double) < 1e15 else { return nil }
            let micro = Int64((double * (milliseconds ? 1_000 : 1_000_000)).rounded())
            return Timestamp(microseconds: micro, raw: raw, precision: milliseconds ? .millisecond : .microsecond, zoneSource: .epoch)
        }
        guard abs(value) < (milliseconds ? 9_000_000_000_000_000 : 9_000_000_000_000) else { return nil }
        return Timestamp(
            microseconds: value * (milliseconds ? 1_000 : 1_000_000), raw: raw,
            precision: milliseconds ? .millisecond : .second, zoneSource: .epoch)
    }

    /// The time encoded in a Twitter snowflake id (ids after 2010-11-04), flagged as derived.
    public static func twitterSnowflake(_ identifier: String) -> Timestamp? {
        guard let value = Int64(identifier), value > 1 << 22 * 30_000_000 else { return nil }
        let milliseconds = (value >> 22) + 1_288_834_974_657
        return Timestamp(
            microseconds: milliseconds * 1_000, raw: "snowflake:\(identifier)", precision: .millisecond, zoneSource: .derived)
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

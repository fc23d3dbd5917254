import EvidenceModel
import Foundation

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

    /// The format `raw` is a rendering of `microseconds` in, if any. Runs for every event: it writes
    /// each candidate rendering into a stack buffer and compares bytes, with no string built.
    static func matching(raw: String, microseconds: Int64) -> TimeFormat? {
        guard supported.contains(microseconds) else { return nil }
        var raw = raw
        return raw.withUTF8 { bytes in
            guard let (first, second) = candidates(for: bytes) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                func writes(_ format: TimeFormat) -> Bool {
                    guard let count = format.write(microseconds, into: buffer), count == bytes.count else { return false }
                    return memcmp(buffer.baseAddress!, bytes.baseAddress!, count) == 0
                }
                if writes(first) { return first }
                if let second, writes(second) { return second }
                return nil
            }
        }
    }

    /// The formats `raw` could be in, judged by its length and punctuation: one, or for digits alone
    /// two (seconds or milliseconds, which the time decides).
    private static func candidates(for bytes: UnsafeBufferPointer<UInt8>) -> (TimeFormat, TimeFormat?)? {
        func at(_ index: Int, _ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }
        switch bytes.count {
        case 1...16 where bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }): return (.epochSeconds, .epochMilliseconds)
        case 24 where at(10, "T") && at(23, "Z"): return (.isoMillisecondsZ, nil)
        case 20 where at(10, "T") && at(19, "Z"): return (.isoSecondsZ, nil)
        case 25 where at(10, "T") && at(19, "+"): return (.isoUTCOffset, nil)
        case 25 where at(10, " ") && at(19, " "): return (.spacedUTC, nil)
        case 30 where at(3, " ") && at(19, " "): return (.twitter, nil)
        default: return nil
        }
    }

    /// `microseconds` written in this format; nil when the format cannot hold it (a fraction of the
    /// second it does not write).
    func render(_ microseconds: Int64) -> String? {
        guard TimeFormat.supported.contains(microseconds) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            write(microseconds, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
        }
    }

    /// Writes `microseconds` (in `supported`) in this format into `buffer` (32 bytes); returns the count.
    private func write(_ microseconds: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var writer = ByteWriter(buffer: buffer)
        switch self {
        case .epochSeconds:
            guard microseconds % 1_000_000 == 0 else { return nil }
            writer.decimal(microseconds / 1_000_000)
            return writer.count
        case .epochMilliseconds:
            guard microseconds % 1_000 == 0 else { return nil }
            writer.decimal(microseconds / 1_000)
            return writer.count
        case .isoMillisecondsZ:
            guard microseconds % 1_000 == 0 else { return nil }
        case .isoSecondsZ, .isoUTCOffset, .twitter, .spacedUTC:
            guard microseconds % 1_000_000 == 0 else { return nil }
        }
        let civil = CivilTime(microseconds: microseconds, offsetSeconds: 0)
        func clock() {
            writer.digits(civil.hour, 2, then: ":")
            writer.digits(civil.minute, 2, then: ":")
            writer.digits(civil.second, 2)
        }
        if self == .twitter {
            // `Thu Jun 29 18:00:55 +0000 2023`; 1970-01-01 was a Thursday.
            writer.text(Self.weekdays[Int((microseconds / 86_400_000_000 + 4) % 7)])
            writer.text(" ")
            writer.text(Self.months[civil.month - 1])
            writer.text(" ")
            writer.digits(civil.day, 2, then: " ")
            clock()
            writer.text(" +0000 ")
            writer.digits(civil.year, 4)
            return writer.count
        }
        writer.digits(civil.year, 4, then: "-")
        writer.digits(civil.month, 2, then: "-")
        writer.digits(civil.day, 2, then: self == .spacedUTC ? " " : "T")
        clock()
        switch self {
        case .isoMillisecondsZ:
            writer.text(".")
            writer.digits(civil.microsecond / 1_000, 3, then: "Z")
        case .isoSecondsZ: writer.text("Z")
        case .isoUTCOffset: writer.text("+00:00")
        default: writer.text(" +0000")
        }
        return writer.count
    }

    private static let weekdays: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Appends ASCII to a fixed buffer long enough for every format.
    private struct ByteWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func text(_ text: StaticString) {
            for index in 0..<text.utf8CodeUnitCount { append(text.utf8Start[index]) }
        }

        mutating func digits(_ value: Int, _ width: Int, then separator: StaticString? = nil) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
            if let separator { text(separator) }
        }

        /// A non-negative number in as many digits as it has.
        mutating func decimal(_ value: Int64) {
            var width = 1, rest = value
            while rest >= 10 {
                rest /= 10
                width += 1
            }
            digits(Int(value), width)
        }

        private mutating func append(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
    }
}

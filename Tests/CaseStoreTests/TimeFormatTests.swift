@testable import CaseStore
import CasebookTestSupport
import EvidenceModel
import Foundation
import GRDB
import Testing

/// Migration v6 leaves out a raw time that the `event` view writes again from the time itself
/// (`TimeFormat`): the view's SQL and the writer's Swift must render every supported time alike, and
/// any other raw time must be stored as read.
@Suite struct TimeFormatTests {
    static func event(_ sha256: String, _ index: Int, _ microseconds: Int64, _ raw: String) -> Event {
        Event(
            platform: .twitter, kind: .post,
            occurredAt: Timestamp(microseconds: microseconds, raw: raw, precision: .second, zoneSource: .explicit),
            text: "t", provenance: Provenance(
                evidenceSHA256: sha256, memberPath: ["data/tweets.js"], locator: "/\(index)/tweet", parser: "t", parserVersion: 1))
    }

    /// (raw read through the view, raw stored in the row) of every event, in order.
    static func read(_ casePath: String) throws -> [(view: String?, row: String?)] {
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT e.timeRaw, r.timeRaw FROM event e JOIN eventRow r ON r.id = e.id ORDER BY e.id")
                .map { ($0[0], $0[1]) }
        }
    }

    @Test func theViewRendersEverySupportedTimeAsTheWriterDoes() throws {
        let folder = try TemporaryFolder()
        var generator = SeededGenerator(seed: 16)
        // Edges (the epoch, a leap day, a leap second's neighbour, 2038, the last supported instant)
        // and random times over the whole range, whole milliseconds and whole seconds.
        var times: [Int64] = [
            0, 951_782_400_000_000, 78_796_799_000_000, 2_147_483_648_000_000, 253_402_300_799_999_000, 253_402_300_799_000_000,
            1_688_061_655_528_000,
        ]
        for _ in 0..<400 {
            let time = Int64.random(in: TimeFormat.supported, using: &generator)
            times.append(time / 1_000 * 1_000)
            times.append(time / 1_000_000 * 1_000_000)
        }
        var written: [(microseconds: Int64, raw: String, format: TimeFormat)] = []
        for time in times {
            for format in TimeFormat.allCases {
                if let raw = format.render(time) { written.append((time, raw, format)) }
            }
        }
        let casePath = try LeanOccurrenceWriterTests.writeCase(folder) { sha256 in
            written.enumerated().map { (Self.event(sha256, $0.offset, $0.element.microseconds, $0.element.raw), []) }
        }
        let read = try Self.read(casePath)
        #expect(read.count == written.count)
        for (index, (stored, item)) in zip(read, written).enumerated() {
            // Matched by a format that writes it (`0` is both seconds and milliseconds) and left out of the row.
            let matched = TimeFormat.matching(raw: item.raw, microseconds: item.microseconds)
            #expect(matched?.render(item.microseconds) == item.raw, "\(item.raw)")
            if stored.view != item.raw || stored.row != nil {
                let found = "the view read \(stored.view ?? "nil"), the row kept \(stored.row ?? "nil")"
                Issue.record("event \(index) (\(item.format), \(item.microseconds) µs): \(found), the export wrote \(item.raw)")
            }
        }
        #expect(Set(written.map(\.format)) == Set(TimeFormat.allCases))
    }

    @Test func otherRawTimesAreStoredAsRead() throws {
        let folder = try TemporaryFolder()
        let time: Int64 = 1_688_061_655_000_000  // 2023-06-29T18:00:55Z, a Thursday
        let raws: [(Int64, String)] = [
            (time, "Thu Jun 29 20:00:55 +0200 2023"),  // another offset
            (time, "thu Jun 29 18:00:55 +0000 2023"),  // another spelling
            (time, "Fri Jun 29 18:00:55 +0000 2023"),  // the wrong weekday, as read
            (time, "2023-06-29T18:00:55.000z"),
            (time, "2023-06-29T18:00:55.0Z"),
            (time + 528_000, "1688061655"),  // a fraction the raw does not write
            (time, "01688061655"),  // a leading zero
            (time, "1688061655000000"),  // microseconds
            (time, "Jun 29, 2023, 6:00 PM"),
            (-1_000_000, "1969-12-31T23:59:59Z"),  // before 1970: not supported
            (253_402_300_800_000_000, "10000-01-01T00:00:00Z"),
        ]
        let casePath = try LeanOccurrenceWriterTests.writeCase(folder) { sha256 in
            raws.enumerated().map { (Self.event(sha256, $0.offset, $0.element.0, $0.element.1), []) }
        }
        let read = try Self.read(casePath)
        #expect(read.map(\.view) == raws.map(\.1))
        #expect(read.map(\.row) == raws.map(\.1))
    }
}

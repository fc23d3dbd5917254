@testable import CaseReports
@testable import CaseStore
@testable import CasebookCLI
import CasebookTestSupport
import Foundation
import Testing

/// `timeline` writes CSV, JSON and JSON Lines as it reads the rows (a whole-case timeline of the
/// medium bench case held 2.1 GB before it wrote a line). What it writes must be, byte for byte, what
/// rendering the whole list gives, whatever the filter, order and limit, and with no rows at all.
@Suite struct TimelineStreamTests {
    @Test func streamedOutputIsTheRenderedListByteForByte() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let samples = [
            SampleExportsLocator.path("twitter/modern-2022"), SampleExportsLocator.path("facebook/json-2024"),
            SampleExportsLocator.path("instagram/json-2024"), SampleExportsLocator.path("facebook/html-2021"),
            SampleExportsLocator.path("twitter/legacy-2020"), SampleExportsLocator.path("twitter/grailbird-2015"),
            SampleExportsLocator.path("facebook/json-2021"), SampleExportsLocator.path("instagram/html-2024"),
        ]
        let ingest = try CasebookBinary.run(["ingest"] + samples + ["--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let store = try CaseStore(path: casePath, create: false)
        let all = try store.timeline(EventFilter())
        let untimed = all.filter { $0.occurredAt == nil }.count
        // Both passes (timed events, then those without a time) are exercised.
        #expect(all.count > 100 && untimed > 0 && untimed < all.count, "\(all.count) events, \(untimed) without a time")

        // The order and limits, against SQL of the test's own: timed events by time then id, then the others by id.
        let expectedIds = try CaseDump.rows(casePath, "SELECT id FROM eventRow ORDER BY occurredAt IS NULL, occurredAt, id").map { $0["id"] ?? "" }
        #expect(all.map { String($0.id) } == expectedIds)
        let timedIds = all.filter { $0.occurredAt != nil }.map(\.id), untimedIds = all.filter { $0.occurredAt == nil }.map(\.id)
        for limit in [1, 3, timedIds.count, timedIds.count + 2, all.count + 5] {
            var limitFilter = EventFilter()
            limitFilter.limit = limit
            #expect(try store.timeline(limitFilter).map(\.id) == Array((timedIds + untimedIds).prefix(limit)), "limit \(limit)")
            let newest = Array((timedIds.reversed() + untimedIds.reversed()).prefix(limit))
            #expect(try store.timeline(limitFilter, newestFirst: true).map(\.id) == newest, "limit \(limit), newest first")
        }

        var filters: [(String, EventFilter)] = [("all", EventFilter())]
        var limited = EventFilter()
        limited.limit = all.count - untimed + 2  // ends inside the second pass
        filters.append(("limit into untimed", limited))
        var small = EventFilter()
        small.limit = 3
        filters.append(("limit 3", small))
        var since = EventFilter()
        since.since = try #require(all.compactMap(\.occurredAt).sorted().dropFirst(all.count / 3).first)
        filters.append(("since", since))
        var none = EventFilter()
        none.since = Int64.max - 1
        filters.append(("no rows", none))

        for (name, filter) in filters {
            for newestFirst in [false, true] {
                let rows = try store.timeline(filter, newestFirst: newestFirst)
                if name == "no rows" { #expect(rows.isEmpty) }
                for format in [OutputFormat.csv, .json, .jsonl] {
                    for zone in [nil, TimeZone(identifier: "Asia/Kolkata")] {
                        let rendered = EventRecords.render(rows, format: format, zone: zone, includeSnippet: false)
                        var streamed = ""
                        var writes = 0
                        try EventRecords.stream(format: format, zone: zone, includeSnippet: false, to: { streamed += $0; writes += 1 }) {
                            body in try store.forEachTimelineEvent(filter, newestFirst: newestFirst, body)
                        }
                        #expect(streamed == rendered, "\(name), newest first \(newestFirst), \(format)")
                        #expect(writes >= 1)
                    }
                }
            }
        }
        #expect(EventRecords.render([], format: .json, zone: nil, includeSnippet: false) == "[]\n")
    }

    @Test func aLongTimelineIsWrittenInChunks() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let synthetic = try SyntheticArchive.make(in: folder, name: "synthetic", tweets: 2000, seed: 5)
        let ingest = try CasebookBinary.run(["ingest", synthetic, "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let store = try CaseStore(path: casePath, create: false)
        var chunks: [Int] = []
        try EventRecords.stream(format: .jsonl, zone: nil, includeSnippet: false, to: { chunks.append($0.utf8.count) }) {
            body in try store.forEachTimelineEvent(EventFilter(), body)
        }
        // Over 64 KiB of lines: handed over in pieces, none much larger than the chunk size.
        #expect(chunks.reduce(0, +) > 4 << 16 && chunks.count >= 4, "\(chunks)")
        #expect(chunks.allSatisfy { $0 < (1 << 16) + (64 << 10) }, "\(chunks)")
        // The command writes the same bytes.
        let command = try CasebookBinary.run(["timeline", "--case", casePath, "--format", "jsonl"])
        #expect(command.status == 0, "\(command.stderr)")
        let rows = try store.timeline(EventFilter())
        #expect(command.stdout == EventRecords.render(rows, format: .jsonl, zone: nil, includeSnippet: false))
    }
}

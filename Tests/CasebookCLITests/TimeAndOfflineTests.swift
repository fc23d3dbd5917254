import CasebookTestSupport
import Foundation
import Testing

/// Times end to end (RELIABILITY.md) and an ingest without a network.
@Suite(.serialized) struct TimeAndOfflineTests {
    /// Two Messenger messages one hour apart across the 2021 New York fall-back: shown in that zone
    /// they are both 01:30, with the two offsets, in UTC order; stored and shown by default as UTC.
    @Test func fallBackNightShowsBothOffsets() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "fb/messages/inbox/night/message_1.json",
            Content.thread(
                texts: ["first one thirty", "second one thirty"], firstMs: 1_636_263_000_000, stepMs: 3_600_000))
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/fb", "--case", casePath])
        #expect(run.status == 10)

        let newYork = try Content.casebook(["timeline", "--tz", "America/New_York", "--case", casePath])
        #expect(newYork.status == 0)
        let lines = newYork.stdout.split(separator: "\n").filter { $0.contains("one thirty") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("2021-11-07 01:30:00 -04:00") == true, "\(lines)")
        #expect(lines.first?.contains("first one thirty") == true)
        #expect(lines.last?.contains("2021-11-07 01:30:00 -05:00") == true, "\(lines)")
        #expect(lines.last?.contains("second one thirty") == true)

        let utc = try Content.casebook(["timeline", "--case", casePath])
        #expect(utc.stdout.contains("2021-11-07 05:30:00Z"))
        #expect(utc.stdout.contains("2021-11-07 06:30:00Z"))
        let stored = try CaseDump.rows(casePath, "SELECT occurredAt, timeRaw, timePrecision FROM event ORDER BY occurredAt")
        #expect(stored.map { $0["occurredAt"] } == ["1636263000000000", "1636266600000000"], "UTC microseconds")
        #expect(stored.map { $0["timeRaw"] } == ["1636263000000", "1636266600000"], "the lexeme, in milliseconds")
        #expect(stored.allSatisfy { $0["timePrecision"] == "millisecond" })

        // The report names its display zone and the tz database it used.
        let report = try Content.casebook(["report", "--format", "json", "--tz", "America/New_York", "--case", casePath])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let header = try #require((document["case"] as? [[String: Any]])?.first)
        #expect(header["displayZone"] as? String == "America/New_York")
        if let zi = try? String(contentsOfFile: "/usr/share/zoneinfo/tzdata.zi", encoding: .utf8),
            let version = zi.split(separator: "\n").first?.split(separator: " ").last
        {
            #expect(header["tzdataVersion"] as? String == String(version))
        }
        let timeline = try #require(document["timeline"] as? [[String: Any]])
        #expect(timeline.compactMap { $0["time"] as? String }.sorted() == [
            "2021-11-07 01:30:00 -04:00", "2021-11-07 01:30:00 -05:00",
        ])
    }

    /// Meta HTML pages give times without a zone: they are stored as an assumption (`assumedUTC`),
    /// never silently as UTC, and each page carries an `uncertain-zone` warning.
    @Test func zoneLessHTMLTimesAreFlagged() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", SampleExportsLocator.path("facebook/html-2021"), "--case", casePath])
        #expect(run.status == 10)
        let assumed = try CaseDump.rows(
            casePath,
            "SELECT DISTINCT m.path FROM event e JOIN member m ON m.id = e.memberId WHERE e.timeZoneSource = 'assumedUTC'")
        #expect(!assumed.isEmpty)
        let warned = try CaseDump.rows(
            casePath,
            "SELECT m.path, w.message FROM warning w JOIN member m ON m.id = w.memberId WHERE w.code = 'uncertain-zone'")
        for row in assumed {
            let page = try #require(row["path"])
            let warning = warned.first { $0["path"] == page }
            #expect(warning?["message"]?.hasSuffix("have no zone; they are read as UTC") == true, "\(page): \(warned)")
        }
        #expect(
            try CaseDump.rows(casePath, "SELECT id FROM event WHERE occurredAt IS NOT NULL AND timeZoneSource IS NULL").isEmpty,
            "every stored time says where its zone came from")
    }

    /// an ingest and a search in a network namespace with no network (root only).
    @Test func ingestAndSearchWithoutANetwork() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            print("skipped: unshare -n needs root and /usr/bin/unshare")
            return
        }
        guard let probe = try? CasebookBinary.execute("/usr/bin/unshare", ["-n", "/bin/true"], timeout: 30),
            probe.status == 0
        else {
            print("skipped: this system does not allow a new network namespace")
            return
        }
        let binary = try #require(CasebookBinary.path)
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let ingest = try CasebookBinary.execute(
            "/usr/bin/unshare",
            ["-n", binary, "ingest", SampleExportsLocator.path("twitter/modern-2022"), "--case", casePath], timeout: 120)
        #expect(ingest.status == 10, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("status: complete"))
        let search = try CasebookBinary.execute(
            "/usr/bin/unshare", ["-n", binary, "search", "meet at the station", "--format", "jsonl", "--case", casePath],
            timeout: 60)
        #expect(search.status == 0)
        #expect(search.stdout.split(separator: "\n").count >= 1)
    }
}

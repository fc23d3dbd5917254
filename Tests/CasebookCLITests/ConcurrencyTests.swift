import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Two writers and a reader on one case (RELIABILITY.md R-41, R-42): the second ingest waits on the
/// case lock and says so, both finish with the rows of serial runs, and searches work meanwhile.
@Suite(.serialized) struct ConcurrencyTests {
    final class Capture: @unchecked Sendable {
        let process = Process()
        let out = Pipe()
        let err = Pipe()
        var stdout = Data()
        var stderr = Data()
        let group = DispatchGroup()

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: try #require(CasebookBinary.path))
            process.arguments = arguments
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            group.enter()
            group.enter()
            DispatchQueue.global().async { [self] in
                stdout = out.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            DispatchQueue.global().async { [self] in
                stderr = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }

        func wait() -> (status: Int32, stdout: String, stderr: String) {
            group.wait()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }
    }

    @Test func twoIngestsOnOneCaseBothFinishWithSerialCounts() throws {
        let folder = try TemporaryFolder()
        // The first ingest must still be writing 300 ms after it starts: 3,000 tweets took less than that in a
        // fast hour, and the second then never waited.
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 30_000, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 2_000, seed: 2)

        let serialCase = folder.path + "/serial.db"
        let serialA = try CasebookBinary.run(["ingest", first, "--case", serialCase])
        let serialB = try CasebookBinary.run(["ingest", second, "--case", serialCase])
        let expected = try SyntheticArchive.counts(serialCase)

        let casePath = folder.path + "/case.db"
        let a = try Capture(["ingest", first, "--case", casePath])
        usleep(300_000)
        let b = try Capture(["ingest", second, "--case", casePath])
        let resultA = a.wait(), resultB = b.wait()
        #expect(resultA.status == serialA.status, "\(resultA.stderr)")
        #expect(resultB.status == serialB.status, "\(resultB.stderr)")
        #expect(resultB.stderr.contains("waiting: another Casebook process is writing"), "\(resultB.stderr)")
        #expect(!(resultA.stderr + resultB.stderr).lowercased().contains("database is locked"))
        #expect(try SyntheticArchive.counts(casePath) == expected)
        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.evidenceList().map(\.status) == ["complete", "complete"])

        // --no-wait: exits 75 with a clear message instead of waiting.
        let c = try Capture(["ingest", first, "--case", casePath + ".other"])
        usleep(200_000)
        let busy = try CasebookBinary.run(["ingest", second, "--case", casePath + ".other", "--no-wait"])
        _ = c.wait()
        #expect(busy.status == 75, "\(busy.stderr)")
        #expect(busy.stderr.contains("being written by another Casebook process"))
    }

    @Test func searchWorksWhileAnIngestRuns() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let (_, second) = try SyntheticArchive.caseWithFirstOfTwo(folder, first: 500, second: 4_000, casePath: casePath)

        let ingest = try Capture(["ingest", second, "--case", casePath])
        var searches = 0
        while ingest.process.isRunning && searches < 20 {
            let search = try CasebookBinary.run(["search", "synthetic tweet", "--case", casePath, "--limit", "5"])
            #expect(search.status == 0, "\(search.stderr)")
            let evidence = try CasebookBinary.run(["evidence", "--case", casePath, "--format", "json"])
            #expect(evidence.status == 0, "\(evidence.stderr)")
            searches += 1
        }
        let result = ingest.wait()
        #expect([0, 10].contains(result.status))
        #expect(searches >= 1, "the ingest finished before a search ran")
        #expect(try CaseStore(path: casePath, create: false).integrityCheck() == "ok")
    }
}

/// Reports and case copies while an ingest commits (RELIABILITY.md R-42, R-44). The ingest commits
/// every 200 records (`CASEBOOK_TEST_BATCH_SIZE`, debug builds), so readers meet an item with
/// committed batches; it holds after its first batch until the test creates the release file
/// (`CASEBOOK_TEST_HOLD`, see `TestHold`), so the first reader surely meets it half-written, then
/// pauses 100 ms before each commit so that later readers meet it at other stages.
@Suite(.serialized) struct ReadersDuringIngestTests {
    static func environment(release: String) -> [String: String] {
        [
            "CASEBOOK_TEST_BATCH_SIZE": "200", "CASEBOOK_TEST_COMMIT_PAUSE_MS": "100",
            "CASEBOOK_TEST_HOLD": "second.zip@1", "CASEBOOK_TEST_RELEASE": release,
        ]
    }

    /// Creates the file that ends the ingest's hold.
    static func release(_ path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data())
    }

    /// Each report is one snapshot: its totals equal the rows it lists, complete items have all their
    /// events, and an item still being ingested is labelled with exactly the records the report shows.
    @Test func reportsDuringAnIngestAreOneSnapshot() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let (_, second) = try SyntheticArchive.caseWithFirstOfTwo(folder, first: 300, second: 5_000, casePath: casePath)

        let releaseFile = folder.path + "/release"
        let ingest = try LiveCasebook(["ingest", second, "--case", casePath], environment: Self.environment(release: releaseFile))
        // Start once the item has committed batches, so that the reports meet it half-written.
        #expect(poll(timeout: 60) { (CaseState.items(casePath)?.first { $0.name == "second.zip" }?.events ?? 0) > 0 || !ingest.isRunning })
        var documents: [[String: Any]] = []
        while ingest.isRunning && documents.count < 8 {
            if documents.count == 2 { Self.release(releaseFile) }
            let report = try CasebookBinary.run(["report", "--case", casePath, "--format", "json", "--timeline-cap", "1000000"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(!report.stderr.lowercased().contains("locked") && !report.stderr.lowercased().contains("busy"))
            documents.append(try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]))
        }
        Self.release(releaseFile)
        let result = ingest.wait()
        #expect([0, 10].contains(result.status), "\(result.stderr)")
        let finalEvents = Dictionary(uniqueKeysWithValues: (CaseState.items(casePath) ?? []).map { ($0.name, $0.events) })

        var inProgressSeen = 0, midwaySeen = 0
        for document in documents {
            let evidence = try #require(document["evidence"] as? [[String: Any]])
            let timeline = try #require(document["timeline"] as? [[String: Any]])
            let activity = try #require(document["activity"] as? [[String: Any]])
            let selection = try #require((document["case"] as? [[String: Any]])?.first?["selection"] as? String)
            var eventsByItem: [String: Int] = [:]
            for event in timeline { eventsByItem[event["evidenceName"] as? String ?? "?", default: 0] += 1 }
            #expect(Set(eventsByItem.keys).isSubset(of: Set(evidence.compactMap { $0["displayName"] as? String })))
            // The activity chart (by period, and again by hour of day) counts the timed events the timeline lists.
            let timed = timeline.filter { $0["occurredAt"] is String }.count
            for unit in Set(activity.compactMap { $0["unit"] as? String }) {
                let total = activity.filter { $0["unit"] as? String == unit }.reduce(0) { $0 + ($1["events"] as? Int ?? 0) }
                #expect(total == timed, "activity by \(unit)")
            }
            for item in evidence {
                let name = try #require(item["displayName"] as? String)
                switch item["status"] as? String {
                case "complete":
                    #expect(eventsByItem[name, default: 0] == finalEvents[name], "\(name) is complete: all its events")
                case "ingesting":
                    inProgressSeen += 1
                    let count = eventsByItem[name, default: 0]
                    #expect(count < finalEvents[name, default: 0])
                    if count > 0 { midwaySeen += 1 }
                    #expect(item["records"] as? Int == count)
                    #expect(selection.contains("In progress=\(name): \(count) records so far, ingest in progress"), "\(selection)")
                default:
                    Issue.record("unexpected status \(item["status"] ?? "nil") of \(name)")
                }
            }
        }
        #expect(
            inProgressSeen >= 1 && midwaySeen >= 1,
            "no report ran while the item had committed batches (\(documents.count) reports, \(inProgressSeen) in progress)")
    }

    /// `export --format sqlite` during an ingest gives a copy that passes every check, holds the
    /// finished item whole and the running one as `ingesting`, and becomes the full case when the
    /// same evidence is ingested into it.
    @Test func sqliteExportDuringAnIngestIsAConsistentCopy() throws {
        let folder = try TemporaryFolder()
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 300, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 5_000, seed: 2)
        let reference = try SyntheticArchive.referenceCase(folder, ingesting: [first, second])
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run(["ingest", first, "--case", casePath])
        let firstEvents = CaseState.items(casePath)?.first?.events

        let releaseFile = folder.path + "/release"
        let ingest = try LiveCasebook(["ingest", second, "--case", casePath], environment: Self.environment(release: releaseFile))
        #expect(poll(timeout: 60) { (CaseState.items(casePath)?.first { $0.name == "second.zip" }?.events ?? 0) > 0 || !ingest.isRunning })
        let copyPath = folder.path + "/copy.db"
        let export = try CasebookBinary.run(["export", "--case", casePath, "--format", "sqlite", "--out", copyPath])
        let stillRunning = ingest.isRunning
        Self.release(releaseFile)
        let result = ingest.wait()
        #expect([0, 10].contains(result.status), "\(result.stderr)")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("wrote \(copyPath): a consistent copy of the case"))
        #expect(stillRunning, "the ingest ended before the copy was made")

        #expect(try CaseState.problems(copyPath) == [])
        let items = try #require(CaseState.items(copyPath))
        #expect(items.first?.status == "complete" && items.first?.events == firstEvents)
        #expect(items.count == 2 && items.last?.status == "ingesting", "\(items)")
        // The copy is a state a crash could have left: ingesting the same evidence completes it.
        let resume = try CasebookBinary.run(["ingest", first, second, "--case", copyPath])
        #expect([0, 10].contains(resume.status), "\(resume.stderr)")
        #expect(try SyntheticArchive.counts(copyPath) == SyntheticArchive.counts(reference))

        let refused = try CasebookBinary.run(["export", "--case", casePath, "--format", "sqlite", "--out", casePath])
        #expect(refused.status == 64 && refused.stderr.contains("is the case itself"), "\(refused.stderr)")
        let filtered = try CasebookBinary.run(["export", "--case", casePath, "--format", "sqlite", "--out", copyPath + "2", "--since", "2020-01-01"])
        #expect(filtered.status == 64, "\(filtered.stderr)")
    }
}

/// A query that opens a case while the first ingest is still creating its schema sees an older
/// schema and upgrades it too; the two processes then run the same migration. Neither may fail
/// (the ingest once exited 74 with "table … already exists" when a test's poll came at that moment).
@Suite(.serialized) struct CaseCreationRaceTests {
    @Test func queriesOpeningACaseBeingCreatedNeverFailTheIngest() throws {
        let folder = try TemporaryFolder()
        let evidence = SampleExportsLocator.path("twitter/modern-2022")
        var opened = 0
        for round in 0..<20 {
            let casePath = folder.path + "/case\(round).db"
            let ingest = try LiveCasebook(["ingest", evidence, "--case", casePath])
            // Open the case as fast as possible while the ingest creates it: an open that lands
            // between two of its migrations upgrades the case itself. The first open that succeeds
            // finds the schema complete, and the window is over.
            while ingest.isRunning {
                if FileManager.default.fileExists(atPath: casePath),
                    (try? CaseStore(path: casePath, create: false, readOnly: true)) != nil
                {
                    opened += 1
                    break
                }
            }
            let result = ingest.wait(timeout: 60)
            #expect([0, 10].contains(result.status), "round \(round): \(result.stderr)")
            #expect(CaseState.items(casePath)?.map(\.status) == ["complete"], "round \(round)")
        }
        #expect(opened > 0, "the queries opened the cases while the ingests ran")
    }
}

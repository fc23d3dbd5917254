import CaseStore
import CasebookTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C, SIGTERM and a kill right after success (RELIABILITY.md ).
///
/// The ingests commit every 200 records (`CASEBOOK_TEST_BATCH_SIZE`, honoured by debug builds only),
/// so that the item being read has committed batches when the signal comes, and stop after the first
/// committed batch of the named item until they are signalled (`CASEBOOK_TEST_HOLD`, see `TestHold`):
/// a timed window was once missed on a loaded CI machine. Release builds commit every 100,000
/// records and the signal then finds only an open transaction.
@Suite(.serialized) struct InterruptionTests {
    /// Commits every 200 records, and holds once `item` has committed its first batch.
    static func holding(_ item: String) -> [String: String] {
        ["CASEBOOK_TEST_BATCH_SIZE": "200", "CASEBOOK_TEST_HOLD": "\(item)@1"]
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func signalDuringIngestRemovesTheItemAndExits128PlusSignal(_ signal: Int32) throws {
        let folder = try TemporaryFolder()
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 300, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 6_000, seed: 2)
        let firstOnly = folder.path + "/first-only.db"
        _ = try CasebookBinary.run(["ingest", first, "--case", firstOnly])
        let reference = try CasebookBinary.run(["ingest", first, second, "--case", folder.path + "/reference.db"])

        let casePath = folder.path + "/case.db"
        let ingest = try LiveCasebook(["ingest", first, second, "--case", casePath], environment: Self.holding("second.zip"))
        // Wait until the first item is complete and the second has committed batches.
        let midway = poll(timeout: 60) {
            guard ingest.isRunning, let items = CaseState.items(casePath), items.count == 2 else { return !ingest.isRunning }
            return items[0].status == "complete" && items[1].status == "ingesting" && items[1].events > 0
        }
        #expect(midway && ingest.isRunning, "the ingest ended before the second item had committed batches")
        ingest.send(signal)
        let result = ingest.wait(timeout: 60)

        #expect(!result.timedOut && !result.signaled, "the process must stop by itself: \(result.stderr)")
        #expect(result.status == 128 + signal, "\(result.stderr)")
        // The finished item's summary is printed; its record count is what the message says was kept.
        let kept = try #require(
            result.stdout.split(separator: "\n").first { $0.hasPrefix("  records: ") }.flatMap {
                Int($0.dropFirst("  records: ".count).prefix { $0.isNumber })
            }, "\(result.stdout)")
        #expect(kept > 0)
        #expect(
            result.stderr.contains("interrupted: second.zip not ingested (\(kept) records kept from earlier items)"),
            "\(result.stderr)")

        // The case: the first item as a run of it alone left it, nothing of the second, consistent.
        #expect(CaseState.items(casePath)?.map(\.status) == ["complete"])
        #expect(try CaseState.perEvidenceCounts(casePath) == CaseState.perEvidenceCounts(firstOnly))
        #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(firstOnly), "no accounts or identifiers of the second item remain")
        #expect(try CaseState.problems(casePath) == [])
        let log = try CasebookBinary.run(["log", "--case", casePath, "--format", "json"])
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(runs.last?["exitStatus"] as? Int == Int(128 + signal), "the run records how it ended")

        // Running the same command again adds the second item: the rows of an uninterrupted run.
        let rerun = try CasebookBinary.run(["ingest", first, second, "--case", casePath])
        #expect(rerun.status == reference.status, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("first.zip: already in the case"))
        #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(folder.path + "/reference.db"))
        #expect(CaseState.items(casePath)?.map(\.status) == ["complete", "complete"])
        #expect(try CaseState.problems(casePath) == [])
    }

    /// A signal while the first of two items is written, the second being read ahead: neither is
    /// in the case, and the process stops by itself.
    @Test func signalDuringTheFirstItemWhileTheSecondIsReadAhead() throws {
        let folder = try TemporaryFolder()
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 6_000, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 6_000, seed: 2)
        let casePath = folder.path + "/case.db"
        let ingest = try LiveCasebook(["ingest", first, second, "--case", casePath], environment: Self.holding("first.zip"))
        let midway = poll(timeout: 60) {
            guard ingest.isRunning, let items = CaseState.items(casePath), items.count == 1 else { return !ingest.isRunning }
            return items[0].status == "ingesting" && items[0].events > 0
        }
        #expect(midway && ingest.isRunning, "the ingest ended before the first item had committed batches")
        ingest.send(SIGINT)
        let result = ingest.wait(timeout: 60)
        #expect(!result.timedOut && !result.signaled, "the process must stop by itself: \(result.stderr)")
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted: first.zip, second.zip not ingested (0 records kept from earlier items)"), "\(result.stderr)")
        #expect(CaseState.items(casePath)?.isEmpty == true)
        #expect(try CaseState.problems(casePath) == [])
        let rerun = try CasebookBinary.run(["ingest", first, second, "--case", casePath])
        #expect([0, 10].contains(rerun.status), "\(rerun.stderr)")
        #expect(CaseState.items(casePath)?.map(\.status) == ["complete", "complete"])
        #expect(try CaseState.problems(casePath) == [])
    }

    /// A signal while waiting for another ingest's case lock: nothing written, exit 130. Then SIGTERM
    /// for the writer: its only item is removed.
    @Test func signalWhileWaitingForTheCaseLock() throws {
        let folder = try TemporaryFolder()
        let big = try SyntheticArchive.make(in: folder, name: "big", tweets: 20_000, seed: 3)
        let small = try SyntheticArchive.make(in: folder, name: "small", tweets: 100, seed: 4)
        let casePath = folder.path + "/case.db"
        // A commit (with its fsync) every 10 records keeps the first ingest running for tens of
        // seconds: without it, a faster ingest could end before the second process starts waiting.
        let writer = try LiveCasebook(["ingest", big, "--case", casePath], environment: ["CASEBOOK_TEST_BATCH_SIZE": "10"])
        #expect(poll(timeout: 60) { CaseState.items(casePath)?.first?.status == "ingesting" || !writer.isRunning })
        let waiting = try LiveCasebook(["ingest", small, "--case", casePath])
        #expect(poll(timeout: 30) { waiting.stderr.contains("waiting: another Casebook process") })
        #expect(writer.isRunning, "the first ingest ended before the second one waited")
        waiting.send(SIGINT)
        let stopped = waiting.wait(timeout: 30)
        #expect(stopped.status == 130 && !stopped.signaled, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("interrupted: small.zip not ingested (0 records kept from earlier items)"))
        #expect(CaseState.items(casePath)?.map(\.name) == ["big.zip"], "the interrupted command wrote nothing")
        #expect(writer.isRunning)
        writer.send(SIGTERM)
        let first = writer.wait(timeout: 60)
        #expect(first.status == 143 && !first.signaled, "\(first.stderr)")
        #expect(first.stderr.contains("interrupted: big.zip not ingested (0 records kept from earlier items)"))
        #expect(CaseState.items(casePath) == [])
        #expect(try CaseState.perEvidenceCounts(casePath).values.allSatisfy { $0 == 0 })
        #expect(try CaseState.problems(casePath) == [])
    }

    /// once the summary is printed, the evidence is `complete` for good: SIGKILL at that moment
    /// loses nothing. (SIGKILL keeps the page cache; a power cut does not — that case rests on WAL with
    /// `synchronous=FULL` and is not simulated here.)
    @Test func killRightAfterTheSuccessSummaryKeepsTheItemComplete() throws {
        let folder = try TemporaryFolder()
        let archive = try SyntheticArchive.make(in: folder, name: "durable", tweets: 2_000, seed: 5)
        let reference = try SyntheticArchive.referenceCase(folder, ingesting: [archive])

        let casePath = folder.path + "/case.db"
        let ingest = try LiveCasebook(["ingest", archive, "--case", casePath])
        // The summary ends with its time line; kill as soon as it appears.
        let printed = poll(timeout: 60) { ingest.stdout.contains("  time: ") }
        ingest.send(SIGKILL)
        let result = ingest.wait(timeout: 30)
        #expect(printed, "no summary: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("  status: complete"))

        #expect(CaseState.items(casePath)?.map(\.status) == ["complete"])
        #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(reference))
        #expect(try CaseState.problems(casePath) == [])
    }
}

import CaseStore
import CasebookTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An ingest that loads an item large against its case drops the time, actor and occurrence indexes
/// and builds them at the item's end (`DeferredIndexes`, docs/ARCHITECTURE.md). Killed mid-item, it
/// leaves a case without them: queries must still answer, and the next ingest must build them.
@Suite(.serialized) struct DeferredIndexTests {
    @Test func killedWhileIndexesAreDeferredQueriesAnswerAndTheNextIngestBuildsThem() throws {
        let folder = try TemporaryFolder()
        let big = try SyntheticArchive.make(in: folder, name: "big", tweets: 6_000, seed: 3)
        let small = try SyntheticArchive.make(in: folder, name: "small", tweets: 50, seed: 4)
        let reference = try SyntheticArchive.referenceCase(folder, ingesting: [small, big])

        let casePath = folder.path + "/case.db"
        try Self.killMidItem(big, casePath: casePath)

        // Without the indexes, queries scan and still answer from what was committed.
        let search = try CasebookBinary.run(["search", "synthetic", "--limit", "5", "--case", casePath])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("5 events"), "\(search.stdout)")
        #expect(search.stdout.components(separatedBy: "data/tweets.js @").count - 1 == 5, "\(search.stdout)")
        let timeline = try CasebookBinary.run(["timeline", "--since", "2023-03-18", "--limit", "5", "--case", casePath])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("synthetic tweet"), "\(timeline.stdout)")
        let correlate = try CasebookBinary.run(["correlate", "ada.kestrel@example.com", "--case", casePath])
        #expect(correlate.status == 0, "\(correlate.stderr)")
        #expect(correlate.stdout.contains("ada.kestrel@example.com"), "\(correlate.stdout)")

        // Another, small item keeps the indexes and so builds the missing ones as it starts.
        let next = try CasebookBinary.run(["ingest", small, "--case", casePath])
        #expect([0, 10].contains(next.status), "\(next.stderr)")
        #expect(try CaseStore(path: casePath, create: false, readOnly: true).missingIndexes() == [])
        // The rerun discards the killed item's rows and gives those of an uninterrupted run.
        let rerun = try CasebookBinary.run(["ingest", big, "--case", casePath])
        #expect(rerun.stderr.contains("resuming: previous run #1 was interrupted"), "\(rerun.stderr)")
        #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(reference))
        #expect(try CaseState.problems(casePath) == [])
    }

    /// Rerun at once, the killed item is purged while all three indexes are missing (the purge
    /// builds the occurrence index before its account-identifier check) and ingested again.
    @Test func aKilledFirstItemIsRedoneWhileItsIndexesAreMissing() throws {
        let folder = try TemporaryFolder()
        let big = try SyntheticArchive.make(in: folder, name: "big", tweets: 6_000, seed: 3)
        let reference = try SyntheticArchive.referenceCase(folder, ingesting: [big])
        let casePath = folder.path + "/case.db"
        try Self.killMidItem(big, casePath: casePath)
        let rerun = try CasebookBinary.run(["ingest", big, "--case", casePath])
        #expect([0, 10].contains(rerun.status), "\(rerun.stderr)")
        #expect(rerun.stderr.contains("resuming: previous run #1 was interrupted"), "\(rerun.stderr)")
        #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(reference))
        #expect(try CaseState.problems(casePath) == [])
    }

    /// Starts an ingest of `archive` that defers its indexes, commits every 200 records and holds after
    /// 8 batches (`CASEBOOK_TEST_HOLD`), and kills it once it has committed more than 1,000 events;
    /// the indexes are then missing.
    static func killMidItem(_ archive: String, casePath: String) throws {
        let ingest = try LiveCasebook(
            ["ingest", archive, "--case", casePath],
            environment: [
                "CASEBOOK_TEST_BATCH_SIZE": "200", "CASEBOOK_TEST_DEFER_INDEXES": "always",
                "CASEBOOK_TEST_HOLD": URL(fileURLWithPath: archive).lastPathComponent + "@8",
            ])
        let midway = poll(timeout: 60) {
            guard ingest.isRunning, let items = CaseState.items(casePath), items.count == 1 else { return !ingest.isRunning }
            return items[0].status == "ingesting" && items[0].events > 1_000
        }
        #expect(midway && ingest.isRunning, "the ingest ended before it had committed batches")
        ingest.send(SIGKILL)
        _ = ingest.wait(timeout: 60)
        let killed = try CaseStore(path: casePath, create: false, readOnly: true)
        #expect(try killed.missingIndexes() == ["event_time", "event_actor", "occurrence_identifier"])
    }

    /// The same archives give the same rows, and the same query answers, whether the ingest built the
    /// indexes at the item's end or kept them row by row.
    @Test func deferringChangesNoAnswer() throws {
        let folder = try TemporaryFolder()
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 1_500, seed: 5)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 2_500, seed: 6)
        var answers: [String: [String]] = [:]
        for policy in ["always", "never"] {
            let casePath = folder.path + "/\(policy).db"
            let ingest = try CasebookBinary.run(
                ["ingest", first, second, "--case", casePath], environment: ["CASEBOOK_TEST_DEFER_INDEXES": policy])
            #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
            #expect(ingest.stderr.contains("building indexes") == (policy == "always"), "\(ingest.stderr)")
            #expect(try CaseState.problems(casePath) == [], "\(policy)")
            var outputs: [String] = []
            for query in [
                ["search", "synthetic", "--limit", "20"], ["timeline", "--since", "2023-03-18", "--limit", "20"],
                ["correlate"], ["correlate", "ada.kestrel@example.com"], ["accounts"], ["identifiers"],
            ] {
                let run = try CasebookBinary.run(query + ["--case", casePath, "--format", "json"])
                #expect(run.status == 0, "\(query): \(run.stderr)")
                outputs.append(run.stdout)
            }
            answers[policy] = outputs
        }
        #expect(answers["always"] == answers["never"])
        #expect(answers["always"]?.allSatisfy { !$0.isEmpty } == true)
    }
}

import CaseStore
import CasebookTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` during ingest (RELIABILITY.md R-34, G6): after each kill the case passes
/// `PRAGMA integrity_check`, `foreign_key_check` and the search-index checks, the evidence is not
/// `complete`, and re-running the same command says it discards the interrupted run's rows and
/// gives exactly the rows of an uninterrupted run.
@Suite(.serialized) struct CrashConsistencyTests {
    @Test func killNineAtTwentyMomentsThenRerun() throws {
        let binary = try #require(CasebookBinary.path)
        let folder = try TemporaryFolder()
        let archive = try SyntheticArchive.make(in: folder, name: "crash", tweets: 4_000)

        let started = Date()
        let reference = try CasebookBinary.run(["ingest", archive, "--case", folder.path + "/reference.db"])
        let duration = Date().timeIntervalSince(started)
        #expect([0, 10].contains(reference.status), "\(reference.stderr)")
        let expected = try SyntheticArchive.counts(folder.path + "/reference.db")
        #expect(expected["event", default: 0] >= 4_000)

        var killedMidRun = 0
        var resumed = 0
        for moment in 1...20 {
            let casePath = folder.path + "/case\(moment).db"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["ingest", archive, "--case", casePath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole run, startup and hashing included.
            usleep(useconds_t(duration * Double(moment) / 21 * 1_000_000))
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning && process.terminationReason == .uncaughtSignal { killedMidRun += 1 }

            var completeBeforeRerun = false
            var interruptedRun: (sha256: String, runId: Int64)?
            if FileManager.default.fileExists(atPath: casePath), let store = try? CaseStore(path: casePath, create: false) {
                // (A kill before the schema was created leaves an empty file, which only ingest opens.)
                #expect(try CaseState.problems(casePath) == [], "after kill \(moment)")
                if let item = try store.evidenceList().first, item.status == "ingesting",
                    let runId = try store.evidence(sha256: item.sha256)?.runId
                {
                    interruptedRun = (item.sha256, runId)
                }
                // The invariant: an evidence item marked complete has all its records. A kill that lands
                // after the last commit (or a run that ended before the kill) legitimately leaves it complete.
                completeBeforeRerun = try store.evidenceList().contains { $0.status == "complete" }
                if completeBeforeRerun {
                    #expect(try SyntheticArchive.counts(casePath) == expected, "complete after kill \(moment) but rows differ")
                }
            }
            let rerun = try CasebookBinary.run(["ingest", archive, "--case", casePath])
            // A complete item is not ingested again ("already in the case", exit 0).
            #expect(
                rerun.status == (completeBeforeRerun ? 0 : reference.status), "rerun after kill \(moment): \(rerun.stderr)")
            if let interruptedRun {
                resumed += 1
                #expect(
                    rerun.stderr.contains(
                        "resuming: previous run #\(interruptedRun.runId) was interrupted; discarding its partial data for \(interruptedRun.sha256)"
                    ), "rerun after kill \(moment): \(rerun.stderr)")
            }
            #expect(try SyntheticArchive.counts(casePath) == expected, "rows after kill \(moment) and rerun")
            #expect(try CaseState.problems(casePath) == [], "after kill \(moment) and rerun")
        }
        // Timing varies with machine load; half the kills landing mid-run still exercises every phase.
        #expect(killedMidRun >= 10, "most kills must land while the ingest runs (\(killedMidRun) of 20)")
        #expect(resumed >= 1, "at least one kill must leave a half-written item for the rerun to discard")
    }
}

import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// An I/O error at every commit of an ingest (RELIABILITY.md R-37, SQLite's ioerr tests in small):
/// `CASEBOOK_TEST_FAIL_WRITE_AFTER=N` makes the Nth commit fail with SQLite's I/O error. Debug builds
/// only; a release build ignores the variable, so the test is compiled only for debug.
@Suite(.serialized) struct FaultInjectionTests {
    #if DEBUG
        @Test func failingEachCommitExits74AndLeavesTheCaseAsBefore() throws {
            let folder = try TemporaryFolder()
            let firstOnly = folder.path + "/first-only.db"
            let (first, second) = try SyntheticArchive.caseWithFirstOfTwo(folder, first: 100, second: 600, casePath: firstOnly)
            let referencePath = folder.path + "/reference.db"
            let reference = try CasebookBinary.run(["ingest", first, second, "--case", referencePath])
            let environment = ["CASEBOOK_TEST_BATCH_SIZE": "150"]

            var outcomes: [[String]] = []
            var commit = 1
            while commit <= 40 {
                let casePath = folder.path + "/case\(commit).db"
                var hooked = environment
                hooked["CASEBOOK_TEST_FAIL_WRITE_AFTER"] = String(commit)
                let run = try LiveCasebook(["ingest", first, second, "--case", casePath], environment: hooked).wait(timeout: 60)
                if run.status != 74 {
                    // N is past the run's last commit: nothing failed.
                    #expect(run.status == reference.status, "commit \(commit): \(run.stderr)")
                    break
                }
                #expect(!run.signaled && !run.timedOut)
                let names = try #require(CaseState.items(casePath)).map(\.name)
                outcomes.append(names)
                let failedItem = names.isEmpty ? "first.zip" : "second.zip"
                #expect(
                    run.stderr.contains(
                        "error: cannot write evidence '\(failedItem)': I/O error (disk I/O error (injected at commit \(commit) by CASEBOOK_TEST_FAIL_WRITE_AFTER))"
                    ), "commit \(commit): \(run.stderr)")
                #expect(!run.stderr.contains("SQLite error"))
                // As before the run, or with the item committed before the failure; never a half item.
                #expect(CaseState.items(casePath)?.allSatisfy { $0.status == "complete" } == true)
                #expect(names == [] || names == ["first.zip"], "commit \(commit): \(names)")
                if names == ["first.zip"] {
                    #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(firstOnly), "commit \(commit)")
                } else {
                    #expect(try SyntheticArchive.counts(casePath).values.allSatisfy { $0 == 0 }, "commit \(commit)")
                }
                #expect(try CaseState.problems(casePath) == [], "commit \(commit)")
                let log = try CasebookBinary.run(["log", "--case", casePath, "--format", "json"])
                let runs = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
                #expect(runs.last?["exitStatus"] as? Int == 74, "the run records the failure")
                // Without the fault, the same command finishes the case.
                let rerun = try CasebookBinary.run(["ingest", first, second, "--case", casePath])
                #expect(rerun.status == reference.status, "commit \(commit): \(rerun.stderr)")
                #expect(try SyntheticArchive.counts(casePath) == SyntheticArchive.counts(referencePath), "commit \(commit)")
                commit += 1
            }
            // Both items' commits were failed: the evidence row, batches and final status of each.
            #expect(outcomes.filter(\.isEmpty).count >= 2 && outcomes.filter { !$0.isEmpty }.count >= 4, "\(outcomes)")
        }
    #endif
}

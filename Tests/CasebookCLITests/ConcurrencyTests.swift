import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Two writers and a reader on one case (RELIABILITY.md ): the second ingest waits on the
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
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 3_000, seed: 1)
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
        let first = try SyntheticArchive.make(in: folder, name: "first", tweets: 500, seed: 1)
        let second = try SyntheticArchive.make(in: folder, name: "second", tweets: 4_000, seed: 2)
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run(["ingest", first, "--case", casePath])

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

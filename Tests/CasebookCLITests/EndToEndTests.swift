import CasebookTestSupport
import Foundation
import Testing

/// Runs the real `casebook` binary on the project's sample exports, as a user would.
@Suite(.serialized) struct EndToEndTests {
    static let modern = SampleExportsLocator.path("twitter/modern-2022")
    static let legacy = SampleExportsLocator.path("twitter/legacy-2020")

    func casebook(_ arguments: String...) throws -> CasebookBinary.Output {
        try CasebookBinary.run(arguments)
    }

    @Test func ingestSearchTimelineAndIdempotentReingest() throws {
        let folder = try TemporaryFolder()
        let before = try FileFingerprint.of(Self.modern).merging(try FileFingerprint.of(Self.legacy)) { a, _ in a }
        // Zip one sample (as seized archives come) and ingest the other as a folder.
        let zip = try folder.zip(folder: Self.modern, name: "twitter-modern.zip")
        let casePath = folder.path + "/case.db"
        let ingest = try casebook("ingest", zip, Self.legacy, "--case", casePath, "--examiner", "J. Doe", "--case-name", "Op Test")
        #expect(ingest.status == 10, "unparsed members are findings: \(ingest.stderr)")
        #expect(ingest.stdout.contains("status: complete"))
        #expect(ingest.stdout.contains("unparsed"))

        let search = try casebook("search", "meet at the station", "--case", casePath, "--format", "jsonl")
        #expect(search.status == 0)
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count >= 2, "both accounts wrote the phrase")
        for line in lines {
            #expect(line.contains("\"provenance\":{\"evidence\":\""))
            #expect(line.contains("\"locator\":\"/"))
            #expect(line.contains("\"occurredAt\":\""))
        }

        let timeline = try casebook("timeline", "--case", casePath, "--tz", "Europe/Berlin", "--format", "csv")
        #expect(timeline.status == 0)
        #expect(timeline.stdout.hasPrefix("id,occurredAt,time,timeRaw,platform,kind,account"))

        let json = try casebook("timeline", "--case", casePath, "--kind", "login", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect((row["occurredAt"] as? String)?.hasSuffix("Z") == true)
            #expect(row["kind"] as? String == "login")
        }

        let again = try casebook("ingest", zip, "--case", casePath)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already in the case"))
        let after = try FileFingerprint.of(Self.modern).merging(try FileFingerprint.of(Self.legacy)) { a, _ in a }
        #expect(before == after, "evidence must be byte-identical after ingest")
    }

    /// The ingest writer leaves foreign keys to the code that assigns the ids (SQLite checking each
    /// reference row by row was a tenth of its time). Every sample, and four of them again as zips
    /// (new items over existing accounts and identifiers), must leave none dangling. The purge of an
    /// interrupted item is checked the same way in `InterruptionTests` and `CrashConsistencyTests`.
    @Test func everySampleLeavesNoDanglingReference() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let samples = [
            "twitter/modern-2022", "twitter/legacy-2020", "twitter/grailbird-2015", "facebook/json-2024", "facebook/json-2021",
            "facebook/json-localized-de", "facebook/html-2021", "facebook/html-legacy", "instagram/json-2024", "instagram/html-2024",
        ].map(SampleExportsLocator.path)
        let first = try CasebookBinary.run(["ingest"] + samples + ["--case", casePath])
        #expect([0, 10].contains(first.status), "\(first.stderr)")
        #expect(try CaseState.problems(casePath) == [])
        // The same exports zipped are new evidence items that meet every account and identifier again.
        let zipped = try samples.prefix(4).enumerated().map { index, sample in
            try folder.zip(folder: sample, name: "sample-\(index).zip")
        }
        let second = try CasebookBinary.run(["ingest"] + zipped + ["--case", casePath])
        #expect([0, 10].contains(second.status), "\(second.stderr)")
        #expect(try CaseState.problems(casePath) == [])
        #expect(CaseState.items(casePath)?.map(\.status) == Array(repeating: "complete", count: samples.count + zipped.count))
    }

    @Test func sharedPhoneAndIPAreCorrelated() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try casebook("ingest", Self.modern, Self.legacy, "--case", casePath)
        let correlate = try casebook("correlate", "--case", casePath, "--format", "json")
        #expect(correlate.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(correlate.stdout.utf8)) as? [[String: Any]])
        let values = rows.compactMap { "\($0["kind"] ?? ""):\($0["value"] ?? "")" }
        #expect(values.contains("ip:203.0.113.7"))
        #expect(values.contains("phone:+15550104477"))
        // Each link lists its occurrences under `occurrences` and counts them under `occurrenceCount`
        // (once both were `occurrences`); --occurrences caps the list, never the counts or strength.
        let ip = try #require(rows.first { $0["value"] as? String == "203.0.113.7" })
        let count = try #require(ip["occurrenceCount"] as? Int)
        #expect(count >= 2)
        #expect((ip["occurrences"] as? [Any])?.count == count)
        let capped = try casebook("correlate", "203.0.113.7", "--case", casePath, "--occurrences", "1", "--format", "json")
        let cappedRows = try #require(try JSONSerialization.jsonObject(with: Data(capped.stdout.utf8)) as? [[String: Any]])
        #expect((cappedRows.first?["occurrences"] as? [Any])?.count == 1)
        #expect(cappedRows.first?["occurrenceCount"] as? Int == count)
        #expect(cappedRows.first?["strength"] as? String == ip["strength"] as? String)
        #expect(cappedRows.first?["linkedAccounts"] as? [String] == ip["linkedAccounts"] as? [String])
        let cappedTable = try casebook("correlate", "203.0.113.7", "--case", casePath, "--occurrences", "1")
        #expect(cappedTable.stdout.contains("… \(count - 1) more occurrence(s), not listed; --occurrences 0 lists all"))
        let pivot = try casebook("timeline", "--case", casePath, "--identifier", "203.0.113.7", "--format", "jsonl")
        #expect(pivot.stdout.split(separator: "\n").count >= 2)

        let graphPath = folder.path + "/links.graphml"
        let windowed = try casebook("correlate", "--case", casePath, "--kind", "ip", "--window", "1h", "--graph", graphPath)
        #expect(windowed.status == 0)
        #expect(windowed.stdout.contains("ip 203.0.113.7"))
        #expect(windowed.stdout.contains("within 3600 s"))
        let graph = try String(contentsOfFile: graphPath, encoding: .utf8)
        #expect(graph.contains("<graphml"))
        #expect(graph.contains("ip 203.0.113.7"))
        let narrow = try casebook("correlate", "--case", casePath, "--kind", "ip", "--window", "10m")
        #expect(!narrow.stdout.contains("ip 203.0.113.7"))
        let badWindow = try casebook("correlate", "--case", casePath, "--window", "soon")
        #expect(badWindow.status == 64)
    }

    /// `--help` on every command and `casebook help <command>` print the usage and exit 0 (they
    /// once printed the parser's internal error value and exited 70).
    @Test(arguments: [
        ["--help"], ["search", "--help"], ["help", "search"], ["correlate", "--help"], ["ingest", "-h"], ["help", "report"],
    ])
    func helpIsPrintedAndExitsZero(arguments: [String]) throws {
        let output = try CasebookBinary.run(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        #expect(output.stdout.contains("USAGE: casebook"), "\(arguments): \(output.stdout.prefix(200))")
        #expect(!output.stderr.contains("CommandError"))
    }

    /// `evidence --code CODE` lists each warning with its message and where it is; `--code all` lists
    /// as many as the counts of `--warnings` add up to (the ingest summary points there for the rest).
    @Test func warningsAreListedOneByOneWithWhereTheyAre() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try casebook("ingest", SampleExportsLocator.path("facebook/json-2024"), Self.legacy, "--case", casePath)
        let repaired = try casebook("evidence", "--case", casePath, "--code", "text-repaired", "--format", "jsonl")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let rows = try repaired.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["code"] as? String == "text-repaired")
            #expect((row["member"] as? String)?.hasSuffix(".json") == true, "\(row)")
            #expect((row["message"] as? String)?.isEmpty == false)
        }
        let counts = try casebook("evidence", "--case", casePath, "--warnings", "--format", "json")
        let countRows = try #require(try JSONSerialization.jsonObject(with: Data(counts.stdout.utf8)) as? [[String: Any]])
        let total = countRows.compactMap { $0["count"] as? Int }.reduce(0, +)
        let all = try casebook("evidence", "--case", casePath, "--code", "all", "--format", "jsonl")
        #expect(all.stdout.split(separator: "\n").count == total)
        let table = try casebook("evidence", "--case", casePath, "--code", "text-repaired")
        #expect(table.stdout.contains("text-repaired") && table.stdout.contains(" › "), "\(table.stdout)")
    }

    @Test func rawSyntaxErrorExits64WithoutSQLiteText() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try casebook("ingest", Self.legacy, "--case", casePath)
        let bad = try casebook("search", "\"unclosed AND", "--raw", "--case", casePath)
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("error: "))
        #expect(!bad.stderr.lowercased().contains("sqlite"))
        let empty = try casebook("search", "!!!", "--case", casePath)
        #expect(empty.status == 64)
    }

    @Test func missingCaseAndEvidenceExit66() throws {
        let folder = try TemporaryFolder()
        let search = try casebook("search", "x", "--case", folder.path + "/none.db")
        #expect(search.status == 66)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/none.db"), "queries never create a case")
        let ingest = try casebook("ingest", folder.path + "/missing.zip", "--case", folder.path + "/c.db")
        #expect(ingest.status == 66)
        #expect(ingest.stdout.contains("missing.zip"))
    }

    @Test func caseInsideEvidenceIsRefusedBeforeAnyWrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("export/data/account.js", "window.YTD.account.part0 = [ ]")
        let before = try FileFingerprint.of(folder.path + "/export")
        let refused = try casebook("ingest", folder.path + "/export", "--case", folder.path + "/export/case.db")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("inside the evidence"))
        #expect(try FileFingerprint.of(folder.path + "/export") == before, "nothing created in the evidence")
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/export")
        #expect(listing == ["data"])
    }

    @Test func truncatedArchiveIsPartialAndNamesTheMember() throws {
        let folder = try TemporaryFolder()
        let zip = try folder.zip(folder: Self.modern, name: "modern.zip")
        let data = try Data(contentsOf: URL(fileURLWithPath: zip))
        let truncated = folder.path + "/truncated.zip"
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: truncated))
        let casePath = folder.path + "/case.db"
        let ingest = try casebook("ingest", truncated, "--case", casePath)
        #expect(ingest.status == 10)
        #expect(ingest.stdout.contains("status: partial"))
        #expect(ingest.stdout.contains("finding: truncated.zip"))
        let evidence = try casebook("evidence", "--case", casePath, "--format", "json")
        #expect(evidence.stdout.contains("\"status\":\"partial\""))
    }

    @Test func sharedTruncatedFixtureDoesNotCrash() throws {
        guard let path = SampleExportsLocator.sharedFixture("hostile/archives/libarchive/test_read_format_zip_malformed1.zip") else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let folder = try TemporaryFolder()
        let ingest = try casebook("ingest", path, "--case", folder.path + "/case.db")
        #expect([10, 65].contains(ingest.status), "\(ingest.stdout) \(ingest.stderr)")
        #expect(ingest.stdout.contains("test_read_format_zip_malformed1.zip"))
    }

    @Test func readmeFormatsTableMatchesRegistry() throws {
        let generated = try casebook("formats", "--markdown")
        let readme = try String(contentsOfFile: SampleExportsLocator.repositoryRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- formats:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- formats:end -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == generated.stdout, "run Scripts/update-readme")
    }
}

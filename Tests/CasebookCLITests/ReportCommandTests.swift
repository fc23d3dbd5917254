import CaseReports
import CasebookTestSupport
import Foundation
import Testing

/// End-to-end: tag, log, verify, report and export through the real `casebook` binary.
@Suite(.serialized) struct ReportCommandTests {
    func casebook(_ arguments: String...) throws -> CasebookBinary.Output {
        try CasebookBinary.run(arguments)
    }

    /// A minimal Twitter archive folder (only `account.js` parses on this branch; `tweets.js` is listed as unparsed).
    func writeTwitterFolder(_ folder: TemporaryFolder, name: String = "twitter-ada") throws -> String {
        try folder.write(
            name + "/data/account.js",
            """
            window.YTD.account.part0 = [ { "account" : { "email" : "ada@example.com", "createdVia" : "web", \
            "username" : "ada_l", "accountId" : "1001", "createdAt" : "2019-03-04T10:11:12.000Z", \
            "accountDisplayName" : "Ada <b>L</b>" } } ]

            """)
        try folder.write(
            name + "/data/tweets.js",
            """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "full_text" : "meet at the station", \
            "created_at" : "Mon Mar 22 13:22:50 +0000 2021" } } ]

            """)
        return folder.path + "/" + name
    }

    func withoutReportTime(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.contains(HTMLReportRenderer.reportTimeMarker)
        }
        .joined(separator: "\n")
    }

    @Test func ingestTagReportVerifyAndLog() throws {
        let folder = try TemporaryFolder()
        let evidence = try writeTwitterFolder(folder)
        let casePath = folder.path + "/case.db"
        let ingest = try casebook(
            "ingest", evidence, "--case", casePath, "--examiner", "J. Doe", "--case-name", "Op Test")
        #expect(ingest.status == 0, "every member is read and nothing is wrong: \(ingest.stdout) \(ingest.stderr)")

        let timeline = try casebook("timeline", "--case", casePath, "--format", "json")
        let events = try #require(
            try JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [[String: Any]])
        let eventId = try #require(events.first?["id"] as? Int)

        let tag = try casebook(
            "tag", String(eventId), "--case", casePath, "--label", "key-evidence", "--note", "created <two> days before"
        )
        #expect(tag.status == 0, "\(tag.stderr)")
        #expect(tag.stdout.contains("tagged event \(eventId) as 'key-evidence'"))
        let unknown = try casebook("tag", "999999", "--case", casePath, "--label", "x")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no event with id 999999"))

        let report = folder.path + "/report.html"
        let first = try casebook(
            "report", "--case", casePath, "--out", report, "--title", "Op <Test>", "--query", "account OR station")
        #expect(first.status == 0, "\(first.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("key-evidence") && html.contains("created &lt;two&gt; days before"))
        #expect(
            html.contains("Op &lt;Test&gt;") && !html.contains("<b>L</b>") && html.contains("Ada &lt;b&gt;L&lt;/b&gt;"))
        #expect(html.contains("data/tweets.js"), "the unparsed member is listed under coverage")
        #expect(
            html.contains("casebook report --case \(casePath) --out \(report)"), "the exact command is in the report")
        #expect(html.contains("NOT VERIFIED"))
        let second = try casebook(
            "report", "--case", casePath, "--out", report, "--title", "Op <Test>", "--query", "account OR station")
        #expect(second.status == 0)
        let again = try String(contentsOfFile: report, encoding: .utf8)
        #expect(withoutReportTime(html) == withoutReportTime(again), "same case and arguments, same report")

        let tagged = try casebook(
            "report", "--case", casePath, "--format", "json", "--section", "timeline", "--tagged-only")
        let taggedRows = try #require(
            try JSONSerialization.jsonObject(with: Data(tagged.stdout.utf8)) as? [[String: Any]])
        #expect(taggedRows.map { $0["id"] as? Int } == [eventId])

        let verify = try casebook("verify", "--case", casePath)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("OK"))

        // A changed copy and a missing copy, found through --evidence-dir.
        let changed = folder.path + "/changed"
        try FileManager.default.createDirectory(atPath: changed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: evidence, toPath: changed + "/twitter-ada")
        try Data("window.YTD.tweets.part0 = []\n".utf8).write(
            to: URL(fileURLWithPath: changed + "/twitter-ada/data/tweets.js"))
        // a mismatch fails the command (65) and says so on standard error; the rows still come out.
        let changedRun = try casebook("verify", "--case", casePath, "--evidence-dir", changed, "--format", "json")
        #expect(changedRun.status == 65)
        #expect(
            changedRun.stderr.contains(
                "error: verification failed: 1 of 1 evidence item changed or missing (twitter-ada CHANGED at \(changed)/twitter-ada)"),
            "\(changedRun.stderr)")
        let changedRows = try #require(
            try JSONSerialization.jsonObject(with: Data(changedRun.stdout.utf8)) as? [[String: Any]])
        #expect(changedRows.map { $0["result"] as? String } == ["CHANGED"])
        let empty = folder.path + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let missing = try casebook("verify", "--case", casePath, "--evidence-dir", empty)
        #expect(missing.status == 65)
        #expect(missing.stdout.contains("MISSING"))
        #expect(missing.stderr.contains("twitter-ada MISSING at \(empty)/twitter-ada"), "\(missing.stderr)")

        let after = try casebook("report", "--case", casePath, "--out", report)
        #expect(after.status == 0)
        let verified = try String(contentsOfFile: report, encoding: .utf8)
        #expect(verified.contains(">MISSING<"), "the newest verification is shown in later reports")

        let log = try casebook("log", "--case", casePath, "--format", "json")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(runs.map { $0["command"] as? String } == ["ingest", "tag", "tag", "verify", "verify", "verify"])
        #expect(runs.map { $0["exitStatus"] as? Int } == [0, 0, 64, 0, 65, 65])
        let verifyCounts = try #require(runs[4]["summary"] as? [String: Any])
        #expect(verifyCounts["changed"] as? Int == 1)
        #expect((runs[1]["arguments"] as? [String])?.contains("key-evidence") == true)
        let table = try casebook("log", "--case", casePath)
        #expect(table.status == 0 && table.stdout.contains("verify"))
    }

    @Test func reportSectionsAndUsageErrors() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        try SyntheticCase.make(in: folder, casePath: casePath)
        let hits = try casebook(
            "report", "--case", casePath, "--format", "json", "--section", "hits", "--query", "station OR ticket")
        #expect(hits.status == 0, "\(hits.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(hits.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3, "two posts and one message mention station or ticket")
        let all = try casebook("report", "--case", casePath, "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == Set(ReportDocument.sectionNames))
        let csv = try casebook(
            "report", "--case", casePath, "--format", "csv", "--section", "timeline", "--since", "2021-03-21")
        #expect(csv.stdout.hasPrefix("id,occurredAt,time,"))
        #expect(csv.stdout.contains("'<script>") == false && csv.stdout.contains("<script>alert(1)"))
        let noSection = try casebook("report", "--case", casePath, "--format", "csv")
        #expect(noSection.status == 64)
        let noOut = try casebook("report", "--case", casePath)
        #expect(noOut.status == 64)
        let inside = try casebook(
            "report", "--case", casePath, "--out", folder.path + "/" + SyntheticCase.evidenceName + "/r.html")
        #expect(inside.status == 64, "never write into the evidence folder")
        let html = folder.path + "/r.html"
        let report = try casebook(
            "report", "--case", casePath, "--out", html, "--tz", "Europe/Berlin", "--query", "station")
        #expect(report.status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!text.contains("<script>") && text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("<mark>station</mark>"))
        #expect(text.contains("ip: 203.0.113.7"), "the shared IP is listed with its explanation")
        #expect(text.contains("2021-03-22 14:22:00 +01:00"), "times in the display zone")
    }

    @Test func timesketchExportIsOneJSONObjectPerTimedEvent() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        try SyntheticCase.make(in: folder, casePath: casePath)
        let out = folder.path + "/op.jsonl"
        let export = try casebook("export", "--case", casePath, "--format", "timesketch", "--out", out)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("5 events, 1 without a time skipped"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((object["datetime"] as? String)?.hasSuffix("Z") == true)
            #expect((object["message"] as? String)?.isEmpty == false)
            #expect((object["timestamp_desc"] as? String)?.isEmpty == false)
            #expect(object["timestamp"] is Int)
            #expect((object["provenance"] as? String)?.contains(" › data/") == true)
        }
        let csv = try casebook("export", "--case", casePath, "--format", "csv", "--out", "-")
        #expect(csv.stdout.split(separator: "\r\n").count == 7, "header and six events")
        let jsonl = try casebook("export", "--case", casePath, "--format", "jsonl", "--out", "-")
        #expect(jsonl.stdout.split(separator: "\n").count == 6)
    }

    @Test func caseExportIsJSONLDThatCaseValidateAccepts() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        try SyntheticCase.make(in: folder, casePath: casePath)
        let out = folder.path + "/op.jsonld"
        let export = try casebook("export", "--case", casePath, "--format", "case", "--out", out)
        #expect(export.status == 0, "\(export.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let context = try #require(document["@context"] as? [String: String])
        for prefix in ["uco-core", "uco-observable", "case-investigation"] { #expect(context[prefix] != nil) }
        let graph = try #require(document["@graph"] as? [[String: Any]])
        let types = graph.compactMap { $0["@type"] as? String }
        #expect(types.filter { $0 == "uco-observable:ApplicationAccount" }.count == 2)
        #expect(types.filter { $0 == "uco-observable:Message" }.count == 2)
        #expect(types.filter { $0 == "uco-observable:Post" }.count == 3)
        #expect(types.filter { $0 == "uco-observable:MessageThread" }.count == 1)
        #expect(
            types.filter { $0 == "uco-core:Relationship" }.count == 6 + 2, "one per event, one per account sighting")
        let text = String(decoding: data, as: UTF8.self)
        for method in ["SHA256", "SHA1", "MD5"] { #expect(text.contains("\"uco-types:hashMethod\":\"\(method)\"")) }

        guard let validator = Self.executable("case_validate") else {
            print("skipped: case_validate is not on PATH (pip install case-utils, or Scripts/setup-python)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = [out]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "case_validate: \(output)")
        #expect(output.contains("Conforms: True"), "\(output)")
    }

    static func executable(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

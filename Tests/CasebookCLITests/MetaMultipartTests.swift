import CasebookTestSupport
import Foundation
import Testing

/// A Facebook export split into two zips (as Meta delivers large exports) ingested with an Instagram
/// export in one command, and a localized Facebook tree, through the real `casebook` binary.
@Suite(.serialized) struct MetaMultipartTests {
    func casebook(_ arguments: String...) throws -> CasebookBinary.Output {
        try CasebookBinary.run(arguments)
    }

    func jsonRows(_ output: CasebookBinary.Output) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    /// Copies `facebook/json-2024` into `part1` (the messages, except `message_2.json`) and `part2`
    /// (the rest, with the older half of the thread), and zips each.
    func splitFacebookExport(in folder: TemporaryFolder) throws -> (String, String) {
        let manager = FileManager.default
        let part1 = folder.path + "/part1", part2 = folder.path + "/part2"
        try manager.copyItem(atPath: SampleExportsLocator.path("facebook/json-2024"), toPath: part2)
        try manager.removeItem(atPath: part2 + "/FIXTURE.md")
        try manager.createDirectory(atPath: part1 + "/your_facebook_activity", withIntermediateDirectories: true)
        try manager.moveItem(
            atPath: part2 + "/your_facebook_activity/messages", toPath: part1 + "/your_facebook_activity/messages")
        let thread = "/your_facebook_activity/messages/inbox/jonasberg_10203040"
        try manager.createDirectory(atPath: part2 + thread, withIntermediateDirectories: true)
        try manager.moveItem(atPath: part1 + thread + "/message_2.json", toPath: part2 + thread + "/message_2.json")
        return (
            try folder.zip(folder: part1, name: "facebook-laerke-2024-03-01-part1.zip"),
            try folder.zip(folder: part2, name: "facebook-laerke-2024-03-01-part2.zip")
        )
    }

    @Test func splitFacebookExportAndInstagramInOneIngest() throws {
        let folder = try TemporaryFolder()
        let (part1, part2) = try splitFacebookExport(in: folder)
        let casePath = folder.path + "/case.db"
        let ingest = try casebook(
            "ingest", part1, part2, SampleExportsLocator.path("instagram/json-2024"), "--case", casePath)
        #expect(ingest.status == 0 || ingest.status == 10, "\(ingest.stderr)")
        #expect(ingest.stdout.components(separatedBy: "status: complete").count - 1 == 3)

        // Logins from part 2, with the owner as account and pivotable by IP.
        let logins = try jsonRows(
            try casebook(
                "timeline", "--case", casePath, "--platform", "facebook", "--kind", "login", "--format", "json"))
        #expect(logins.count == 3)
        #expect(logins.allSatisfy { $0["account"] as? String == "@lærke nørgaard" })
        let members = Set(logins.compactMap { ($0["provenance"] as? [String: Any])?["member"] as? String })
        #expect(members.contains("security_and_login_information/logins_and_logouts.json"))
        // The user agent of a login travels in the event's details.
        #expect(logins.contains { (($0["details"] as? [String: Any])?["userAgent"] as? String)?.isEmpty == false })
        let byAddress = try jsonRows(
            try casebook(
                "timeline", "--case", casePath, "--identifier", "2001:db8::17", "--kind", "login", "--format", "json"))
        #expect(byAddress.count == 1)
        #expect((byAddress.first?["provenance"] as? [String: Any])?["locator"] as? String == "/account_accesses_v2/0")

        // The thread's two files sit in different parts and still form one conversation.
        let messages = try jsonRows(
            try casebook(
                "timeline", "--case", casePath, "--platform", "facebook", "--kind", "message", "--format", "json"))
        #expect(messages.count == 3)
        let evidence = Set(messages.compactMap { ($0["provenance"] as? [String: Any])?["evidenceName"] as? String })
        #expect(evidence.count == 2)
        #expect(Set(messages.compactMap { $0["conversation"] as? String }).count == 1)

        // Repaired mojibake is searchable, and the repairs are counted per member.
        let search = try casebook("search", "tænkt", "--case", casePath, "--format", "jsonl")
        #expect(search.status == 0)
        #expect(search.stdout.contains("\"platform\":\"facebook\""))
        #expect(search.stdout.contains("\"platform\":\"instagram\""))
        let warnings = try casebook("evidence", "--case", casePath, "--warnings")
        #expect(warnings.stdout.contains("facebook.messages") && warnings.stdout.contains("text-repaired"))

        // The owner with the email and phone of the profile in part 2.
        let accounts = try casebook("accounts", "--case", casePath, "--platform", "facebook", "--format", "json")
        let owner = try #require(try jsonRows(accounts).first { ($0["exportOwner"] as? Bool) == true })
        let identifiers = "\(owner["identifiers"] ?? "")"
        #expect(identifiers.contains("laerke.n@example.com"))
        #expect(identifiers.contains("+12025550173"))
    }

    @Test func localizedTreeIsReportedNotIgnored() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let ingest = try casebook(
            "ingest", SampleExportsLocator.path("facebook/json-localized-de"), "--case", casePath)
        #expect(ingest.status == 10, "unparsed members are findings: \(ingest.stderr)")
        #expect(ingest.stdout.contains("1 parsed, 3 unparsed"))
        let warnings = try casebook("evidence", "--case", casePath, "--warnings")
        #expect(warnings.stdout.contains("uncertain-layout"))
        let members = try jsonRows(try casebook("evidence", "--case", casePath, "--members", "--format", "json"))
        let statuses = Dictionary(
            members.compactMap { row in (row["path"] as? String).map { ($0, row["status"] as? String ?? "") } },
            uniquingKeysWith: { first, _ in first })
        #expect(statuses["nachrichten/posteingang/annaschmidt_k7l8m9/message_1.json"] == "parsed")
        #expect(statuses["profilinformationen/profilinformationen.json"] == "unparsed")
        #expect(statuses["sicherheits_und_anmeldeinformationen/anmeldungen_und_abmeldungen.json"] == "unparsed")
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
import Testing

@Suite struct InstagramMessagesParserTests {
    static let member = "your_instagram_activity/messages/inbox/olevik_17841400000000001/message_1.json"

    @Test func sample2024Thread() throws {
        let result = try ParserHarness.run(InstagramMessagesParser.self, sample: "instagram/json-2024")
        #expect(result.records.count == 6)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let frida = AccountKey.handle(.instagram, "Frida Dahl Sørensen")
        let time = MetaTest.epochMilliseconds(1_709_300_000_000)
        let expected = Event(
            platform: .instagram, kind: .message, occurredAt: time, actor: frida,
            conversationKey: "inbox/olevik_17841400000000001", text: "Se her",
            details: [
                .init("rawSenderName", "Frida Dahl S\u{00C3}\u{00B8}rensen"),
                .init("rawShareText", "Solnedgang \u{00F0}\u{009F}\u{008C}\u{0085}"),
                .init("shareText", "Solnedgang 🌅"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .url, raw: "https://www.instagram.com/p/SyNtHeTiC01/", field: "messages.share.link",
                    observedAt: time,
                    accountKey: frida)
            ],
            provenance: MetaTest.provenance(result, Self.member, "/messages/1", InstagramMessagesParser.self))
        #expect(result.events.last == expected)
        let reaction = try #require(result.events.first { $0.kind == .reaction })
        #expect(reaction.occurredAt == MetaTest.epochSeconds(1_709_301_100))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("instagram") != nil, "../shared/fixtures is absent"))
    func sharedPublicTestZip() throws {
        let zip = try #require(
            SampleExportsLocator.sharedFixture(
                "instagram/what-if-horizon__what-if-data-donation/pytests/public_testfiles/IG_public_test_file.zip"))
        let result = try ParserHarness.run(InstagramMessagesParser.self, path: zip)
        // inbox/username: 2 participants + thread + 2 messages; 5 message_requests files with
        // 4 participants + thread + 1 message each.
        #expect(result.records.count == 35)
        #expect(result.warnings.count == 0)
        #expect(result.members.count == 6)
        #expect(result.events.filter { $0.kind == .message }.count == 7)
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("instagram") != nil, "../shared/fixtures is absent"))
    func sharedChatMinerFile() throws {
        // joweich/chat-miner test_export.json: a bare messages list, no participants, no thread_path.
        let source = try #require(
            SampleExportsLocator.sharedFixture("instagram/joweich__chat-miner/test/instagram/test_export.json"))
        let folder = try TemporaryFolder()
        try folder.write(
            "your_instagram_activity/messages/inbox/janedoe_1/message_1.json",
            Data(contentsOf: URL(fileURLWithPath: source)))
        let result = try ParserHarness.run(InstagramMessagesParser.self, path: folder.path)
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        #expect(result.conversations.first?.key == "inbox/janedoe_1")
        #expect(result.events.map(\.text) == ["Hello Jane!", "Hello John!"])
    }
}

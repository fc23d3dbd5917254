import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
import Testing

@Suite struct FacebookMessagesParserTests {
    static let member = "messages/inbox/annakrogh_a1b2c3d4e5/message_1.json"

    @Test func sample2021Thread() throws {
        let result = try ParserHarness.run(FacebookMessagesParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 9)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let anna = AccountKey.handle(.facebook, "Anna Krogh")
        let expected = Event(
            platform: .facebook, kind: .message, occurredAt: MetaTest.epochMilliseconds(1_612_345_678_901), actor: anna,
            conversationKey: "inbox/annakrogh_a1b2c3d4e5", text: "Jeg har tænkt over det 👍",
            details: [
                .init("rawText", "Jeg har t\u{00C3}\u{00A6}nkt over det \u{00F0}\u{009F}\u{0091}\u{008D}"),
                .init("type", "Generic"),
            ],
            provenance: MetaTest.provenance(result, Self.member, "/messages/0", FacebookMessagesParser.self))
        #expect(result.events.first == expected)
    }

    @Test func sample2021AttachmentsCallsSharesAndUnsent() throws {
        let result = try ParserHarness.run(FacebookMessagesParser.self, sample: "facebook/json-2021")
        let photo = try #require(result.events.first { !$0.attachments.isEmpty })
        #expect(
            photo.attachments == [
                Attachment(
                    memberPath: "messages/inbox/annakrogh_a1b2c3d4e5/photos/beach_1001.jpg",
                    reference: "messages/inbox/annakrogh_a1b2c3d4e5/photos/beach_1001.jpg", mediaType: "photo")
            ])
        #expect(
            result.events.filter { $0.kind == .call }.map(\.details) == [
                [.init("type", "Call"), .init("callDuration", "125")]
            ])
        #expect(result.events.flatMap(\.identifiers).map(\.raw) == ["https://example.org/article/42"])
        #expect(result.events.filter { $0.details.contains(.init("unsent", "true")) }.count == 1)
        let reaction = try #require(result.events.first { $0.kind == .reaction })
        #expect(reaction.text == "❤")
        #expect(reaction.actor == .handle(.facebook, "Søren Testesen"))
        #expect(
            result.conversations.first?.participants == [
                .handle(.facebook, "Anna Krogh"), .handle(.facebook, "Søren Testesen"),
            ])
    }

    @Test func sample2024ThreadSplitOverTwoFilesIsOneConversation() throws {
        let result = try ParserHarness.run(FacebookMessagesParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 10)
        #expect(result.warnings.map(\.code) == ["text-repaired", "text-repaired"])
        #expect(Set(result.conversations.map(\.key)) == ["inbox/jonasberg_10203040"])
        #expect(result.conversations.count == 2)
    }

    @Test func badValuesWarnAndParsingGoesOn() throws {
        let text = """
            {"participants": [{"name": "A"}, {}], "messages": [
              {"sender_name": "A", "timestamp_ms": "soon", "content": "x"},
              {"timestamp_ms": 1600000000000, "content": "y"},
              7
            ], "thread_path": "inbox/a_1"}
            """
        let result = try ParserHarness.run(
            FacebookMessagesParser.self,
            files: ["messages/inbox/a_1/message_1.json": text, "profile_information/profile_information.json": "{}"])
        // 1 account, 1 conversation, 2 messages.
        #expect(result.records.count == 4)
        // participant without name, bad timestamp, missing sender, non-object message.
        #expect(result.warnings.map(\.code) == ["missing-field", "bad-timestamp", "missing-field", "unexpected-shape"])
        #expect(result.warnings[1].provenance.locator == "/messages/0/timestamp_ms")
    }

    @Test func malformedJSONMakesTheMemberFail() throws {
        #expect(throws: ParseError.self) {
            _ = try ParserHarness.run(
                FacebookMessagesParser.self,
                files: ["messages/inbox/a_1/message_1.json": "{\"messages\": [", "posts/your_posts_1.json": "[]"])
        }
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("facebook") != nil, "../shared/fixtures is absent"))
    func sharedMessengerFixture() throws {
        // mlomb/chat-analytics 2A_7M.json: 2 participants, 7 messages (files, audio, sticker, photos, 2 with "ip").
        let source = try #require(
            SampleExportsLocator.sharedFixture("facebook/mlomb__chat-analytics/tests/samples/messenger/2A_7M.json"))
        let folder = try TemporaryFolder()
        try folder.write(
            "messages/inbox/alice_aaaaaaaaaa/message_1.json", Data(contentsOf: URL(fileURLWithPath: source)))
        let result = try ParserHarness.run(FacebookMessagesParser.self, path: folder.path)
        #expect(result.records.count == 10)
        // Only messages/inbox in the folder: recognized as .possible, and the reason is kept.
        #expect(result.warnings.map(\.code) == ["uncertain-layout"])
        let messages = result.events.filter { $0.kind == .message }
        #expect(messages.count == 7)
        #expect(messages.flatMap(\.identifiers).map(\.raw) == ["1.1.1.1", "1.1.1.1"])
        #expect(messages.flatMap(\.attachments).map(\.mediaType) == ["file", "audio", "sticker", "photo"])
        #expect(result.conversations.first?.key == "inbox/alice_aaaaaaaaaa")
    }
}

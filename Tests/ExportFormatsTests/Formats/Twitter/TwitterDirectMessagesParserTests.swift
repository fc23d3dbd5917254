import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterDirectMessagesParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveConversationsAndMessages() throws {
        let result = try ParserHarness.run(TwitterDirectMessagesParser.self, sample: "twitter/modern-2022")
        // direct-messages.js: 2 conversations + 6 messages; direct-messages-group.js: 1 conversation + 4 entries.
        #expect(result.records.count == 13)
        #expect(result.warnings.count == 0)
        let route = try #require(result.events.first { $0.details.contains(.init("messageId", "1232744022930753082")) })
        #expect(
            route
                == Event(
                    platform: .twitter, kind: .message,
                    occurredAt: Support.stamp(1_582_744_053_000_000, "2020-02-26T19:07:33.000Z"),
                    actor: Support.ada, conversationKey: "1400000000000000001-900000000000000002",
                    text: "Here's the route I had in mind https://maps.example.com/route/42",
                    details: [.init("messageId", "1232744022930753082"), .init("recipientId", "900000000000000002")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "1400000000000000001", field: "messageCreate.senderId",
                            platform: .twitter,
                            accountKey: Support.ada),
                        IdentifierObservation(
                            kind: .userId, raw: "900000000000000002", field: "messageCreate.recipientId",
                            platform: .twitter,
                            accountKey: Support.bram),
                        IdentifierObservation(
                            kind: .url, raw: "https://maps.example.com/route/42", field: "messageCreate.urls.expanded"),
                    ],
                    provenance: Support.provenance(
                        result, "data/direct-messages.js", "/0/dmConversation/messages/1/messageCreate",
                        "twitter.direct-messages")))
        let reacted = try #require(
            result.events.first { $0.details.contains(.init("messageId", "1232744647883188082")) })
        #expect(reacted.details.last == .init("reactions", "like by 1400000000000000001"))
    }

    @Test func groupConversationHasParticipantsTitleAndEvents() throws {
        let result = try ParserHarness.run(TwitterDirectMessagesParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 13)
        #expect(result.warnings.count == 0)
        let group = try #require(result.conversations.first { $0.key == "1555000000000000777" })
        #expect(
            group
                == Conversation(
                    platform: .twitter, key: "1555000000000000777", title: "Saturday hike",
                    participants: [Support.ada, .userId(.twitter, "1350000000000000003"), Support.bram],
                    provenance: Support.provenance(
                        result, "data/direct-messages-group.js", "/0/dmConversation", "twitter.direct-messages")))
        let groupEvents = result.events.filter { $0.conversationKey == "1555000000000000777" }
        #expect(groupEvents.map(\.kind) == [.conversationEvent, .message, .message, .conversationEvent])
        #expect(groupEvents.first?.text == "Saturday hike")
        #expect(
            groupEvents.first?.details == [
                .init("eventType", "conversationNameUpdate"), .init("name", "Saturday hike"),
            ])
        #expect(groupEvents[1].details == [.init("messageId", "1560686825438506817")])
        #expect(result.conversations.count == 3)
    }

    @Test func oldFileNameSharesTheConversationWithTheOtherArchive() throws {
        let result = try ParserHarness.run(TwitterDirectMessagesParser.self, sample: "twitter/legacy-2020")
        #expect(result.records.count == 5)
        #expect(result.warnings.count == 0)
        #expect(
            result.conversations
                == [
                    Conversation(
                        platform: .twitter, key: "1400000000000000001-900000000000000002",
                        participants: [Support.ada, Support.bram],
                        provenance: Support.provenance(
                            result, "data/direct-message.js", "/0/dmConversation", "twitter.direct-messages"))
                ])
        #expect(result.events.allSatisfy { $0.kind == .message && $0.actor != nil })
    }

    @Test func mediaAndUnknownEntriesAndBadTimes() throws {
        let file = """
            window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : "1-2", "messages" : [
              { "messageCreate" : { "recipientId" : "2", "reactions" : [ ], "urls" : [ ], "text" : "pic",
                "mediaUrls" : [ "https://ton.twitter.com/dm/77/88/AbC.jpg" ], "senderId" : "1", "id" : "77",
                "createdAt" : "not a time" } },
              { "welcomeMessageCreate" : { "id" : "78" } }
            ] } } ]
            """
        let result = try ParserHarness.run(
            TwitterDirectMessagesParser.self,
            files: Support.archive([
                "data/direct-messages.js": file, "data/direct_messages_media/77-AbC.jpg": "jpeg",
            ]))
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.map(\.code) == ["bad-timestamp", "unknown-entry"])
        #expect(result.warnings.last?.provenance.locator == "/0/dmConversation/messages/1/welcomeMessageCreate")
        #expect(
            result.events.first?.attachments
                == [
                    Attachment(
                        memberPath: "data/direct_messages_media/77-AbC.jpg",
                        reference: "https://ton.twitter.com/dm/77/88/AbC.jpg")
                ])
    }
}

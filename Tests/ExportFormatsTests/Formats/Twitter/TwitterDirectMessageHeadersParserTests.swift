import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterDirectMessageHeadersParserTests {
    typealias Support = TwitterTestSupport

    @Test func headersBesideTheFullFileEmitNothing() throws {
        let result = try ParserHarness.run(TwitterDirectMessageHeadersParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 0)
        #expect(result.members == ["data/direct-message-headers.js"])
        let legacy = try ParserHarness.run(TwitterDirectMessageHeadersParser.self, sample: "twitter/legacy-2020")
        #expect(legacy.records.count == 0)
        #expect(legacy.warnings.count == 0)
    }

    @Test func headersAloneGiveMessagesWithoutText() throws {
        let file = """
            window.YTD.direct_message_headers.part0 = [ { "dmConversation" : {
              "conversationId" : "1400000000000000001-900000000000000002",
              "messages" : [ { "messageCreate" : { "id" : "1232744022930753082", "senderId" : "1400000000000000001",
                "recipientId" : "900000000000000002", "createdAt" : "2020-02-26T19:07:33.000Z" } } ] } } ]
            """
        let result = try ParserHarness.run(
            TwitterDirectMessageHeadersParser.self, files: Support.archive(["data/direct-message-headers.js": file]))
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .message,
                    occurredAt: Support.stamp(1_582_744_053_000_000, "2020-02-26T19:07:33.000Z"),
                    actor: Support.ada, conversationKey: "1400000000000000001-900000000000000002", text: nil,
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
                    ],
                    provenance: Support.provenance(
                        result, "data/direct-message-headers.js", "/0/dmConversation/messages/0/messageCreate",
                        "twitter.direct-message-headers")))
    }

    @Test func groupHeadersAreSkippedOnlyWhenTheGroupFileIsPresent() throws {
        let empty = "window.YTD.direct_message_group_headers.part0 = [ ]"
        let group = """
            window.YTD.direct_message_group_headers.part0 = [ { "dmConversation" : { "conversationId" : "99",
              "messages" : [ { "messageCreate" : { "id" : "5", "senderId" : "7",
                "createdAt" : "2020-01-01T00:00:00.000Z" } } ] } } ]
            """
        let alone = try ParserHarness.run(
            TwitterDirectMessageHeadersParser.self,
            files: Support.archive([
                "data/direct-message-group-headers.js": group,
                "data/direct-messages.js": "window.YTD.direct_messages.part0 = [ ]",
            ]))
        #expect(alone.records.count == 2)
        #expect(alone.warnings.count == 0)
        let emptyResult = try ParserHarness.run(
            TwitterDirectMessageHeadersParser.self,
            files: Support.archive(["data/direct-message-group-headers.js": empty]))
        #expect(emptyResult.records.count == 0)
        #expect(emptyResult.warnings.count == 0)
    }
}

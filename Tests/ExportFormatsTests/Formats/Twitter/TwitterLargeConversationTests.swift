import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
import Testing

/// A conversation over the streaming threshold is read message by message from its bytes; what it
/// gives must be exactly what reading it whole gives.
@Suite struct TwitterLargeConversationTests {
    /// A group conversation of `count` entries (messages with a link, a join, a rename) and a small
    /// one-to-one conversation after it, about 1 KiB per message.
    static func archive(count: Int, brokenEntry: Int? = nil) -> String {
        let padding = String(repeating: "lorem ipsum ", count: 70)
        var entries: [String] = []
        for index in 0..<count {
            let sender = 1_000 + index % 7
            if index == brokenEntry {
                entries.append(#"{ "messageCreate" : { "id" : "9\#(index)", "text" : tru } }"#)  // balanced, but not JSON
                continue
            }
            if index == 3 {
                entries.append(#"{ "conversationNameUpdate" : { "initiatingUserId" : "1001", "name" : "Night shift", "createdAt" : "2021-05-01T10:00:00.000Z" } }"#)
            } else if index == 5 {
                entries.append(#"{ "participantsJoin" : { "initiatingUserId" : "1002", "userIds" : [ "2002" ], "createdAt" : "2021-05-01T09:00:00.000Z" } }"#)
            } else {
                entries.append(#"""
                    { "messageCreate" : { "id" : "9\#(index)", "senderId" : "\#(sender)", "text" : "message \#(index) \#(padding) https://t.co/x\#(index)", "urls" : [ { "url" : "https://t.co/x\#(index)", "expanded" : "https://example.org/\#(index)", "display" : "example.org/\#(index)" } ], "mediaUrls" : [ ], "createdAt" : "2021-04-\#(10 + index % 18)T08:00:\#(10 + index % 50).000Z" } }
                    """#)
            }
        }
        return """
            window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : "777000", "messages" : [
            \(entries.joined(separator: ",\n"))
            ] } }, { "dmConversation" : { "conversationId" : "1000-1001", "messages" : [ { "messageCreate" : { "id" : "5", "senderId" : "1000", "recipientId" : "1001", "text" : "small", "urls" : [ ], "mediaUrls" : [ ], "createdAt" : "2021-04-02T08:00:00.000Z" } } ] } } ]
            """
    }

    @Test func streamedConversationGivesWhatTheWholeReadGives() throws {
        let text = Self.archive(count: 6_000)
        #expect(text.utf8.count > 4 << 20, "the group conversation must be over the 4 MiB threshold")
        let folder = try TemporaryFolder()
        try folder.write("data/direct-messages.js", text)
        try folder.write("data/account.js", TwitterTestSupport.accountFile)
        let streamed = try ParserHarness.run(instance: TwitterDirectMessagesParser(), path: folder.path)
        let whole = try ParserHarness.run(instance: TwitterDirectMessagesParser(streamingThreshold: .max), path: folder.path)
        // 2 conversations, 5,998 messages, 2 conversation events, 1 small message.
        #expect(streamed.records.count == 2 + 6_000 + 1)
        #expect(streamed.warnings.count == 0)
        #expect(streamed.records == whole.records)
        #expect(streamed.warnings == whole.warnings)
        let group = try #require(streamed.conversations.first)
        #expect(group.key == "777000")
        #expect(group.title == "Night shift")
        #expect(group.participants.count == 8, "7 senders and one joined user")
        #expect(group.provenance.locator == "/0/dmConversation")
        let last = try #require(streamed.events.last { $0.conversationKey == "777000" })
        #expect(last.provenance.locator == "/0/dmConversation/messages/5999/messageCreate")
        #expect(last.text?.hasSuffix("https://example.org/5999") == true)
        #expect(last.provenance.memberPath == ["data/direct-messages.js"])
    }

    /// One bad message in a streamed conversation costs that message only (read whole, the
    /// conversation is one invalid element and gives nothing), and the warning names its byte.
    @Test func badEntryInStreamedConversationLosesOnlyThatEntry() throws {
        let text = Self.archive(count: 6_000, brokenEntry: 4_000)
        let folder = try TemporaryFolder()
        try folder.write("data/direct-messages.js", text)
        try folder.write("data/account.js", TwitterTestSupport.accountFile)
        let streamed = try ParserHarness.run(instance: TwitterDirectMessagesParser(), path: folder.path)
        let entries = streamed.events.filter { $0.conversationKey == "777000" }
        #expect(entries.count == 5_999)
        #expect(!entries.contains { $0.provenance.locator.hasPrefix("/0/dmConversation/messages/4000/") })
        #expect(streamed.warnings.count == 1)
        let warning = try #require(streamed.warnings.first)
        #expect(warning.code == "invalid-json")
        #expect(warning.provenance.locator == "/0/dmConversation/messages/4000")
        // The broken entry's raw text stays searchable, as a broken element's would.
        let kept = try #require(streamed.events.first { $0.kind == .unparsedText })
        #expect(kept.text?.contains(#""id" : "94000", "text" : tru"#) == true)
        #expect(kept.provenance.locator == "/0/dmConversation/messages/4000")
        let byteText = try #require(warning.message.split(separator: "byte ").last?.split(separator: " ").first)
        let byte = try #require(Int(byteText.filter(\.isNumber)))
        let brokenAt = try #require(text.utf8.firstRange(of: Array(#"{ "messageCreate" : { "id" : "94000""#.utf8)))
        let brokenOffset = text.utf8.distance(from: text.utf8.startIndex, to: brokenAt.lowerBound)
        #expect(byte > brokenOffset, "the reported byte lies after the start of the broken entry")
        #expect(streamed.events.contains { $0.conversationKey == "1000-1001" }, "the next conversation is still read")
    }
}

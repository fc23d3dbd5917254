import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
import Testing

/// A conversation over the streaming threshold is read message by message as its bytes arrive; what
/// it gives must be what reading it whole gives (a group's conversation record after its messages).
@Suite struct TwitterLargeConversationTests {
    /// A group conversation of `count` entries (messages with a link, a join, a rename) and a small
    /// one-to-one conversation after it, about 1 KiB per message. `oneToOne` makes the large one a
    /// one-to-one conversation between 1000 and 1001 (its messages name a recipient).
    static func archive(count: Int, brokenEntry: Int? = nil, oneToOne: Bool = false) -> String {
        let padding = String(repeating: "lorem ipsum ", count: 70)
        var entries: [String] = []
        for index in 0..<count {
            let sender = oneToOne ? 1_000 + index % 2 : 1_000 + index % 7
            let recipient = oneToOne ? #""recipientId" : "\#(2_001 - sender)", "# : ""
            if index == brokenEntry {
                entries.append(#"{ "messageCreate" : { "id" : "9\#(index)", "text" : tru } }"#)  // balanced, but not JSON
                continue
            }
            if !oneToOne && index == 3 {
                entries.append(#"{ "conversationNameUpdate" : { "initiatingUserId" : "1001", "name" : "Night shift", "createdAt" : "2021-05-01T10:00:00.000Z" } }"#)
            } else if !oneToOne && index == 5 {
                entries.append(#"{ "participantsJoin" : { "initiatingUserId" : "1002", "userIds" : [ "2002" ], "createdAt" : "2021-05-01T09:00:00.000Z" } }"#)
            } else {
                entries.append(#"""
                    { "messageCreate" : { "id" : "9\#(index)", "senderId" : "\#(sender)", \#(recipient)"text" : "message \#(index) \#(padding) https://t.co/x\#(index)", "urls" : [ { "url" : "https://t.co/x\#(index)", "expanded" : "https://example.org/\#(index)", "display" : "example.org/\#(index)" } ], "mediaUrls" : [ ], "createdAt" : "2021-04-\#(10 + index % 18)T08:00:\#(10 + index % 50).000Z" } }
                    """#)
            }
        }
        return """
            window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : "\(oneToOne ? "1000-1001" : "777000")", "messages" : [
            \(entries.joined(separator: ",\n"))
            ] } }, { "dmConversation" : { "conversationId" : "1000-1001", "messages" : [ { "messageCreate" : { "id" : "5", "senderId" : "1000", "recipientId" : "1001", "text" : "small", "urls" : [ ], "mediaUrls" : [ ], "createdAt" : "2021-04-02T08:00:00.000Z" } } ] } } ]
            """
    }

    static func read(_ text: String, _ parser: TwitterDirectMessagesParser) throws -> ParserHarness.Result {
        let folder = try TemporaryFolder()
        try folder.write("data/direct-messages.js", text)
        try folder.write("data/account.js", TwitterTestSupport.accountFile)
        return try ParserHarness.run(instance: parser, path: folder.path)
    }

    /// `text` with the byte at `offset` made 0xFF (invalid UTF-8), read streamed and whole.
    static func readWithInvalidByte(
        _ text: String, at offset: Int
    ) throws -> (streamed: ParserHarness.Result, whole: ParserHarness.Result) {
        var bytes = Array(text.utf8)
        bytes[offset] = 0xFF
        let folder = try TemporaryFolder()
        try folder.write("data/direct-messages.js", Data(bytes))
        try folder.write("data/account.js", TwitterTestSupport.accountFile)
        return (
            try ParserHarness.run(instance: TwitterDirectMessagesParser(), path: folder.path),
            try ParserHarness.run(instance: TwitterDirectMessagesParser(streamingThreshold: .max), path: folder.path)
        )
    }

    @Test func streamedGroupConversationGivesWhatTheWholeReadGives() throws {
        let text = Self.archive(count: 6_000)
        #expect(text.utf8.count > 4 << 20, "the group conversation must be over the 4 MiB threshold")
        let streamed = try Self.read(text, TwitterDirectMessagesParser())
        let whole = try Self.read(text, TwitterDirectMessagesParser(streamingThreshold: .max))
        // 2 conversations, 5,998 messages, 2 conversation events, 1 small message.
        #expect(streamed.records.count == 2 + 6_000 + 1)
        #expect(streamed.warnings.count == 0)
        // Read whole, the group's record comes first; streamed, after its 6,000 entries, which name
        // its participants and title.
        var expected = whole.records
        expected.insert(expected.removeFirst(), at: 6_000)
        let same = streamed.records == expected
        #expect(same, "the records are those of the whole read, the group's record after its entries")
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

    /// A one-to-one conversation's record comes from its id: streamed, the records come in the order
    /// of the whole read.
    @Test func streamedOneToOneConversationGivesTheWholeReadsRecordsInOrder() throws {
        let text = Self.archive(count: 6_000, oneToOne: true)
        let streamed = try Self.read(text, TwitterDirectMessagesParser())
        let whole = try Self.read(text, TwitterDirectMessagesParser(streamingThreshold: .max))
        #expect(streamed.records.count == 1 + 6_000 + 1 + 1)
        #expect(streamed.warnings.count == 0)
        let same = streamed.records == whole.records
        #expect(same)
        let first = try #require(streamed.events.first)
        #expect(first.provenance.locator == "/0/dmConversation/messages/0/messageCreate")
        #expect(first.details.contains(.init("recipientId", "1001")))
        #expect(first.identifiers.map(\.field) == ["messageCreate.senderId", "messageCreate.recipientId", "messageCreate.urls.expanded"])
    }

    /// A streamed conversation is not held: one of 6 MB is read whole by a parser that holds at most
    /// 1 MiB of a conversation, which, read whole, loses it.
    @Test func streamedConversationIsNotHeld() throws {
        let text = Self.archive(count: 6_000)
        let streamed = try Self.read(text, TwitterDirectMessagesParser(streamingThreshold: 64 << 10, maxConversationBytes: 1 << 20))
        #expect(streamed.records.count == 2 + 6_000 + 1)
        #expect(streamed.warnings.count == 0)
        let held = try Self.read(text, TwitterDirectMessagesParser(streamingThreshold: .max, maxConversationBytes: 1 << 20))
        #expect(held.records.count == 2, "read whole, only the small conversation fits")
        #expect(held.warnings.map(\.code) == ["element-too-large"])
    }

    /// A member cut inside a streamed conversation keeps the entries before the cut, the cut entry as
    /// raw text, and the conversation's record.
    @Test func memberCutInsideAStreamedConversationKeepsWhatCameBefore() throws {
        let full = Self.archive(count: 6_000)
        let cutAt = try #require(full.range(of: #""id" : "95000""#)).lowerBound
        let text = String(full[..<cutAt])
        let streamed = try Self.read(text, TwitterDirectMessagesParser())
        let entries = streamed.events.filter { $0.conversationKey == "777000" && $0.kind != .unparsedText }
        #expect(entries.count == 5_000)
        #expect(streamed.conversations.map(\.key) == ["777000"])
        #expect(streamed.conversations.first?.title == "Night shift")
        #expect(streamed.warnings.map(\.code) == ["truncated", "invalid-json"])
        let cut = try #require(streamed.warnings.last)
        #expect(cut.provenance.locator == "/0/dmConversation/messages/5000")
        let kept = try #require(streamed.events.first { $0.kind == .unparsedText })
        #expect(kept.provenance.locator == "/0/dmConversation/messages/5000")
        #expect(kept.text?.hasPrefix(#"{ "messageCreate" : {"#) == true)
    }

    /// One bad message in a streamed conversation costs that message only (read whole, the
    /// conversation is one invalid element and gives nothing), and the warning names its byte.
    @Test func badEntryInStreamedConversationLosesOnlyThatEntry() throws {
        let text = Self.archive(count: 6_000, brokenEntry: 4_000)
        let streamed = try Self.read(text, TwitterDirectMessagesParser())
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

    /// A conversation whose head does not name it before its messages is not streamed: it is read
    /// whole, as before, with the same records.
    @Test func conversationNamedAfterItsMessagesIsReadWhole() throws {
        var text = Self.archive(count: 6_000)
        text = text.replacingOccurrences(of: #"{ "conversationId" : "777000", "messages" : ["#, with: #"{ "messages" : ["#)
        text = text.replacingOccurrences(of: "] } }, {", with: #"], "conversationId" : "777000" } }, {"#)
        let streamed = try Self.read(text, TwitterDirectMessagesParser())
        let whole = try Self.read(text, TwitterDirectMessagesParser(streamingThreshold: .max))
        #expect(streamed.records.count == 2 + 6_000 + 1)
        #expect(streamed.warnings.count == 0)
        let same = streamed.records == whole.records
        #expect(same, "read whole, the group's record comes first")
        #expect(streamed.records.first.map { if case .conversation = $0 { true } else { false } } == true)
    }

    /// Invalid UTF-8 in a streamed entry is repaired and counted once for the member, at the member
    /// byte where the string starts, as in a conversation read whole.
    @Test func repairedStringInAStreamedEntryIsCountedAtItsMemberByte() throws {
        let text = Self.archive(count: 6_000)
        let marker = try #require(text.range(of: "message 4500 ")).lowerBound.utf16Offset(in: text)
        let (streamed, whole) = try Self.readWithInvalidByte(text, at: marker)
        #expect(streamed.warnings.map(\.code) == ["invalid-text"])
        #expect(streamed.warnings == whole.warnings)
        let message = try #require(streamed.warnings.first?.message)
        #expect(message.hasPrefix("1 strings held invalid UTF-8"))
        #expect(message.contains("(the first at byte \(marker - 1))"), "the string's opening quote: \(message)")
        let repaired = try #require(streamed.events.first { $0.provenance.locator == "/0/dmConversation/messages/4500/messageCreate" })
        #expect(repaired.text?.hasPrefix("\u{FFFD}essage 4500") == true)
    }

    /// Invalid UTF-8 outside the messages, in the conversation's head, is counted at its member byte too:
    /// the head is parsed at the end, and its offsets are the element's.
    @Test func repairedStringInAStreamedConversationsHeadIsCountedAtItsMemberByte() throws {
        let text = Self.archive(count: 6_000).replacingOccurrences(
            of: #""conversationId" : "777000", "#, with: #""conversationId" : "777000", "label" : "aXb", "#)
        let marker = try #require(text.range(of: "aXb")).lowerBound.utf16Offset(in: text) + 1
        let (streamed, whole) = try Self.readWithInvalidByte(text, at: marker)
        #expect(streamed.warnings.map(\.code) == ["invalid-text"])
        #expect(streamed.warnings == whole.warnings)
        #expect(streamed.warnings.first?.message.contains("(the first at byte \(marker - 2))") == true)
    }
}

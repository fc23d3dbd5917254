import CasebookTestSupport
import EvidenceModel
@testable import ExportFormats
import Foundation
import Testing

@Suite struct FacebookLegacyMessagesParserTests {
    @Test func sampleLegacyArchive() throws {
        let result = try ParserHarness.run(FacebookLegacyMessagesParser.self, sample: "facebook/html-legacy")
        #expect(result.records.count == 11)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let expected = Event(
            platform: .facebook, kind: .message,
            occurredAt: Timestamp(
                microseconds: 1_488_658_320_000_000, raw: "Saturday, March 4, 2017 at 9:12pm CET", precision: .minute,
                zoneSource: .abbreviation),
            actor: .handle(.facebook, "Anna Krogh"), conversationKey: "messages.htm#1",
            text: "Har du tænkt over det? 👍",
            provenance: MetaTest.provenance(
                result, "html/messages.htm", "/html/body/div[2]/div/div[1]/div[1]", FacebookLegacyMessagesParser.self))
        #expect(result.events.first == expected)
        #expect(result.events[1].text == "Ses vi i morgen & på søndag?")
        #expect(result.accounts.first?.isExportOwner == true)
        #expect(result.events.last?.occurredAt?.zoneSource == .assumedUTC)
    }

    @Test func entityDeclarationsAreRefused() throws {
        let text = """
            <!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <html><body><div class="thread">A, B<div class="message"><span class="user">A</span></div>
            <p>&b;</p></div></body></html>
            """
        let result = try ParserHarness.run(
            FacebookLegacyMessagesParser.self, files: ["html/messages.htm": text, "index.htm": "<html></html>"])
        #expect(result.records.count == 0)
        #expect(result.warnings.map(\.code) == ["entity-declaration"])
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("facebook") != nil, "../shared/fixtures is absent"))
    func sharedSimulatedArchive() throws {
        // ownaginatious/fbchat-archive-parser simulated_data.htm: 3 threads (2, 2 and 3 names), 20 messages, all PDT.
        let source = try #require(
            SampleExportsLocator.sharedFixture("facebook/ownaginatious__fbchat-archive-parser/tests/simulated_data.htm")
        )
        let folder = try TemporaryFolder()
        try folder.write("html/messages.htm", Data(contentsOf: URL(fileURLWithPath: source)))
        try folder.write("index.htm", "<html></html>")
        let result = try ParserHarness.run(FacebookLegacyMessagesParser.self, path: folder.path)
        #expect(result.records.count == 31)
        #expect(result.warnings.count == 0)
        #expect(result.events.count == 20)
        #expect(result.conversations.map(\.participants.count) == [2, 2, 3])
        #expect(result.events.first?.occurredAt?.iso8601 == "2013-10-05T05:05:00Z")
    }

    /// A legacy file with a small thread, a thread of `messages` messages (more elements than a block may hold),
    /// and another small thread, as `SampleExports/facebook/html-legacy` writes them.
    static func legacyFile(messages: Int, textAfterFirstMessage: String = "") -> String {
        func message(_ user: String, _ minute: Int, _ text: String) -> String {
            """
                            <div class="message">
                                <div class="message_header"><span class="user">\(user)</span><span class="meta">Saturday, March 4, 2017 at 9:\(String(format: "%02d", minute % 60))pm CET</span></div>
                            </div>
                            <p>\(text)</p>

            """
        }
        let long = (0..<messages).map { message($0 % 2 == 0 ? "Anna Krogh" : "Søren Testesen", $0, "Besked \($0)") }
        return """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>Messages</title></head>
            <body>
                <div class="nav"><ul><li><a href="../index.htm">Profile</a></li></ul></div>
                <div class="contents">
                    <h1>Søren Testesen</h1>
                    <div>
                        <div class="thread">Søren Testesen, Mikkel Ørsted
            \(message("Mikkel Ørsted", 5, "Landed"))
                        </div>
                        <div class="thread">Søren Testesen, Anna Krogh
            \(long.first ?? "")\(textAfterFirstMessage)\(long.dropFirst().joined())
                        </div>
                        <div class="thread">Søren Testesen, Jonas Berg
            \(message("Jonas Berg", 7, "Hej"))
                        </div>
                    </div>
                </div>
            </body></html>

            """
    }

    static func read(_ text: String, threshold: Int, chunk: Int = MetaHTMLPage.chunkSizeDefault) throws
        -> ParserHarness.Result
    {
        let folder = try TemporaryFolder()
        try folder.write("html/messages.htm", text)
        try folder.write("index.htm", "<html></html>")
        var parser = FacebookLegacyMessagesParser(streamingThreshold: threshold)
        parser.chunkSize = chunk
        return try ParserHarness.run(instance: parser, path: folder.path)
    }

    /// A heavy user's file, read in two passes: the records of the whole read, in the same order.
    @Test func largeFileReadInTwoPassesGivesWhatTheWholeReadGives() throws {
        let text = Self.legacyFile(messages: 4_000)
        let streamed = try Self.read(text, threshold: 0)
        let whole = try Self.read(text, threshold: .max)
        // Four chunks, and a thread of 16,000 elements: it arrives child by child.
        #expect(text.utf8.count > 3 * MetaHTMLPage.chunkSizeDefault)
        #expect(4_000 * 4 > MetaHTML.maxBlockElements)
        #expect(streamed.events.count == 4_002)
        #expect(streamed.warnings.isEmpty)
        #expect(streamed.records == whole.records)
        #expect(streamed.warnings == whole.warnings)
        #expect(streamed.conversations.map(\.key) == ["messages.htm#1", "messages.htm#2", "messages.htm#3"])
        #expect(streamed.conversations[1].title == "Søren Testesen, Anna Krogh")
        for chunk in [397, 4_096] {
            let small = try Self.read(text, threshold: 0, chunk: chunk)
            #expect(small.records == whole.records, "chunks of \(chunk) bytes")
        }
        let last = try #require(streamed.events.first { $0.text == "Besked 3999" })
        #expect(last.conversationKey == "messages.htm#2")
        #expect(last.provenance.locator == "/html/body/div[2]/div/div[2]/div[4000]")
    }

    /// A large thread whose last message has no `<p>`: that message is read without text, as read whole.
    @Test func lastMessageWithoutTextIsReadInTwoPasses() throws {
        let text = Self.legacyFile(messages: 4_000).replacing("<p>Besked 3999</p>", with: "")
        let whole = try Self.read(text, threshold: .max)
        let streamed = try Self.read(text, threshold: 0)
        #expect(whole.events.count == 4_002)
        #expect(streamed.records == whole.records)
        let last = try #require(streamed.events.last { $0.conversationKey == "messages.htm#2" })
        #expect(last.text == nil)
        #expect(last.provenance.locator == "/html/body/div[2]/div/div[2]/div[4000]")
    }

    /// Text after a large thread's first message is part of its participants read whole, but not when the
    /// thread is read in parts: that is warned.
    @Test func textAfterTheFirstMessageOfALargeThreadIsWarned() throws {
        let text = Self.legacyFile(messages: 4_000, textAfterFirstMessage: ", Stray Name")
        let whole = try Self.read(text, threshold: .max)
        #expect(whole.conversations[1].title == "Søren Testesen, Anna Krogh, Stray Name")
        let streamed = try Self.read(text, threshold: 0)
        #expect(streamed.conversations[1].title == "Søren Testesen, Anna Krogh")
        #expect(streamed.warnings.map(\.code) == ["unexpected-shape"])
        #expect(streamed.warnings.first?.provenance.locator == "/html/body/div[2]/div/div[2]")
        #expect(streamed.events.count == whole.events.count)
    }

    /// The sample and the shared fixture read in two passes give the whole read's records.
    @Test func samplesReadInTwoPassesGiveTheWholeReadsRecords() throws {
        var paths = [SampleExportsLocator.path("facebook/html-legacy")]
        if let fixture = SampleExportsLocator.sharedFixture("facebook/ownaginatious__fbchat-archive-parser/tests") {
            let folder = try TemporaryFolder()
            try folder.write(
                "html/messages.htm",
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture + "/simulated_data.htm")), as: UTF8.self))
            try folder.write("index.htm", "<html></html>")
            paths.append(folder.path)
            let streamed = try ParserHarness.run(instance: FacebookLegacyMessagesParser(streamingThreshold: 0), path: folder.path)
            let whole = try ParserHarness.run(instance: FacebookLegacyMessagesParser(), path: folder.path)
            #expect(whole.events.count > 10)
            #expect(streamed.records == whole.records)
            #expect(streamed.warnings == whole.warnings)
        }
        let streamed = try ParserHarness.run(instance: FacebookLegacyMessagesParser(streamingThreshold: 0), path: paths[0])
        let whole = try ParserHarness.run(instance: FacebookLegacyMessagesParser(), path: paths[0])
        #expect(streamed.records.count == 11)
        #expect(streamed.records == whole.records)
        #expect(streamed.warnings == whole.warnings)
    }
}

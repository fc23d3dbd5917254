import CasebookTestSupport
import EvidenceModel
import ExportFormats
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
}

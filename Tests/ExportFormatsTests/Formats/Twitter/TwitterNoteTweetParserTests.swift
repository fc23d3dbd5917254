import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterNoteTweetParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveNote() throws {
        let result = try ParserHarness.run(TwitterNoteTweetParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_680_429_600_000_000, "2023-04-02T10:00:00.000Z"),
                    actor: Support.ada,
                    text:
                        "A longer note about the spring meetup: we will meet at the station at ten, walk to the venue "
                        + "together, and keep the talks short. Bring questions!",
                    details: [.init("noteTweetId", "1642466903458114341"), .init("lifecycle", "Active")],
                    provenance: Support.provenance(result, "data/note-tweet.js", "/0/noteTweet", "twitter.note-tweet")))
    }

    @Test func urlsAndMentionsInTheCore() throws {
        let file = """
            window.YTD.note_tweet.part0 = [ { "noteTweet" : { "noteTweetId" : "1",
              "createdAt" : "2023-04-02T10:00:00.000Z",
              "core" : { "text" : "see https://t.co/a1 @cleo_marsh", "urls" : [ { "shortUrl" : "https://t.co/a1",
              "expandedUrl" : "https://example.org/x" } ], "mentions" : [ { "screenName" : "cleo_marsh" } ],
                "hashtags" : [ ] } } } ]
            """
        let result = try ParserHarness.run(
            TwitterNoteTweetParser.self, files: Support.archive(["data/note-tweet.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.text == "see https://example.org/x @cleo_marsh")
        #expect(result.events.first?.identifiers.map(\.kind) == [.url, .handle])
    }
}

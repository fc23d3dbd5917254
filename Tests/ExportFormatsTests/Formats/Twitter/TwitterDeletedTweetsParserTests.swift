import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterDeletedTweetsParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveDeletedTweet() throws {
        let result = try ParserHarness.run(TwitterDeletedTweetsParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_682_716_200_000_000, "Fri Apr 28 21:10:00 +0000 2023", .second),
                    actor: Support.ada, text: "Wrong link, ignore this one",
                    details: [
                        .init("tweetId", "1652057598983417956"), .init("source", "Twitter Web App"),
                        .init("lang", "en"),
                        .init("favoriteCount", "0"), .init("retweetCount", "0"), .init("deleted", "true"),
                        .init("deletedAt", "2023-04-28T21:12:30Z"),
                    ],
                    provenance: Support.provenance(
                        result, "data/deleted-tweets.js", "/0/tweet", "twitter.deleted-tweets")))
    }

    @Test func unreadableDeletionTimeIsKeptRaw() throws {
        let file = """
            window.YTD.deleted_tweets.part0 = [ { "tweet" : { "id_str" : "9", "full_text" : "x",
              "deleted_at" : "later" } } ]
            """
        let result = try ParserHarness.run(
            TwitterDeletedTweetsParser.self, files: Support.archive(["data/deleted-tweets.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(result.events.first?.details.last == .init("deletedAt", "later"))
    }
}

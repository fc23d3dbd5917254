import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterLikeParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveLikesHaveNoTimeButADerivedOne() throws {
        let result = try ParserHarness.run(TwitterLikeParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .reaction, occurredAt: nil, actor: Support.ada,
                    text: "The new trail map is out & it looks great #hiking",
                    details: [
                        .init("tweetId", "1510209173715510070"),
                        .init("expandedUrl", "https://twitter.com/i/web/status/1510209173715510070"),
                        .init("derivedTime", "2022-04-02T10:55:00.000Z"),
                    ],
                    provenance: Support.provenance(result, "data/like.js", "/0/like", "twitter.like")))
        #expect(result.events.last?.text == nil)
    }

    @Test func unwrappedRootLevelLike() throws {
        let result = try ParserHarness.run(
            TwitterLikeParser.self,
            files: [
                "like.js": "window.YTD.like.part0 = [ { \"tweetId\" : \"12\", \"fullText\" : \"a\" } ]",
                "account.js": Support.accountFile,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        // Ids before the snowflake era give no derived time.
        #expect(result.events.first?.details == [.init("tweetId", "12")])
        #expect(result.events.first?.provenance.locator == "/0")
    }
}

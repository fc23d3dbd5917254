import CasebookTestSupport
import EvidenceArchive
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterTweetsParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveGivesOneEventPerTweet() throws {
        let result = try ParserHarness.run(TwitterTweetsParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 12)
        #expect(result.warnings.count == 0)
        let photo = try #require(result.events.first { $0.details.contains(.init("tweetId", "1565945887062672213")) })
        #expect(
            photo
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_662_185_568_000_000, "Sat Sep 03 06:12:48 +0000 2022", .second),
                    actor: Support.ada, text: "Station clock at dawn https://t.co/Ph0t0Link1",
                    details: [
                        .init("tweetId", "1565945887062672213"), .init("source", "Twitter for iPhone"),
                        .init("lang", "en"),
                        .init("favoriteCount", "9"), .init("retweetCount", "0"),
                    ],
                    attachments: [
                        Attachment(
                            memberPath: "data/tweets_media/1565945887062672213-FXa1b2c3d4e5f6g.jpg",
                            reference: "https://pbs.twimg.com/media/FXa1b2c3d4e5f6g.jpg", mediaType: "photo")
                    ],
                    provenance: Support.provenance(result, "data/tweets.js", "/5/tweet", "twitter.tweets")))
    }

    @Test func retweetsDecodeEntitiesAndKeepMentionsAndHashtags() throws {
        let result = try ParserHarness.run(TwitterTweetsParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 12)
        #expect(result.warnings.count == 0)
        let retweet = try #require(result.events.first { $0.kind == .repost })
        #expect(retweet.text == "RT @cleo_marsh: The new trail map is out & it looks great #hiking")
        #expect(retweet.details.contains(.init("hashtags", "hiking")))
        #expect(
            retweet.identifiers == [
                IdentifierObservation(
                    kind: .handle, raw: "cleo_marsh", field: "tweet.entities.user_mentions.screen_name",
                    platform: .twitter,
                    accountKey: .userId(.twitter, "1350000000000000003")),
                IdentifierObservation(
                    kind: .userId, raw: "1350000000000000003", field: "tweet.entities.user_mentions.id_str",
                    platform: .twitter, accountKey: .userId(.twitter, "1350000000000000003")),
            ])
        #expect(result.events.filter { $0.kind == .repost }.count == 1)
    }

    @Test func shortLinksAreExpandedAndRepliesKeepTheirTarget() throws {
        let result = try ParserHarness.run(TwitterTweetsParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 12)
        #expect(result.warnings.count == 0)
        let notes = try #require(result.events.first { $0.text?.contains("meetup are up") == true })
        #expect(notes.text == "Notes from the meetup are up: https://blog.example.org/2022/meetup-notes #swiftlang")
        #expect(
            notes.identifiers == [
                IdentifierObservation(
                    kind: .url, raw: "https://blog.example.org/2022/meetup-notes",
                    field: "tweet.entities.urls.expanded_url")
            ])
        let reply = try #require(result.events.first { $0.text?.contains("meet at the station") == true })
        #expect(
            reply.details.prefix(4) == [
                .init("tweetId", "1232737169441437847"), .init("inReplyToStatusId", "1232729967817856799"),
                .init("inReplyToUserId", "900000000000000002"), .init("inReplyToScreenName", "bram_okafor"),
            ])
        #expect(
            result.events.contains { $0.text == "Har tænkt over det hele weekenden: the plan is finally written down" })
    }

    @Test func legacyArchiveWithWrappedItems() throws {
        let result = try ParserHarness.run(TwitterTweetsParser.self, sample: "twitter/legacy-2020")
        #expect(result.records.count == 6)
        #expect(result.warnings.count == 0)
        let invitation = try #require(result.events.first { $0.text?.contains("meet at the station") == true })
        #expect(
            invitation
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_582_740_702_000_000, "Wed Feb 26 18:11:42 +0000 2020", .second),
                    actor: Support.bram,
                    text: "Hike on Saturday? We could meet at the station, 9am. @ada_kestrel you in?",
                    details: [
                        .init("tweetId", "1232729967817856799"), .init("source", "Twitter for Android"),
                        .init("lang", "en"),
                        .init("favoriteCount", "0"), .init("retweetCount", "0"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .handle, raw: "ada_kestrel", field: "tweet.entities.user_mentions.screen_name",
                            platform: .twitter, accountKey: Support.ada),
                        IdentifierObservation(
                            kind: .userId, raw: "1400000000000000001", field: "tweet.entities.user_mentions.id_str",
                            platform: .twitter, accountKey: Support.ada),
                    ],
                    provenance: Support.provenance(result, "data/tweet.js", "/1/tweet", "twitter.tweets")))
    }

    @Test func grailbirdMonthFileWithTrailingComma() throws {
        let result = try ParserHarness.run(TwitterTweetsParser.self, sample: "twitter/grailbird-2015")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_426_408_866_000_000, "2015-03-15 08:41:06 +0000", .second),
                    actor: .userId(.twitter, "123456001"),
                    text: "Morning ferry, glassy water & http://photos.example.net/ferry",
                    details: [.init("tweetId", "577032478451048448"), .init("source", "Twitter Web Client")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .url, raw: "http://photos.example.net/ferry",
                            field: "tweet.entities.urls.expanded_url")
                    ],
                    provenance: Support.provenance(result, "data/js/tweets/2015_03.js", "/0", "twitter.tweets")))
    }

    @Test func unwrappedRootLevelItemsAndSplitParts() throws {
        let unwrapped = """
            window.YTD.tweet.part0 = [ { "id_str" : "20", "created_at" : "Wed Mar 22 07:41:49 +0000 2017",
              "full_text" : "root-level" } ]
            """
        let part = """
            window.YTD.tweets.part1 = [ { "tweet" : { "id_str" : "21",
              "created_at" : "Wed Mar 22 07:41:50 +0000 2017", "full_text" : "part one" } } ]
            """
        let result = try ParserHarness.run(
            TwitterTweetsParser.self,
            files: ["tweet.js": unwrapped, "account.js": Support.accountFile, "data/tweets-part1.js": part])
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        let root = try #require(result.events.first { $0.provenance.memberPath == ["tweet.js"] })
        #expect(
            root
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_490_168_509_000_000, "Wed Mar 22 07:41:49 +0000 2017", .second),
                    actor: Support.ada, text: "root-level", details: [.init("tweetId", "20")],
                    provenance: Support.provenance(result, "tweet.js", "/0", "twitter.tweets")))
        #expect(result.events.contains { $0.provenance.locator == "/0/tweet" && $0.text == "part one" })
    }

    @Test func grailbirdTweetWithoutUserIsAttributedFromUserDetails() throws {
        let result = try ParserHarness.run(
            TwitterTweetsParser.self,
            files: [
                "data/js/tweet_index.js": "var tweet_index = [ ]",
                "data/js/user_details.js": "var user_details =  { \"screen_name\" : \"x\", \"id\" : \"777\" }",
                "data/js/tweets/2014_01.js": "Grailbird.data.tweets_2014_01 = \n[ { \"id_str\" : \"5\", \"text\" : \"hi\" }, ]",
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.actor == .userId(.twitter, "777"))
    }

    @Test func emptyFileGivesNothing() throws {
        let result = try ParserHarness.run(
            TwitterTweetsParser.self, files: Support.archive(["data/tweets.js": "window.YTD.tweets.part0 = [ ]"]))
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 0)
    }

    @Test func badTimestampIsWarnedAndTheTweetKept() throws {
        let file = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "30", "created_at" : "yesterday-ish",
              "full_text" : "kept" } } ]
            """
        let result = try ParserHarness.run(TwitterTweetsParser.self, files: Support.archive(["data/tweets.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(
            result.warnings.first
                == ExtractionWarning(
                    code: "bad-timestamp", message: "created_at is not a time Casebook can read",
                    provenance: Support.provenance(result, "data/tweets.js", "/0/tweet/created_at", "twitter.tweets")))
        #expect(result.events.first?.occurredAt == nil)
        #expect(result.events.first?.text == "kept")
    }

    @Test func tweetsBefore2006AreFlaggedAndKept() throws {
        let file = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "31",
              "created_at" : "Tue Jun 03 10:00:00 +0000 1997", "full_text" : "odd" } } ]
            """
        let result = try ParserHarness.run(TwitterTweetsParser.self, files: Support.archive(["data/tweets.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "implausible-date")
        #expect(result.warnings.first?.provenance.locator == "/0/tweet/created_at")
        #expect(result.events.first?.occurredAt?.raw == "Tue Jun 03 10:00:00 +0000 1997")
    }

    @Test func truncatedFileIsWarned() throws {
        let file = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "40",
              "created_at" : "Wed Mar 22 07:41:49 +0000 2017", "full_text" : "whole" } },
              { "tweet" : { "id_str" : "41", "full_te
            """
        let result = try ParserHarness.run(TwitterTweetsParser.self, files: Support.archive(["data/tweets.js": file]))
        // The whole tweet, then the cut-off one kept as raw text (R-31) so "full_te" is still searchable.
        #expect(result.records.count == 2)
        #expect(result.events.map(\.kind) == [.post, .unparsedText])
        #expect(result.events.last?.text?.hasPrefix("{ \"tweet\" : { \"id_str\" : \"41\"") == true)
        #expect(result.events.last?.provenance.locator == "/1")
        #expect(result.warnings.map(\.code) == ["truncated", "invalid-json"])
        #expect(result.warnings.last?.message.contains("cut short by the end of the member") == true)
    }

    @Test func invalidElementBetweenTwoGoodOnes() throws {
        let file = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "50", "full_text" : "one" } },
            { "tweet" : { "id_str" : "51", "full_text" : nope } },
            { "tweet" : { "id_str" : "52", "full_text" : "three" } } ]
            """
        let result = try ParserHarness.run(TwitterTweetsParser.self, files: Support.archive(["data/tweets.js": file]))
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "invalid-json")
        #expect(result.warnings.first?.provenance.locator == "/1")
        #expect(result.events.filter { $0.kind == .post }.map(\.text) == ["one", "three"])
        // The bad element stays searchable as raw text (R-31), with its offset.
        let raw = try #require(result.events.first { $0.kind == .unparsedText })
        #expect(raw.text == #"{ "tweet" : { "id_str" : "51", "full_text" : nope } }"#)
        #expect(raw.provenance.locator == "/1")
        #expect(raw.details.first { $0.name == "reason" }?.value.hasPrefix("element is not valid JSON: invalid literal (byte ") == true)
    }

    @Test func macOSDebrisIsNotClaimed() {
        let parser = TwitterTweetsParser()
        let listing = ArchiveListing(paths: ["t/data/js/tweets/2013_11.js", "__MACOSX/t/data/js/tweets/._2013_11.js"])
        #expect(parser.claims("t/data/js/tweets/2013_11.js", in: listing))
        #expect(!parser.claims("__MACOSX/t/data/js/tweets/._2013_11.js", in: listing))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func glennjonesGrailbirdFixture() throws {
        let folder = try #require(
            SampleExportsLocator.sharedFixture(
                "twitter/glennjones__twitter-archive-extractor/test/twitter archieve test"))
        let result = try ParserHarness.run(TwitterTweetsParser.self, path: folder)
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .post,
                    occurredAt: Support.stamp(1_385_645_866_000_000, "2013-11-28 13:37:46 +0000", .second),
                    actor: .userId(.twitter, "946491"), text: "This is a test tweet in a test archieve file",
                    details: [.init("tweetId", "406054311244746752"), .init("source", "test system")],
                    provenance: Support.provenance(result, "data/js/tweets/2013_11.js", "/0", "twitter.tweets")))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func glennjonesGrailbirdZipWithMacOSDebris() throws {
        let zip = try #require(
            SampleExportsLocator.sharedFixture(
                "twitter/glennjones__twitter-archive-extractor/test/twitter archieve test file.zip"))
        let result = try ParserHarness.run(TwitterTweetsParser.self, path: zip)
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.members == ["tweets test/data/js/tweets/2013_11.js"])
    }
}

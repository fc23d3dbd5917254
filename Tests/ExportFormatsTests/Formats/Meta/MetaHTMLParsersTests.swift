import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

/// The 2019+ HTML parsers over `SampleExports/facebook/html-2021` and `SampleExports/instagram/html-2024`.
@Suite struct MetaHTMLParsersTests {
    static let noZone = Timestamp.ZoneSource.assumedUTC

    static func minute(_ microseconds: Int64, _ raw: String) -> Timestamp {
        Timestamp(microseconds: microseconds, raw: raw, precision: .minute, zoneSource: noZone)
    }

    @Test func facebookMessages() throws {
        let result = try ParserHarness.run(FacebookMessagesHTMLParser.self, sample: "facebook/html-2021")
        #expect(result.records.count == 7)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let member = "messages/inbox/annakrogh_a1b2c3d4e5/message_1.html"
        let photo = "messages/inbox/annakrogh_a1b2c3d4e5/photos/beach_1001.jpg"
        let expected = Event(
            platform: .facebook, kind: .message, occurredAt: Self.minute(1_614_629_100_000_000, "Mar 1, 2021, 8:05 PM"),
            actor: .handle(.facebook, "Mette Lund"), conversationKey: "inbox/annakrogh_a1b2c3d4e5",
            attachments: [Attachment(memberPath: photo, reference: photo, mediaType: "photo")],
            provenance: MetaTest.provenance(
                result, member, "/html/body/div/div/div/div/div/div[4]", FacebookMessagesHTMLParser.self))
        #expect(result.events[1] == expected)
        #expect(result.events[0].text == "Ja, jeg har tænkt over det 👍")
        #expect(result.events[2].kind == .reaction && result.events[2].text == "❤")
        #expect(result.conversations.first?.participants.count == 2)
    }

    @Test func facebookMessages2022TreeWithHeadingSenders() throws {
        let page = """
            <html><head><title>Anna Krogh</title></head><body><div role="main">
            <div class="_a6-g"><h2 class="_a6-h">Anna Krogh</h2><div class="_a6-p"><div><div></div><div>Hej</div>
            </div></div><div class="_a6-o">Mar 01, 2024 10:15:02 am</div></div>
            <div class="_a6-g"><h2 class="_a6-h">Lærke Nørgaard</h2><div class="_a6-p"><div><div></div>
            <div>Hej selv</div></div></div><div class="_a6-o">Mar 01, 2024 10:14:40 am</div></div>
            </div></body></html>
            """
        let result = try ParserHarness.run(
            FacebookMessagesHTMLParser.self,
            files: ["your_activity_across_facebook/messages/inbox/annakrogh_7/message_1.html": page])
        #expect(result.records.count == 5)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let expected = Event(
            platform: .facebook, kind: .message,
            occurredAt: Timestamp(
                microseconds: 1_709_288_102_000_000, raw: "Mar 01, 2024 10:15:02 am", precision: .second,
                zoneSource: .assumedUTC),
            actor: .handle(.facebook, "Anna Krogh"), conversationKey: "inbox/annakrogh_7", text: "Hej",
            provenance: MetaTest.provenance(
                result, "your_activity_across_facebook/messages/inbox/annakrogh_7/message_1.html",
                "/html/body/div/div[1]", FacebookMessagesHTMLParser.self))
        #expect(result.events.first == expected)
        #expect(result.accounts.map(\.displayName) == ["Anna Krogh", "Lærke Nørgaard"])
    }

    @Test func entityDeclarationsAreRefused() throws {
        let page = """
            <!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <html><body><div><div>A</div><div>&b;</div><div>Mar 01, 2024 10:15:02 am</div></div></body></html>
            """
        let result = try ParserHarness.run(
            FacebookMessagesHTMLParser.self, files: ["messages/inbox/a_1/message_1.html": page, "posts/x.json": "[]"])
        #expect(result.records.count == 0)
        #expect(result.warnings.map(\.code) == ["entity-declaration"])
    }

    @Test func facebookProfile() throws {
        let result = try ParserHarness.run(FacebookProfileHTMLParser.self, sample: "facebook/html-2021")
        #expect(result.records.count == 7)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let owner = AccountKey.handle(.facebook, "Mette Lund")
        let expected = Account(
            key: owner, handle: "mette.lund.5", displayName: "Mette Lund", isExportOwner: true,
            provenance: MetaTest.provenance(
                result, "profile_information/profile_information.html",
                "/html/body/div/div/div/div/div/div/div/table/tr[1]", FacebookProfileHTMLParser.self))
        #expect(result.accounts == [expected])
        #expect(
            result.identifierRecords.map(\.raw) == [
                "mette.lund@example.com", "m.lund@example.org", "mette1990@example.net", "+1 202-555-0142",
                "mette.lund.5",
            ])
        #expect(result.events.first?.occurredAt == Self.minute(1_237_149_000_000_000, "Mar 15, 2009, 8:30 PM"))
    }

    @Test func facebookSecurity() throws {
        let result = try ParserHarness.run(FacebookSecurityHTMLParser.self, sample: "facebook/html-2021")
        #expect(result.records.count == 4)
        #expect(result.warnings.map(\.code) == ["uncertain-zone", "uncertain-zone"])
        let owner = AccountKey.handle(.facebook, "Mette Lund")
        let time = Self.minute(1_614_593_700_000_000, "Mar 1, 2021, 10:15 AM")
        let expected = Event(
            platform: .facebook, kind: .login, occurredAt: time, actor: owner, text: "Login",
            details: [
                .init("action", "Login"),
                .init(
                    "userAgent",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0 "
                        + "Safari/537.36"),
                .init("location", "Aarhus, Denmark"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "203.0.113.7", field: "account_activity.IP Address", observedAt: time,
                    accountKey: owner),
                IdentifierObservation(
                    kind: .device, raw: "c3ludGhldGljLWRhdHI", field: "account_activity.Cookie", observedAt: time,
                    accountKey: owner),
            ],
            provenance: MetaTest.provenance(
                result, "security_and_login_information/account_activity.html", "/html/body/div/div/div/div/div/div[1]",
                FacebookSecurityHTMLParser.self))
        #expect(result.events.first == expected)
        #expect(result.events.map(\.kind) == [.login, .passwordChange, .login, .logout])
        #expect(result.events[3].identifiers.first?.raw == "2001:db8::1c")
    }

    @Test func facebookPosts() throws {
        let result = try ParserHarness.run(FacebookPostsHTMLParser.self, sample: "facebook/html-2021")
        #expect(result.records.count == 2)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let owner = AccountKey.handle(.facebook, "Mette Lund")
        let time = Self.minute(1_609_459_500_000_000, "Jan 1, 2021, 12:05 AM")
        let photo = "photos_and_videos/TimelinePhotos_abc123/nytaar_2001.jpg"
        let expected = Event(
            platform: .facebook, kind: .post, occurredAt: time, actor: owner, text: "Godt nytår fra Aarhus!",
            details: [.init("title", "Mette Lund updated her status.")],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "198.51.100.23", field: "posts.media_metadata.Upload IP", observedAt: time,
                    accountKey: owner)
            ],
            attachments: [Attachment(memberPath: photo, reference: photo, mediaType: "photo")],
            provenance: MetaTest.provenance(
                result, "posts/your_posts_1.html", "/html/body/div/div/div/div/div/div[1]",
                FacebookPostsHTMLParser.self))
        #expect(result.events.first == expected)
        #expect(result.events[1].identifiers.map(\.kind) == [.url])
    }

    @Test func facebookFriends() throws {
        let result = try ParserHarness.run(FacebookFriendsHTMLParser.self, sample: "facebook/html-2021")
        #expect(result.records.count == 2)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let expected = Event(
            platform: .facebook, kind: .friend, occurredAt: Self.minute(1_425_590_040_000_000, "Mar 5, 2015, 9:14 PM"),
            actor: .handle(.facebook, "Mette Lund"), text: "Anna Krogh",
            details: [
                .init("counterpart", "Anna Krogh"), .init("counterpartKey", "facebook:handle:anna krogh"),
                .init("relation", "friend"),
            ],
            provenance: MetaTest.provenance(
                result, "friends_and_followers/friends.html", "/html/body/div/div/div/div/div/div/div/div[1]",
                FacebookFriendsHTMLParser.self))
        #expect(result.events.first == expected)
    }

    @Test func instagramMessages() throws {
        let result = try ParserHarness.run(InstagramMessagesHTMLParser.self, sample: "instagram/html-2024")
        #expect(result.records.count == 6)
        #expect(result.warnings.map(\.code) == ["uncertain-zone"])
        let expected = Event(
            platform: .instagram, kind: .message,
            occurredAt: Self.minute(1_709_408_460_000_000, "Mar 02, 2024 7:41 pm"),
            actor: .handle(.instagram, "Ole Vik"), conversationKey: "inbox/olevik_17841400000000002",
            text: "Vi ses på havnen 😊",
            provenance: MetaTest.provenance(
                result, "your_instagram_activity/messages/inbox/olevik_17841400000000002/message_1.html",
                "/html/body/div/div/div/div/div[2]/div[1]", InstagramMessagesHTMLParser.self))
        #expect(result.events.first == expected)
        #expect(result.events[1].kind == .reaction)
        #expect(result.events[2].attachments.first?.memberPath != nil)
    }

    @Test func instagramProfile() throws {
        let result = try ParserHarness.run(InstagramProfileHTMLParser.self, sample: "instagram/html-2024")
        #expect(result.records.count == 5)
        #expect(result.warnings.count == 0)
        let owner = AccountKey.handle(.instagram, "noah.berg")
        let expected = Event(
            platform: .instagram, kind: .profileChange, occurredAt: nil, actor: owner, text: "Profile @noah.berg",
            details: [
                .init("name", "Noah Berg"), .init("birthday", "1994-07-21"), .init("gender", "male"),
                .init("bio", "Havnefotograf"), .init("privateAccount", "True"),
                .init("profilePhoto", "media/profile/202402/profile_5001.jpg"),
            ],
            provenance: MetaTest.provenance(
                result, "personal_information/personal_information/personal_information.html",
                "/html/body/div/div/div/div/div[2]/div/div[1]/table", InstagramProfileHTMLParser.self))
        #expect(result.events == [expected])
        #expect(result.identifierRecords.map(\.kind) == [.handle, .email, .phone])
    }

    @Test func instagramLogins() throws {
        let result = try ParserHarness.run(InstagramLoginsHTMLParser.self, sample: "instagram/html-2024")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        let owner = AccountKey.handle(.instagram, "noah.berg")
        let time = Timestamp(
            microseconds: 1_709_103_940_000_000, raw: "2024-02-28T07:05:40+00:00", precision: .second,
            zoneSource: .explicit)
        let expected = Event(
            platform: .instagram, kind: .login, occurredAt: time, actor: owner,
            details: [
                .init("localTime", "Feb 28, 2024 8:05 am"),
                .init("userAgent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"), .init("languageCode", "da"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "198.51.100.77", field: "account_history_login_history.IP Address",
                    observedAt: time, accountKey: owner)
            ],
            provenance: MetaTest.provenance(
                result, "security_and_login_information/login_and_profile_creation/login_activity.html",
                "/html/body/div/div/div/div/div[2]/div[2]", InstagramLoginsHTMLParser.self))
        #expect(result.events[1] == expected)
    }

    @Test func instagramConnections() throws {
        let result = try ParserHarness.run(InstagramConnectionsHTMLParser.self, sample: "instagram/html-2024")
        #expect(result.records.count == 3)
        #expect(result.warnings.map(\.code) == ["uncertain-zone", "uncertain-zone"])
        let owner = AccountKey.handle(.instagram, "noah.berg")
        let time = Self.minute(1_704_877_920_000_000, "Jan 10, 2024 9:12 am")
        let expected = Event(
            platform: .instagram, kind: .follower, occurredAt: time, actor: owner, text: "olevik",
            details: [
                .init("counterpart", "olevik"), .init("counterpartKey", "instagram:handle:olevik"),
                .init("href", "https://www.instagram.com/olevik"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .handle, raw: "olevik", field: "followers_1.value", platform: .instagram, observedAt: time,
                    accountKey: .handle(.instagram, "olevik"))
            ],
            provenance: MetaTest.provenance(
                result, "connections/followers_and_following/followers_1.html",
                "/html/body/div/div/div/div/div[2]/div[1]/div/div", InstagramConnectionsHTMLParser.self))
        #expect(result.events.first == expected)
        #expect(result.events.map(\.kind) == [.follower, .follower, .following])
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct FacebookFriendsParserTests {
    @Test func sample2021Friends() throws {
        let result = try ParserHarness.run(FacebookFriendsParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 2)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let expected = Event(
            platform: .facebook, kind: .friend, occurredAt: MetaTest.epochSeconds(1_550_000_000),
            actor: .handle(.facebook, "Søren Testesen"), text: "Mikkel Ørsted",
            details: [
                .init("counterpart", "Mikkel Ørsted"), .init("counterpartKey", "facebook:handle:mikkel ørsted"),
                .init("relation", "friend"), .init("rawName", "Mikkel \u{00C3}\u{0098}rsted"),
            ],
            provenance: MetaTest.provenance(
                result, "friends_and_followers/friends.json", "/friends_v2/1", FacebookFriendsParser.self))
        #expect(result.events.last == expected)
    }

    @Test func sample2024FriendsAndFollowing() throws {
        let result = try ParserHarness.run(FacebookFriendsParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(result.events.map(\.kind).sorted() == [.following, .friend].sorted())
    }

    @Test func entryWithoutNameWarns() throws {
        let result = try ParserHarness.run(
            FacebookFriendsParser.self,
            files: [
                "friends/friends.json": #"{"friends": [{"timestamp": 1}, {"name": "C D", "timestamp": 2}]}"#,
                "profile_information/profile_information.json": #"{"profile": {"name": "A B"}}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["missing-field"])
        #expect(result.events.first?.actor == .handle(.facebook, "A B"))
    }
}

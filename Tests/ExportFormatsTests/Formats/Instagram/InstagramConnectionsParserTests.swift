import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct InstagramConnectionsParserTests {
    @Test func sample2024FollowersAndFollowing() throws {
        let result = try ParserHarness.run(InstagramConnectionsParser.self, sample: "instagram/json-2024")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        let time = MetaTest.epochSeconds(1_704_100_000)
        let follower = AccountKey.handle(.instagram, "ole.vik")
        let expected = Event(
            platform: .instagram, kind: .follower, occurredAt: time, actor: .handle(.instagram, "frida.dahl"),
            text: "ole.vik",
            details: [
                .init("counterpart", "ole.vik"), .init("counterpartKey", "instagram:handle:ole.vik"),
                .init("href", "https://www.instagram.com/ole.vik"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .handle, raw: "ole.vik", field: "followers.value", platform: .instagram, observedAt: time,
                    accountKey: follower)
            ],
            provenance: MetaTest.provenance(
                result, "connections/followers_and_following/followers_1.json", "/0", InstagramConnectionsParser.self))
        #expect(result.events.first == expected)
        #expect(result.events.map(\.kind) == [.follower, .follower, .following])
    }

    @Test func titleOnlyEntriesAndBlocks() throws {
        let result = try ParserHarness.run(
            InstagramConnectionsParser.self,
            files: [
                "connections/followers_and_following/blocked_profiles.json":
                    #"{"relationships_blocked_users": [{"title": "spam.account", "#
                    + #""string_list_data": [{"timestamp": 1700000000}]}, {}]}"#,
                "personal_information/personal_information/personal_information.json":
                    #"{"profile_user": [{"string_map_data": {"Username": {"value": "me"}}}]}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["missing-field"])
        #expect(result.events.first?.kind == .block)
        #expect(result.events.first?.text == "spam.account")
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterUserDetailsParserTests {
    typealias Support = TwitterTestSupport

    @Test func grailbirdOwner() throws {
        let result = try ParserHarness.run(TwitterUserDetailsParser.self, sample: "twitter/grailbird-2015")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        let key = AccountKey.userId(.twitter, "123456001")
        let provenance = Support.provenance(result, "data/js/user_details.js", "", "twitter.user-details")
        #expect(
            result.accounts
                == [
                    Account(
                        key: key, platformUserId: "123456001", handle: "ines_halvorsen", displayName: "Ines Halvorsen",
                        isExportOwner: true, provenance: provenance)
                ])
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .accountCreated,
                    occurredAt: Support.stamp(1_234_344_612_000_000, "2009-02-11 09:30:12 +0000", .second), actor: key,
                    text: "Account @ines_halvorsen created",
                    details: [
                        .init("bio", "Ferries, field notes and the occasional crocus."),
                        .init("location", "Bergen, Norway"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "123456001", field: "user_details.id", platform: .twitter,
                            accountKey: key),
                        IdentifierObservation(
                            kind: .handle, raw: "ines_halvorsen", field: "user_details.screen_name", platform: .twitter,
                            accountKey: key),
                        IdentifierObservation(
                            kind: .url, raw: "http://ines.example.net/", field: "user_details.expanded_url",
                            accountKey: key),
                    ],
                    provenance: provenance))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func glennjonesUserDetails() throws {
        let folder = try #require(
            SampleExportsLocator.sharedFixture(
                "twitter/glennjones__twitter-archive-extractor/test/twitter archieve test"))
        let result = try ParserHarness.run(TwitterUserDetailsParser.self, path: folder)
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(result.accounts.first?.handle == "glennjones")
        #expect(result.events.first?.occurredAt?.raw == "2007-03-11 19:15:57 +0000")
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterFollowingParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveFollowing() throws {
        let result = try ParserHarness.run(TwitterFollowingParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 4)
        #expect(result.warnings.count == 0)
        let key = AccountKey.userId(.twitter, "783214")
        #expect(
            result.events.last
                == Event(
                    platform: .twitter, kind: .following, occurredAt: nil, actor: Support.ada,
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "783214", field: "following.accountId", platform: .twitter,
                            accountKey: key),
                        IdentifierObservation(
                            kind: .url, raw: "https://twitter.com/intent/user?user_id=783214",
                            field: "following.userLink", accountKey: key),
                    ],
                    provenance: Support.provenance(result, "data/following.js", "/3/following", "twitter.following")))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func dogsheepFollowing() throws {
        let folder = try #require(
            SampleExportsLocator.sharedFixture("twitter/dogsheep__twitter-to-sqlite/tests/zip_contents"))
        let result = try ParserHarness.run(TwitterFollowingParser.self, path: folder)
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(result.events.map { $0.identifiers.first?.raw } == ["547842573", "12158"])
        #expect(
            result.events.first?.provenance
                == Support.provenance(result, "following.js", "/0/following", "twitter.following"))
    }
}

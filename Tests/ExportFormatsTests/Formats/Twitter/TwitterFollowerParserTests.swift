import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterFollowerParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveFollowers() throws {
        let result = try ParserHarness.run(TwitterFollowerParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .follower, occurredAt: nil, actor: Support.ada,
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "900000000000000002", field: "follower.accountId", platform: .twitter,
                            accountKey: Support.bram),
                        IdentifierObservation(
                            kind: .url, raw: "https://twitter.com/intent/user?user_id=900000000000000002",
                            field: "follower.userLink",
                            accountKey: Support.bram),
                    ],
                    provenance: Support.provenance(result, "data/follower.js", "/0/follower", "twitter.follower")))
    }

    @Test func entryWithoutAccountIdIsWarned() throws {
        let file = """
            window.YTD.follower.part0 = [ { "follower" : { "accountId" : "1" } },
              { "follower" : { "userLink" : "x" } } ]
            """
        let result = try ParserHarness.run(
            TwitterFollowerParser.self, files: Support.archive(["data/follower.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "missing-field")
        #expect(result.warnings.first?.provenance.locator == "/1/follower")
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func dogsheepFollowers() throws {
        let folder = try #require(
            SampleExportsLocator.sharedFixture("twitter/dogsheep__twitter-to-sqlite/tests/zip_contents"))
        let result = try ParserHarness.run(TwitterFollowerParser.self, path: folder)
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.last
                == Event(
                    platform: .twitter, kind: .follower, occurredAt: nil, actor: .userId(.twitter, "12497"),
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "386025404", field: "follower.accountId", platform: .twitter,
                            accountKey: .userId(.twitter, "386025404"))
                    ],
                    provenance: Support.provenance(result, "follower.js", "/1/follower", "twitter.follower")))
    }
}

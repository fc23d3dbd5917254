import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterAccountParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveOwner() throws {
        let result = try ParserHarness.run(TwitterAccountParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(
            result.accounts
                == [
                    Account(
                        key: Support.ada, platformUserId: Support.adaId, handle: "ada_kestrel",
                        displayName: "Ada Kestrel",
                        isExportOwner: true,
                        provenance: Support.provenance(result, "data/account.js", "/0/account", "twitter.account"))
                ])
        #expect(result.events.first?.identifiers.map(\.kind) == [.userId, .handle, .email])
    }

    @Test func legacyArchiveOwner() throws {
        let result = try ParserHarness.run(TwitterAccountParser.self, sample: "twitter/legacy-2020")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(result.accounts.first?.key == Support.bram)
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("twitter") != nil, "../shared/fixtures is absent"))
    func dogsheepRootLevelAccountWithPhone() throws {
        let folder = try #require(
            SampleExportsLocator.sharedFixture("twitter/dogsheep__twitter-to-sqlite/tests/zip_contents"))
        let result = try ParserHarness.run(TwitterAccountParser.self, path: folder)
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        let key = AccountKey.userId(.twitter, "12497")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .accountCreated,
                    occurredAt: Support.stamp(1_163_596_730_000_000, "2006-11-15T13:18:50.000Z"), actor: key,
                    text: "Account @simonw created", details: [.init("createdVia", "web")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "12497", field: "account.accountId", platform: .twitter, accountKey: key
                        ),
                        IdentifierObservation(
                            kind: .handle, raw: "simonw", field: "account.username", platform: .twitter, accountKey: key
                        ),
                        IdentifierObservation(
                            kind: .email, raw: "swillison@example.com", field: "account.email", accountKey: key),
                        IdentifierObservation(
                            kind: .phone, raw: "+15555555555", field: "account.phoneNumber", accountKey: key),
                    ],
                    provenance: Support.provenance(result, "account.js", "/0/account", "twitter.account")))
    }
}

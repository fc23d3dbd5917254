import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterMuteParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveMutes() throws {
        let result = try ParserHarness.run(TwitterMuteParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        let key = AccountKey.userId(.twitter, "1466666666666666666")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .mute, occurredAt: nil, actor: Support.ada,
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "1466666666666666666", field: "muting.accountId", platform: .twitter,
                            accountKey: key),
                        IdentifierObservation(
                            kind: .url, raw: "https://twitter.com/intent/user?user_id=1466666666666666666",
                            field: "muting.userLink",
                            accountKey: key),
                    ],
                    provenance: Support.provenance(result, "data/mute.js", "/0/muting", "twitter.mute")))
    }

    @Test func archiveWithoutAccountFileUsesAPlaceholderOwner() throws {
        let result = try ParserHarness.run(
            TwitterMuteParser.self,
            files: [
                "data/manifest.js": "window.__THAR_CONFIG = { }",
                "data/mute.js":
                    "window.YTD.mute.part0 = [ { \"muting\" : { \"accountId\" : \"5\" } }, "
                    + "{ \"muting\" : { \"accountId\" : \"6\" } } ]",
            ])
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "owner-unknown")
        #expect(result.events.first?.actor?.key.hasPrefix("owner:") == true)
    }
}

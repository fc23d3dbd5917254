import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterBlockParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveBlocks() throws {
        let result = try ParserHarness.run(TwitterBlockParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        let key = AccountKey.userId(.twitter, "1499999999999999999")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .block, occurredAt: nil, actor: Support.ada,
                    identifiers: [
                        IdentifierObservation(
                            kind: .userId, raw: "1499999999999999999", field: "blocking.accountId", platform: .twitter,
                            accountKey: key),
                        IdentifierObservation(
                            kind: .url, raw: "https://twitter.com/intent/user?user_id=1499999999999999999",
                            field: "blocking.userLink",
                            accountKey: key),
                    ],
                    provenance: Support.provenance(result, "data/block.js", "/0/blocking", "twitter.block")))
    }

    @Test func nonObjectElementIsWarned() throws {
        let result = try ParserHarness.run(
            TwitterBlockParser.self,
            files: Support.archive([
                "data/block.js": "window.YTD.block.part0 = [ \"1\", { \"blocking\" : { \"accountId\" : \"2\" } } ]"
            ]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "unexpected-shape")
    }
}

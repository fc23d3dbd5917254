import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterScreenNameChangeParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveHandleChange() throws {
        let result = try ParserHarness.run(TwitterScreenNameChangeParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        let time = Support.stamp(1_631_637_302_000_000, "2021-09-14T16:35:02.000Z")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .handleChange, occurredAt: time, actor: Support.ada,
                    details: [.init("changedFrom", "ada_k_"), .init("changedTo", "ada_kestrel")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .handle, raw: "ada_k_", field: "screenNameChange.screenNameChange.changedFrom",
                            platform: .twitter,
                            observedAt: time, accountKey: Support.ada),
                        IdentifierObservation(
                            kind: .handle, raw: "ada_kestrel", field: "screenNameChange.screenNameChange.changedTo",
                            platform: .twitter, observedAt: time, accountKey: Support.ada),
                    ],
                    provenance: Support.provenance(
                        result, "data/screen-name-change.js", "/0/screenNameChange/screenNameChange",
                        "twitter.screen-name-change")))
    }

    @Test func entryWithoutInnerObjectIsWarned() throws {
        let file = "window.YTD.screen_name_change.part0 = [ { \"screenNameChange\" : { \"accountId\" : \"1\" } } ]"
        let result = try ParserHarness.run(
            TwitterScreenNameChangeParser.self, files: Support.archive(["data/screen-name-change.js": file]))
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.provenance.locator == "/0/screenNameChange")
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterEmailAddressChangeParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveEmailChange() throws {
        let result = try ParserHarness.run(TwitterEmailAddressChangeParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        let time = Support.stamp(1_631_637_080_000_000, "2021-09-14T16:31:20.000Z")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .emailChange, occurredAt: time, actor: Support.ada,
                    details: [
                        .init("changedFrom", "ada.k@example.org"), .init("changedTo", "ada.kestrel@example.com"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .email, raw: "ada.k@example.org", field: "emailAddressChange.emailChange.changedFrom",
                            observedAt: time, accountKey: Support.ada),
                        IdentifierObservation(
                            kind: .email, raw: "ada.kestrel@example.com",
                            field: "emailAddressChange.emailChange.changedTo",
                            observedAt: time, accountKey: Support.ada),
                    ],
                    provenance: Support.provenance(
                        result, "data/email-address-change.js", "/0/emailAddressChange/emailChange",
                        "twitter.email-address-change")))
    }

    @Test func firstAddressHasNoChangedFrom() throws {
        let file = """
            window.YTD.email_address_change.part0 = [ { "emailAddressChange" : { "accountId" : "1400000000000000001",
              "emailChange" : { "changedAt" : "2019-06-03T10:21:07.000Z", "changedTo" : "first@example.com" } } } ]
            """
        let result = try ParserHarness.run(
            TwitterEmailAddressChangeParser.self, files: Support.archive(["data/email-address-change.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.identifiers.map(\.raw) == ["first@example.com"])
    }
}

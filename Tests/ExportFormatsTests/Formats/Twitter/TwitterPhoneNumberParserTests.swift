import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterPhoneNumberParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchivePhone() throws {
        let result = try ParserHarness.run(TwitterPhoneNumberParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.records.first
                == .identifier(
                    IdentifierObservation(
                        kind: .phone, raw: "+15550104477", field: "device.phoneNumber", accountKey: Support.ada),
                    Support.provenance(result, "data/phone-number.js", "/0/device", "twitter.phone-number")))
    }

    @Test func legacyArchiveKeepsTheRawSpelling() throws {
        let result = try ParserHarness.run(TwitterPhoneNumberParser.self, sample: "twitter/legacy-2020")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.identifierRecords.map(\.raw) == ["+1 (555) 010-4477"])
        #expect(result.identifierRecords.first?.accountKey == Support.bram)
    }
}

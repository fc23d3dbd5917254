import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterDeviceTokenParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveTokens() throws {
        let result = try ParserHarness.run(TwitterDeviceTokenParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .deviceRegistered,
                    occurredAt: Support.stamp(1_641_369_612_000_000, "2022-01-05T08:00:12.000Z"), actor: Support.ada,
                    text: "Twitter for iPhone",
                    details: [
                        .init("clientApplicationName", "Twitter for iPhone"), .init("clientApplicationId", "258901"),
                        .init("lastSeenAt", "2023-05-02T18:40:03.000Z"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .device, raw: "Zm9vYmFyLXRva2VuLWFkYS0wMDE", field: "deviceToken.token",
                            accountKey: Support.ada)
                    ],
                    provenance: Support.provenance(
                        result, "data/device-token.js", "/0/deviceToken", "twitter.device-token")))
    }

    @Test func olderTokenWithoutApplication() throws {
        let file =
            "window.YTD.device_token.part0 = [ { \"deviceToken\" : { \"token\" : \"abc\", "
            + "\"createdAt\" : \"2020-01-01T00:00:00.000Z\" } } ]"
        let result = try ParserHarness.run(
            TwitterDeviceTokenParser.self, files: Support.archive(["data/device-token.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.details == [])
        #expect(result.events.first?.text == nil)
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterNiDevicesParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchivePlaceholderIsEmpty() throws {
        let result = try ParserHarness.run(TwitterNiDevicesParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 0)
        #expect(result.members == ["data/ni-devices.js"])
    }

    @Test func pushAndMessagingDevices() throws {
        let file = """
            window.YTD.ni_devices.part0 = [ { "niDeviceResponse" : { "messagingDevice" : {
              "phoneNumber" : "+15550104477",
              "carrier" : "Example Mobile", "deviceType" : "Auth", "updatedDate" : "2022.03.01",
                "createdDate" : "2022.03.01" } } },
              { "niDeviceResponse" : { "pushDevice" : { "deviceVersion" : "16.2", "deviceType" : "Apple",
                "udid" : "UD-1",
              "updatedDate" : "2022.03.02", "createdDate" : "2022-13-40" } } } ]
            """
        let result = try ParserHarness.run(
            TwitterNiDevicesParser.self, files: Support.archive(["data/ni-devices.js": file]))
        #expect(result.records.count == 2)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.provenance.locator == "/1/niDeviceResponse/pushDevice/createdDate")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .deviceRegistered,
                    occurredAt: Timestamp(
                        microseconds: 1_646_092_800_000_000, raw: "2022.03.01", precision: .day, zoneSource: .assumedUTC
                    ),
                    actor: Support.ada,
                    details: [
                        .init("deviceCategory", "messagingDevice"), .init("deviceType", "Auth"),
                        .init("carrier", "Example Mobile"),
                        .init("updatedDate", "2022.03.01"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .phone, raw: "+15550104477", field: "niDeviceResponse.messagingDevice.phoneNumber",
                            accountKey: Support.ada)
                    ],
                    provenance: Support.provenance(
                        result, "data/ni-devices.js", "/0/niDeviceResponse/messagingDevice", "twitter.ni-devices")))
        #expect(result.events.last?.identifiers.map(\.raw) == ["UD-1"])
    }
}

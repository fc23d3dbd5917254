import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterConnectedApplicationParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveApplication() throws {
        let result = try ParserHarness.run(TwitterConnectedApplicationParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .appConnected,
                    occurredAt: Support.stamp(1_620_468_672_000_000, "2021-05-08T10:11:12.000Z"), actor: Support.ada,
                    text: "Trailbook",
                    details: [
                        .init("applicationId", "27411902"), .init("name", "Trailbook"),
                        .init("organization", "Trailbook Example Ltd"),
                        .init("permissions", "read,write"),
                    ],
                    identifiers: [
                        IdentifierObservation(
                            kind: .url, raw: "https://trailbook.example.com",
                            field: "connectedApplication.organization.url")
                    ],
                    provenance: Support.provenance(
                        result, "data/connected-application.js", "/0/connectedApplication",
                        "twitter.connected-application")))
    }

    @Test func badApprovalTimeKeepsTheRecord() throws {
        let file =
            "window.YTD.connected_application.part0 = [ { \"connectedApplication\" : "
            + "{ \"name\" : \"X\", \"approvedAt\" : \"soon\" } } ]"
        let result = try ParserHarness.run(
            TwitterConnectedApplicationParser.self, files: Support.archive(["data/connected-application.js": file]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.provenance.locator == "/0/connectedApplication/approvedAt")
    }
}

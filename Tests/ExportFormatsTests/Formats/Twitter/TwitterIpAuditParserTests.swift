import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterIpAuditParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveLoginsWithPorts() throws {
        let result = try ParserHarness.run(TwitterIpAuditParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 4)
        #expect(result.warnings.count == 0)
        let time = Support.stamp(1_683_052_803_000_000, "2023-05-02T18:40:03.000Z")
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .login, occurredAt: time, actor: Support.ada,
                    details: [.init("port", "51544")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .ip, raw: "2001:db8:4a::1f", field: "ipAudit.loginIp", observedAt: time,
                            accountKey: Support.ada)
                    ],
                    provenance: Support.provenance(result, "data/ip-audit.js", "/0/ipAudit", "twitter.ip-audit")))
        #expect(result.events.filter { $0.details.isEmpty }.count == 2)
    }

    @Test func legacyArchiveSharesAnAddress() throws {
        let result = try ParserHarness.run(TwitterIpAuditParser.self, sample: "twitter/legacy-2020")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        let shared = try #require(result.events.first { $0.identifiers.first?.raw == "203.0.113.7" })
        #expect(shared.occurredAt == Support.stamp(1_582_832_892_000_000, "2020-02-27T19:48:12.000Z"))
        #expect(shared.actor == Support.bram)
    }

    @Test func emptyPlaceholderAndMissingAddress() throws {
        let empty = try ParserHarness.run(
            TwitterIpAuditParser.self, files: Support.archive(["data/ip-audit.js": "window.YTD.ip_audit.part0 = [ ]"]))
        #expect(empty.records.count == 0)
        #expect(empty.warnings.count == 0)
        let missing = try ParserHarness.run(
            TwitterIpAuditParser.self,
            files: Support.archive([
                "data/ip-audit.js":
                    "window.YTD.ip_audit.part0 = [ { \"ipAudit\" : { \"createdAt\" : \"2023-01-01T00:00:00.000Z\" } } ]"
            ]))
        #expect(missing.records.count == 1)
        #expect(missing.warnings.count == 1)
        #expect(missing.warnings.first?.code == "missing-field")
        #expect(missing.events.first?.actor == Support.ada)
    }
}

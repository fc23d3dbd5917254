import CaseReports
@testable import CaseStore
@testable import Casebook
import CasebookTestSupport
import EvidenceModel
import Foundation
import Identifiers
import Logging
import Testing

/// Correlation over the two synthetic Twitter archives that share a phone (written two ways) and
/// an IP used 43 minutes apart.
@Suite struct CorrelatorTests {
    func makeCase(_ folder: TemporaryFolder) throws -> CaseStore {
        let store = try CaseStore(path: folder.path + "/case.db", create: true)
        let session = IngestSession(store: store, options: IngestOptions(), runId: nil, logger: Logger(label: "test"))
        _ = try session.ingest(paths: [
            SampleExportsLocator.path("twitter/modern-2022"), SampleExportsLocator.path("twitter/legacy-2020"),
        ])
        return store
    }

    @Test func sharedPhoneIsStrongWithBothRawForms() throws {
        let folder = try TemporaryFolder()
        let links = try Correlator(store: makeCase(folder)).links(Correlator.Options())
        let phone = try #require(links.first { $0.identifier.kind == "phone" && $0.identifier.value == "+15550104477" })
        #expect(phone.accounts.count == 2)
        #expect(phone.evidence.count == 2)
        #expect(phone.strengthLabel == "strong")
        #expect(Set(phone.occurrences.map(\.rawValue)) == ["+15550104477", "+1 (555) 010-4477"])
        #expect(phone.occurrences.allSatisfy { $0.locator.hasPrefix("/") && !$0.memberPath.isEmpty })
        // Strongest first.
        #expect(links.map(\.strength) == links.map(\.strength).sorted(by: >))
    }

    @Test func windowKeepsOnlyCoUseInTime() throws {
        let folder = try TemporaryFolder()
        let store = try makeCase(folder)
        var options = Correlator.Options()
        options.kind = .ip
        options.windowSeconds = 3600
        let withinHour = try Correlator(store: store).links(options)
        let ip = try #require(withinHour.first { $0.identifier.value == "203.0.113.7" })
        let pair = try #require(ip.windowPairs.first)
        #expect(pair.0.account != pair.1.account)
        #expect(abs((pair.1.observedAt ?? 0) - (pair.0.observedAt ?? 0)) <= 3_600_000_000)
        options.windowSeconds = 600
        #expect(try Correlator(store: store).links(options).contains { $0.identifier.value == "203.0.113.7" } == false)
    }

    @Test func pivotFindsPhoneHoweverTyped() throws {
        let folder = try TemporaryFolder()
        let store = try makeCase(folder)
        var options = Correlator.Options()
        options.values = IdentifierNormalizer(defaultRegion: "US").candidates(forQuery: "555-010-4477")
        let links = try Correlator(store: store).links(options)
        #expect(links.map(\.identifier.value).contains("+15550104477"))
    }

    @Test(arguments: ["10.0.0.1", "192.168.1.1"])
    func privateAddressesAreWeak(address: String) {
        let row = IdentifierRow(
            id: 1, kind: "ip", value: address, notes: "private", occurrences: 4, accounts: 2, evidence: 2, firstSeen: nil,
            lastSeen: nil)
        let occurrence = OccurrenceRow(
            identifierKind: "ip", identifierValue: address, rawValue: address, strength: "exact", source: "structured",
            field: "ipAudit.loginIp", account: "@a", accountPlatform: "twitter", eventId: 1, observedAt: nil, assumption: nil,
            evidenceSHA256: "e", evidenceName: "e", memberPath: "m", locator: "/0")
        let summary = CaseStore.OccurrenceSummary(
            accounts: ["twitter:@a"], evidence: ["e"], hasStructured: true, allWeak: false)
        let link = Correlator.assess(row, summary, [occurrence])
        #expect(link.strengthLabel == "weak")
        #expect(link.reasons.contains { $0.contains("private") })
    }

    @Test func durations() {
        #expect(Correlator.parseDuration("90s") == 90)
        #expect(Correlator.parseDuration("30m") == 1800)
        #expect(Correlator.parseDuration("1h") == 3600)
        #expect(Correlator.parseDuration("2d") == 172_800)
        #expect(Correlator.parseDuration("soon") == nil)
    }

    @Test func graphsEscapeEvidenceText() {
        var graph = LinkGraph()
        graph.nodes = [
            .init(identifier: "account:\"x", type: "account", label: "<script>\"a\" & b\u{07}"),
            .init(identifier: "identifier:ip:1", type: "identifier", label: "ip 1"),
        ]
        graph.edges = [.init(source: "account:\"x", target: "identifier:ip:1", rawValue: "1</data>", field: "f", provenance: "p", observedAt: nil)]
        let dot = GraphRenderer.dot(graph)
        #expect(dot.contains("\"account:\\\"x\""))
        #expect(!dot.contains("\u{07}"))
        let graphML = GraphRenderer.graphML(graph)
        #expect(graphML.contains("&lt;script&gt;&quot;a&quot; &amp; b"))
        #expect(graphML.contains("1&lt;/data&gt;"))
        #expect(!graphML.contains("<script>"))
    }
}

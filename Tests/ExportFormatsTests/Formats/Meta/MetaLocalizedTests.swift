import CasebookTestSupport
import Foundation
import EvidenceArchive
import EvidenceModel
import Testing

@testable import ExportFormats

/// A Facebook export with German folder names (`SampleExports/facebook/json-localized-de`): the
/// message file is read with an `uncertain-layout` warning, the other files are claimed by nobody.
@Suite struct MetaLocalizedTests {
    @Test func messagesAreReadWithAnUncertainLayoutWarning() throws {
        let result = try ParserHarness.run(FacebookMessagesParser.self, sample: "facebook/json-localized-de")
        #expect(result.records.count == 5)
        #expect(result.warnings.map(\.code) == ["uncertain-layout", "text-repaired"])
        let member = "nachrichten/posteingang/annaschmidt_k7l8m9/message_1.json"
        let expected = ExtractionWarning(
            code: "uncertain-layout",
            message: "Meta message files under folder names Casebook does not know (a localized export?)",
            provenance: MetaTest.provenance(result, member, "", FacebookMessagesParser.self))
        #expect(result.warnings.first == expected)
        #expect(result.events.first?.text == "Bis morgen am Bahnhof, grüße!")
    }

    @Test func profileAndSecurityFilesAreClaimedByNoParser() throws {
        let root = SampleExportsLocator.path("facebook/json-localized-de")
        let paths = [
            "FIXTURE.md", "nachrichten/posteingang/annaschmidt_k7l8m9/message_1.json",
            "profilinformationen/profilinformationen.json",
            "sicherheits_und_anmeldeinformationen/anmeldungen_und_abmeldungen.json",
        ]
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: root + "/" + $0) })
        let listing = ArchiveListing(paths: paths)
        let selection = ParserRegistry.selection(for: listing)
        #expect(MetaRecognition.layout(listing).recognition == .possible)
        #expect(selection.parser(for: paths[1]).map { type(of: $0).descriptor.identifier } == "facebook.messages")
        #expect(selection.parser(for: paths[2]) == nil)
        #expect(selection.parser(for: paths[3]) == nil)
    }
}

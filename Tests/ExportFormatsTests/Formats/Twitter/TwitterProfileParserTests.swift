import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterProfileParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveProfile() throws {
        let result = try ParserHarness.run(TwitterProfileParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.first
                == Event(
                    platform: .twitter, kind: .profileChange, occurredAt: nil, actor: Support.ada,
                    text: "Trails, type systems & tea. Copenhagen ↔ Bristol.",
                    details: [.init("website", "https://t.co/W3bS1te000"), .init("location", "Copenhagen")],
                    identifiers: [
                        IdentifierObservation(
                            kind: .url, raw: "https://t.co/W3bS1te000", field: "profile.description.website",
                            accountKey: Support.ada)
                    ],
                    attachments: [
                        Attachment(
                            memberPath: "data/profile_media/1400000000000000001-Av4tArK3y9.jpg",
                            reference: "https://pbs.twimg.com/profile_images/1600000000000000000/Av4tArK3y9.jpg",
                            mediaType: "avatar"),
                        Attachment(
                            reference: "https://pbs.twimg.com/profile_banners/1400000000000000001/1650000000",
                            mediaType: "header"),
                    ],
                    provenance: Support.provenance(result, "data/profile.js", "/0/profile", "twitter.profile")))
    }

    @Test func emptyProfileFile() throws {
        let result = try ParserHarness.run(
            TwitterProfileParser.self, files: Support.archive(["data/profile.js": "window.YTD.profile.part0 = [ ]"]))
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 0)
    }
}

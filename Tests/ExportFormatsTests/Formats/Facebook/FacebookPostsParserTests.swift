import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct FacebookPostsParserTests {
    @Test func sample2021Posts() throws {
        let result = try ParserHarness.run(FacebookPostsParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 2)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let owner = AccountKey.handle(.facebook, "Søren Testesen")
        let expected = Event(
            platform: .facebook, kind: .post, occurredAt: MetaTest.epochSeconds(1_609_502_400), actor: owner,
            text: "Godt nytår! Vi ses i 2021 🎉",
            details: [
                .init("rawText", "Godt nyt\u{00C3}\u{00A5}r! Vi ses i 2021 \u{00F0}\u{009F}\u{008E}\u{0089}"),
                .init("updateTimestamp", "1609502400"),
                .init("rawTitle", "S\u{00C3}\u{00B8}ren Testesen updated his status."),
                .init("title", "Søren Testesen updated his status."),
                .init("mediaDescription", "Godt nytår fra Århus"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "198.51.100.23", field: "posts.media_metadata.exif_data.upload_ip",
                    observedAt: MetaTest.epochSeconds(1_609_502_395), accountKey: owner)
            ],
            attachments: [
                Attachment(
                    memberPath: "photos_and_videos/TimelinePhotos_abc123/nytaar_2001.jpg",
                    reference: "photos_and_videos/TimelinePhotos_abc123/nytaar_2001.jpg", mediaType: "photo")
            ],
            provenance: MetaTest.provenance(result, "posts/your_posts_1.json", "/0", FacebookPostsParser.self))
        #expect(result.events.first == expected)
        let link = try #require(result.events.last)
        #expect(link.identifiers.map(\.raw) == ["https://example.org/recipes/rugbroed"])
        #expect(link.details.contains(.init("place", "Dokk1")))
        #expect(link.details.contains(.init("coordinate", "56.1532,10.2143")))
    }

    @Test func sample2024Posts() throws {
        let result = try ParserHarness.run(FacebookPostsParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        #expect(result.events.first?.text == "Første dag på det nye job")
    }

    @Test func postWithoutTimestampWarns() throws {
        let result = try ParserHarness.run(
            FacebookPostsParser.self,
            files: [
                "posts/your_posts_1.json": #"[{"data": [{"post": "hi"}]}, "x"]"#,
                "profile_information/profile_information.json": #"{"profile_v2": {"name": {"full_name": "A B"}}}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["missing-field", "unexpected-shape"])
    }
}

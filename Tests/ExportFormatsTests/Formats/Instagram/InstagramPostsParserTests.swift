import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct InstagramPostsParserTests {
    @Test func sample2024Posts() throws {
        let result = try ParserHarness.run(InstagramPostsParser.self, sample: "instagram/json-2024")
        #expect(result.records.count == 2)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let expected = Event(
            platform: .instagram, kind: .post, occurredAt: MetaTest.epochSeconds(1_709_290_000),
            actor: .handle(.instagram, "frida.dahl"), text: "Solnedgang over Ålborg 🌅",
            details: [.init("rawText", "Solnedgang over \u{00C3}\u{0085}lborg \u{00F0}\u{009F}\u{008C}\u{0085}")],
            attachments: [
                Attachment(
                    memberPath: "media/posts/202403/sunset_4001.jpg", reference: "media/posts/202403/sunset_4001.jpg",
                    mediaType: "photo")
            ],
            provenance: MetaTest.provenance(
                result, "your_instagram_activity/content/posts_1.json", "/0", InstagramPostsParser.self))
        #expect(result.events.first == expected)
        #expect(result.events.last?.attachments.count == 2)
        #expect(result.events.last?.occurredAt == MetaTest.epochSeconds(1_709_390_001))
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("instagram") != nil, "../shared/fixtures is absent"))
    func sharedPublicTestZip() throws {
        let zip = try #require(
            SampleExportsLocator.sharedFixture(
                "instagram/what-if-horizon__what-if-data-donation/pytests/public_testfiles/IG_public_test_file.zip"))
        let result = try ParserHarness.run(InstagramPostsParser.self, path: zip)
        // posts_1.json is one object with three media (one post); stories.json has four stories.
        #expect(result.records.count == 5)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.attachments.count == 3)
        #expect(result.events.filter { $0.details.contains(.init("type", "story")) }.count == 4)
    }
}

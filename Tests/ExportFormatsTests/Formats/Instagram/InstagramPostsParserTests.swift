import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
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

    /// `count` posts as a 2024 `posts_1.json` writes them.
    static func posts(_ count: Int) -> String {
        let entries = (0..<count).map { index in
            #"{"media": [{"uri": "media/posts/202403/p\#(index).jpg", "creation_timestamp": \#(1_709_290_000 + index), "title": ""}], "title": "Post \#(index)", "creation_timestamp": \#(1_709_290_000 + index)}"#
        }
        return "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    }

    static func read(_ files: [String: String], threshold: Int) throws -> ParserHarness.Result {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        try folder.write(
            "personal_information/personal_information/personal_information.json",
            #"{"profile_user": [{"string_map_data": {"Username": {"value": "frida.dahl"}}}]}"#)
        return try ParserHarness.run(instance: InstagramPostsParser(streamingThreshold: threshold), path: folder.path)
    }

    /// A heavy poster's posts file, read as it arrives: the records of the whole read.
    @Test func largePostsListStreamedGivesWhatTheWholeReadGives() throws {
        let files = ["your_instagram_activity/content/posts_1.json": Self.posts(3_000)]
        let streamed = try MetaTest.readBothWays(count: 3_000) { try Self.read(files, threshold: $0) }
        let last = try #require(streamed.events.last)
        #expect(last.text == "Post 2999")
        #expect(last.provenance.locator == "/2999")
        #expect(last.attachments.first?.reference == "media/posts/202403/p2999.jpg")
    }

    /// A file of one post (`{"media": [...]}`) is that post, at locator "", whatever its size; a stories file
    /// with `media` first is still a list.
    @Test func singlePostObjectIsOnePostBothWays() throws {
        let media = (0..<200).map { #"{"uri": "media/posts/202403/m\#($0).jpg", "creation_timestamp": 1709290000}"# }
        let single = #"{"media": ["# + media.joined(separator: ",") + #"], "title": "Many photos"}"#
        for threshold in [1_024, Int.max] {
            let result = try Self.read(["your_instagram_activity/content/posts_1.json": single], threshold: threshold)
            #expect(result.events.count == 1)
            #expect(result.events.first?.attachments.count == 200)
            #expect(result.events.first?.provenance.locator == "")
        }
        let stories = #"{"ig_stories": ["# + media.joined(separator: ",") + "]}"
        let streamed = try Self.read(["your_instagram_activity/content/stories.json": stories], threshold: 1_024)
        #expect(streamed.events.count == 200)
        #expect(streamed.events.last?.provenance.locator == "/ig_stories/199")
    }
}

import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct FacebookCommentsParserTests {
    @Test func sample2021Comment() throws {
        let result = try ParserHarness.run(FacebookCommentsParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let expected = Event(
            platform: .facebook, kind: .comment, occurredAt: MetaTest.epochSeconds(1_611_000_000),
            actor: .handle(.facebook, "Søren Testesen"), text: "Flot billede, Anna!",
            details: [
                .init("author", "Søren Testesen"),
                .init("rawTitle", "S\u{00C3}\u{00B8}ren Testesen commented on Anna Krogh's photo."),
                .init("title", "Søren Testesen commented on Anna Krogh's photo."),
            ],
            provenance: MetaTest.provenance(
                result, "comments_and_reactions/comments.json", "/comments_v2/0", FacebookCommentsParser.self))
        #expect(result.events == [expected])
    }

    @Test func sample2024Comment() throws {
        let result = try ParserHarness.run(FacebookCommentsParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
    }

    @Test func reactionsBecomeReactionEvents() throws {
        let text =
            #"{"reactions_v2": [{"timestamp": 1600000000, "#
            + #""data": [{"reaction": {"reaction": "LIKE", "actor": "A B"}}], "title": "A B likes a post."}]}"#
        let result = try ParserHarness.run(
            FacebookCommentsParser.self,
            files: [
                "comments_and_reactions/likes_and_reactions_1.json": text,
                "profile_information/profile_information.json": #"{"profile_v2": {"name": {"full_name": "A B"}}}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.map(\.kind) == [.reaction])
        #expect(result.events.first?.text == "LIKE")
    }
}

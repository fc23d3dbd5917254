import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct FacebookSearchParserTests {
    @Test func sample2021Search() throws {
        let result = try ParserHarness.run(FacebookSearchParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let expected = Event(
            platform: .facebook, kind: .search, occurredAt: MetaTest.epochSeconds(1_610_000_000),
            actor: .handle(.facebook, "Søren Testesen"), text: "\"smørrebrød aarhus\"",
            details: [
                .init("rawText", "\"sm\u{00C3}\u{00B8}rrebr\u{00C3}\u{00B8}d aarhus\""),
                .init("title", "You searched Facebook"),
            ],
            provenance: MetaTest.provenance(
                result, "search_history/your_search_history.json", "/searches_v2/0", FacebookSearchParser.self))
        #expect(result.events == [expected])
    }

    @Test func sample2024Search() throws {
        let result = try ParserHarness.run(FacebookSearchParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.members == ["logged_information/search/your_search_history.json"])
    }
}

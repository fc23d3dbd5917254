import CasebookTestSupport
import Foundation
import Testing

/// Evidence text that Swift's `==` equates but whose bytes differ (NFC and NFD spellings) stays two
/// values through the whole ingest: the visitor's normalization cache and the writer's identifier
/// and account caches compare bytes, as the case's unique indexes do.
@Suite struct CanonicalTwinTests {
    @Test func nfcAndNfdLinksAreTwoIdentifiers() throws {
        let folder = try TemporaryFolder()
        let export = folder.path + "/twins-export"
        try FileManager.default.copyItem(atPath: SampleExportsLocator.path("twitter/modern-2022"), toPath: export)
        let composed = "https://www.example.com/caf\u{E9}", decomposed = "https://www.example.com/cafe\u{301}"
        #expect(composed == decomposed)
        var tweets: [String] = []
        for (index, link) in [composed, decomposed, composed, decomposed].enumerated() {
            let identifier = 1_700_000_000_000_000_000 + index
            tweets.append(
                """
                { "tweet" : { "id_str" : "\(identifier)", "id" : "\(identifier)", \
                "created_at" : "Sat Mar 18 15:0\(index):12 +0000 2023", "full_text" : "twin \(index) \(link) end", \
                "entities" : { "hashtags" : [ ], "user_mentions" : [ ], "urls" : [ ] } } }
                """)
        }
        try ("window.YTD.tweets.part0 = [ " + tweets.joined(separator: ", ") + " ]\n")
            .write(toFile: export + "/data/tweets.js", atomically: true, encoding: .utf8)
        let casePath = folder.path + "/case.db"
        let ingest = try CasebookBinary.run(["ingest", export, "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let rows = try CaseDump.rows(
            casePath,
            """
            SELECT e.text AS text, o.rawValue AS raw, i.value AS value FROM occurrenceDetail o JOIN identifier i ON i.id = o.identifierId
            JOIN event e ON e.id = o.eventId WHERE e.text LIKE 'twin %' AND i.kind = 'url' ORDER BY e.id
            """)
        #expect(rows.count == 4, "\(rows)")
        let links = [composed, decomposed, composed, decomposed]
        let raws = rows.map { Array(($0["raw"] ?? "").utf8) }
        let values = rows.map { Array(($0["value"] ?? "").utf8) }
        // Each occurrence keeps the bytes its tweet has, and names the identifier those bytes give.
        #expect(raws == links.map { Array($0.utf8) })
        #expect(values.count == 4 && values[0] == values[2] && values[1] == values[3])
        #expect(values.count == 4 && values[0] != values[1], "the NFC and the NFD link are two identifiers")
    }

    /// A link in a tweet's text is kept beside the tweet's structured link unless it names the same
    /// identifier, byte for byte: an NFD spelling in the text of the NFC link in `entities.urls` is a
    /// second identifier, and its occurrence was dropped as a duplicate of the structured one.
    @Test func aTextLinkThatIsTheStructuredLinksTwinIsKept() throws {
        let folder = try TemporaryFolder()
        let export = folder.path + "/twins-export"
        try FileManager.default.copyItem(atPath: SampleExportsLocator.path("twitter/modern-2022"), toPath: export)
        let composed = "https://www.example.com/caf\u{E9}", decomposed = "https://www.example.com/cafe\u{301}"
        let tweet = """
            { "tweet" : { "id_str" : "1700000000000000100", "id" : "1700000000000000100", \
            "created_at" : "Sat Mar 18 15:00:12 +0000 2023", "full_text" : "twin text \(decomposed) end", \
            "entities" : { "hashtags" : [ ], "user_mentions" : [ ], "urls" : [ { "url" : "https://t.co/twin0", \
            "expanded_url" : "\(composed)", "display_url" : "example.com/caf\u{E9}", "indices" : [ "90", "100" ] } ] } } }
            """
        try ("window.YTD.tweets.part0 = [ " + tweet + " ]\n").write(toFile: export + "/data/tweets.js", atomically: true, encoding: .utf8)
        let casePath = folder.path + "/case.db"
        let ingest = try CasebookBinary.run(["ingest", export, "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let rows = try CaseDump.rows(
            casePath,
            """
            SELECT o.source AS source, i.value AS value FROM occurrenceDetail o JOIN identifier i ON i.id = o.identifierId
            JOIN event e ON e.id = o.eventId WHERE e.text LIKE 'twin %' AND i.kind = 'url' ORDER BY o.id
            """)
        let found = rows.map { ($0["source"] ?? "", Array(($0["value"] ?? "").utf8)) }
        #expect(found.count == 2, "\(rows)")
        #expect(found.map(\.0) == ["structured", "text"])
        #expect(found.count == 2 && found[0].1 != found[1].1, "the NFC and the NFD link are two identifiers")
    }
}

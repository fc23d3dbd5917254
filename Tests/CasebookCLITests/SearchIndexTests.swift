@testable import CaseStore
import CasebookTestSupport
import Foundation
import GRDB
import Testing

/// Migration v7 keeps the search index without FTS5's per-row token counts (`columnsize=0`): search
/// orders by time and never ranks, so the counts cost the writer an insert per event for nothing. An
/// older case's index is rebuilt when it is first opened, and answers the same; the index check
/// (`searchIndexProblems`) then compares the whole index with the events' text.
@Suite struct SearchIndexTests {
    static let samples = [
        SampleExportsLocator.path("twitter/modern-2022"), SampleExportsLocator.path("facebook/json-2024"),
        SampleExportsLocator.path("instagram/json-2024"),
    ]

    static func searchIndexSQL(_ casePath: String) throws -> String {
        try CaseDump.rows(casePath, "SELECT sql FROM sqlite_master WHERE name = 'eventSearch'").first?["sql"] ?? ""
    }

    static func hasSizeTable(_ casePath: String) throws -> Bool {
        try CaseDump.rows(casePath, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'eventSearch_docsize'") != [["n": "0"]]
    }

    @Test func aCaseIndexedWithSizesIsRebuiltWithoutThemAndSearchesTheSame() throws {
        let folder = try TemporaryFolder()
        let fresh = folder.path + "/fresh.db"
        let synthetic = try SyntheticArchive.make(in: folder, name: "synthetic", tweets: 300, seed: 11)
        let ingest = try CasebookBinary.run(["ingest"] + Self.samples + [synthetic, "--case", fresh])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        #expect(try Self.searchIndexSQL(fresh).contains("columnsize = 0"))
        #expect(try !Self.hasSizeTable(fresh))

        // The same case as v6 left it: the index of v1, with a size row for every event with text.
        let former = folder.path + "/former.db"
        try FileManager.default.copyItem(atPath: fresh, toPath: former)
        let queue = try DatabaseQueue(path: former)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE eventSearch;
                    CREATE VIRTUAL TABLE eventSearch USING fts5(
                        text, content = 'event', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
                    );
                    INSERT INTO eventSearch(rowid, text) SELECT id, text FROM eventRow WHERE text IS NOT NULL AND text <> '';
                    DELETE FROM grdb_migrations WHERE identifier = 'v7-search-without-sizes';
                    """)
        }
        try queue.close()
        let indexed = try CaseDump.rows(former, "SELECT count(*) AS n FROM eventSearch_docsize").first?["n"] ?? "0"
        #expect((Int(indexed) ?? 0) > 300, "\(indexed) size rows")

        // A query command upgrades it; searches answer as on the fresh case, snippets included.
        for query in [["the"], ["\"the\""], ["the OR a", "--raw"], ["NEAR(the a, 3)", "--raw"], ["th*", "--raw"]] {
            let arguments = ["search"] + query + ["--limit", "40", "--format", "json"]
            let before = try CasebookBinary.run(arguments + ["--case", fresh])
            let after = try CasebookBinary.run(arguments + ["--case", former])
            #expect(after.status == before.status, "\(query): \(after.stderr)")
            #expect(after.stdout == before.stdout, "\(query)")
            #expect(before.stdout.contains("snippet"), "\(query): \(before.stdout.prefix(200))")
        }
        #expect(try Self.searchIndexSQL(former).contains("columnsize = 0"))
        #expect(try !Self.hasSizeTable(former))
        #expect(try CaseState.problems(former) == [])
        #expect(try CaseDump.rows(former, "SELECT v AS value FROM eventSearch_config WHERE k = 'hashsize'") == [["value": "8388608"]])
    }

    @Test func theIndexCheckFindsAMissingRowAndALeftOverOne() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let ingest = try CasebookBinary.run(["ingest", SampleExportsLocator.path("twitter/modern-2022"), "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.searchIndexProblems() == [])
        let row = try #require(
            try CaseDump.rows(casePath, "SELECT id, text FROM eventRow WHERE text <> '' ORDER BY id LIMIT 1").first)
        let id = try #require(row["id"]), text = try #require(row["text"])

        // An event whose words are not in the index.
        let queue = try DatabaseQueue(path: casePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO eventSearch(eventSearch, rowid, text) VALUES ('delete', ?, ?)", arguments: [id, text])
        }
        let missing = try store.searchIndexProblems()
        #expect(missing.count == 1 && missing[0].contains("missing"), "\(missing)")

        // Its words back, and an entry for a row that is no event.
        try queue.write { db in
            try db.execute(sql: "INSERT INTO eventSearch(rowid, text) VALUES (?, ?)", arguments: [id, text])
            try db.execute(sql: "INSERT INTO eventSearch(rowid, text) VALUES (999999, 'stale words')")
        }
        let leftOver = try store.searchIndexProblems()
        #expect(leftOver == ["the index does not hold exactly the words of the events' text (1 indexed row is not an event with text)"])
        try queue.write { db in
            try db.execute(sql: "INSERT INTO eventSearch(eventSearch, rowid, text) VALUES ('delete', 999999, 'stale words')")
        }
        #expect(try store.searchIndexProblems() == [])
        try queue.close()
    }
}

@testable import CaseStore
import CasebookTestSupport
import Foundation
import GRDB
import Testing

/// Migration v5 stores each event's shared values (parser, platform, kind, time precision and zone
/// source) once in `eventShape`, an occurrence's raw value and locator only where they differ from its
/// identifier's value and its event's locator, and its field as an id into `fieldName`. A case of the
/// former schema is upgraded when first opened and reads the same afterwards; the upgrade and the
/// writer store the same occurrences and event values. (Details and raw times stay in an upgraded
/// case's rows as v5 stored them; from v6 the writer leaves out detail names and the raw times the view
/// renders: `DetailKeysTests`, `TimeFormatTests`.)
@Suite struct LeanOccurrenceTests {
    static let samples = [
        SampleExportsLocator.path("twitter/modern-2022"), SampleExportsLocator.path("twitter/legacy-2020"),
        SampleExportsLocator.path("facebook/json-2024"), SampleExportsLocator.path("instagram/json-2024"),
    ]
    /// What a reader sees, and what is stored, table by table.
    static let readDumps = [
        "SELECT * FROM event ORDER BY id", "SELECT * FROM occurrenceDetail ORDER BY id", "SELECT * FROM attachment ORDER BY id",
        "SELECT * FROM tag ORDER BY id",
    ]
    static let storedDumps = [
        "SELECT id, evidenceId, memberId, locator, occurredAt, actorAccountId, conversationId, text FROM eventRow ORDER BY id",
        "SELECT id, parser, parserVersion, platform, kind, timePrecision, timeZoneSource FROM eventShape ORDER BY id",
        "SELECT * FROM identifierOccurrence ORDER BY id", "SELECT * FROM fieldName ORDER BY id",
    ]

    static func dumps(_ casePath: String, _ queries: [String]) throws -> [[[String: String]]] {
        try queries.map { try CaseDump.rows(casePath, $0) }
    }

    @Test func formerSchemaIsUpgradedAndReadsTheSame() throws {
        let folder = try TemporaryFolder()
        let fresh = folder.path + "/fresh.db"
        let synthetic = try SyntheticArchive.make(in: folder, name: "synthetic", tweets: 400, seed: 7)
        let ingest = try CasebookBinary.run(["ingest"] + Self.samples + [synthetic, "--case", fresh])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let tag = try CasebookBinary.run(["tag", "3", "--label", "key", "--note", "n", "--case", fresh])
        #expect(tag.status == 0, "\(tag.stderr)")
        let expected = try Self.dumps(fresh, Self.readDumps)
        let stored = try Self.dumps(fresh, Self.storedDumps)
        #expect(expected[0].count > 100 && expected[1].count > 100 && expected[3].count == 1)
        // Few shapes for many events.
        #expect(stored[1].count > 5 && stored[1].count * 10 < stored[0].count, "\(stored[1].count) shapes")
        // What the writer leaves out: locators and raw values, not all of them (the samples write both kinds).
        let lean = stored[2]
        let locatorsLeftOut = lean.filter { $0["locator"] == nil }.count
        let rawValuesLeftOut = lean.filter { $0["rawValue"] == nil }.count
        #expect(locatorsLeftOut > 0 && locatorsLeftOut < lean.count, "\(locatorsLeftOut) of \(lean.count)")
        #expect(rawValuesLeftOut > 0 && rawValuesLeftOut < lean.count, "\(rawValuesLeftOut) of \(lean.count)")
        // A stored raw value or locator is one that differs from what it would be read as otherwise.
        let redundant = try CaseDump.rows(
            fresh,
            """
            SELECT o.id FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId LEFT JOIN eventRow e ON e.id = o.eventId
            WHERE o.rawValue = \(Migrations.impliedRawValue) OR o.locator = e.locator
            """)
        #expect(redundant.isEmpty)

        // The same case in the v4 form: every event and occurrence with all its values written out.
        let former = folder.path + "/former.db"
        try FileManager.default.copyItem(atPath: fresh, toPath: former)
        let queue = try DatabaseQueue(path: former)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try db.execute(
                    sql: """
                        CREATE TABLE formerEvent (
                            id INTEGER PRIMARY KEY,
                            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
                            memberId INTEGER NOT NULL REFERENCES member(id),
                            locator TEXT NOT NULL,
                            parser TEXT NOT NULL,
                            parserVersion INTEGER NOT NULL,
                            platform TEXT NOT NULL,
                            kind TEXT NOT NULL,
                            occurredAt INTEGER,
                            timeRaw TEXT,
                            timePrecision TEXT,
                            timeZoneSource TEXT,
                            actorAccountId INTEGER REFERENCES account(id),
                            conversationId INTEGER REFERENCES conversation(id),
                            text TEXT,
                            details TEXT NOT NULL DEFAULT '{}'
                        );
                        INSERT INTO formerEvent SELECT * FROM event;
                        CREATE TABLE formerOccurrence (
                            id INTEGER PRIMARY KEY,
                            identifierId INTEGER NOT NULL REFERENCES identifier(id),
                            rawValue TEXT NOT NULL,
                            strength TEXT NOT NULL CHECK (strength IN ('exact', 'weak')),
                            source TEXT NOT NULL,
                            field TEXT NOT NULL,
                            accountId INTEGER REFERENCES account(id),
                            eventId INTEGER REFERENCES event(id),
                            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
                            memberId INTEGER NOT NULL REFERENCES member(id),
                            locator TEXT NOT NULL,
                            observedAt INTEGER,
                            assumption TEXT
                        );
                        INSERT INTO formerOccurrence SELECT * FROM occurrenceDetail;
                        CREATE TABLE formerAttachment (
                            id INTEGER PRIMARY KEY,
                            eventId INTEGER NOT NULL REFERENCES event(id),
                            memberPath TEXT,
                            reference TEXT NOT NULL,
                            mediaType TEXT
                        );
                        INSERT INTO formerAttachment SELECT * FROM attachment;
                        CREATE TABLE formerTag (
                            id INTEGER PRIMARY KEY,
                            eventId INTEGER NOT NULL REFERENCES event(id),
                            label TEXT NOT NULL,
                            note TEXT,
                            examiner TEXT,
                            createdAt INTEGER NOT NULL,
                            runId INTEGER REFERENCES run(id)
                        );
                        INSERT INTO formerTag SELECT * FROM tag;
                        DROP VIEW occurrenceDetail;
                        DROP VIEW event;
                        DROP TABLE identifierOccurrence;
                        DROP TABLE attachment;
                        DROP TABLE tag;
                        DROP TABLE eventRow;
                        DROP TABLE eventShape;
                        DROP TABLE fieldName;
                        ALTER TABLE formerEvent RENAME TO event;
                        ALTER TABLE formerOccurrence RENAME TO identifierOccurrence;
                        ALTER TABLE formerAttachment RENAME TO attachment;
                        ALTER TABLE formerTag RENAME TO tag;
                        CREATE INDEX event_evidence ON event(evidenceId);
                        CREATE INDEX event_time ON event(occurredAt, id);
                        CREATE INDEX event_actor ON event(actorAccountId, occurredAt);
                        CREATE INDEX occurrence_identifier ON identifierOccurrence(identifierId, accountId, evidenceId, observedAt);
                        CREATE INDEX attachment_event ON attachment(eventId);
                        CREATE INDEX tag_event ON tag(eventId);
                        DELETE FROM grdb_migrations WHERE identifier IN ('v5-lean-rows', 'v6-detail-keys');
                        """)
                return .commit
            }
        }
        try queue.close()
        #expect(try CaseDump.rows(former, "SELECT count(*) AS n FROM identifierOccurrence WHERE locator IS NULL") == [["n": "0"]])
        #expect(try CaseDump.rows(former, "SELECT type FROM sqlite_master WHERE name = 'event'") == [["type": "table"]])

        // A query command upgrades it; everything reads as before, stored as the writer stores it.
        let freshCorrelate = try CasebookBinary.run(["correlate", "--case", fresh, "--format", "json"])
        let correlate = try CasebookBinary.run(["correlate", "--case", former, "--format", "json"])
        #expect(correlate.status == 0, "\(correlate.stderr)")
        #expect(correlate.stdout == freshCorrelate.stdout)
        #expect(try Self.dumps(former, Self.readDumps) == expected)
        let upgraded = try Self.dumps(former, Self.storedDumps)
        #expect(upgraded[0] == stored[0])
        #expect(Array(upgraded[2...]) == Array(stored[2...]))
        // v5 numbered shapes without the detail names; the writer keeps a shape per set of names.
        #expect(upgraded[1].count > 5 && upgraded[1].count < stored[1].count)
        #expect(try CaseDump.rows(former, "SELECT count(*) AS n FROM eventShape WHERE detailKeys IS NOT NULL OR timeFormat IS NOT NULL") == [["n": "0"]])
        #expect(try CaseState.problems(former) == [])
        let search = ["search", "the", "--limit", "50", "--format", "json"]
        #expect(try CasebookBinary.run(search + ["--case", former]).stdout == CasebookBinary.run(search + ["--case", fresh]).stdout)
        // The upgraded case takes further work: a tag (its foreign key now names eventRow) and an ingest.
        let tagAgain = try CasebookBinary.run(["tag", "5", "--label", "again", "--case", former])
        #expect(tagAgain.status == 0, "\(tagAgain.stderr)")
        let more = try CasebookBinary.run(["ingest", SampleExportsLocator.path("facebook/html-2021"), "--case", former])
        #expect([0, 10].contains(more.status), "\(more.stderr)")
        let newShapes = try CaseDump.rows(former, "SELECT count(*) AS n FROM eventShape WHERE detailKeys IS NOT NULL")
        #expect(newShapes != [["n": "0"]])
        #expect(try CaseState.problems(former) == [])
    }
}

@testable import CaseStore
import CasebookTestSupport
import Foundation
import GRDB
import Testing

/// Migration v5 stores an occurrence's raw value and locator only where they differ from its
/// identifier's value and its event's locator, and its field as an id into `fieldName`. A case of
/// the former schema is upgraded when first opened, and reads the same afterwards; the upgrade and
/// the writer store the same rows.
@Suite struct LeanOccurrenceTests {
    static let samples = [
        SampleExportsLocator.path("twitter/modern-2022"), SampleExportsLocator.path("twitter/legacy-2020"),
        SampleExportsLocator.path("facebook/json-2024"), SampleExportsLocator.path("instagram/json-2024"),
    ]
    static let detail = "SELECT * FROM occurrenceDetail ORDER BY id"
    static let stored = "SELECT * FROM identifierOccurrence ORDER BY id"

    @Test func formerSchemaIsUpgradedAndReadsTheSame() throws {
        let folder = try TemporaryFolder()
        let fresh = folder.path + "/fresh.db"
        let ingest = try CasebookBinary.run(["ingest"] + Self.samples + ["--case", fresh])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        let expected = try CaseDump.rows(fresh, Self.detail)
        let lean = try CaseDump.rows(fresh, Self.stored)
        #expect(expected.count > 100)
        // What the writer leaves out: most locators and raw values (the samples write both kinds).
        let locatorsLeftOut = lean.filter { $0["locator"] == nil }.count
        let rawValuesLeftOut = lean.filter { $0["rawValue"] == nil }.count
        #expect(locatorsLeftOut > lean.count / 2 && locatorsLeftOut < lean.count, "\(locatorsLeftOut) of \(lean.count)")
        #expect(rawValuesLeftOut > 0 && rawValuesLeftOut < lean.count, "\(rawValuesLeftOut) of \(lean.count)")
        // A stored raw value or locator is one that differs from what it would be read as otherwise.
        let redundant = try CaseDump.rows(
            fresh,
            """
            SELECT o.id FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId LEFT JOIN event e ON e.id = o.eventId
            WHERE o.rawValue = \(Migrations.impliedRawValue) OR o.locator = e.locator
            """)
        #expect(redundant.isEmpty)

        // The same case in the v4 form: every occurrence with its raw value, field and locator written out.
        let former = folder.path + "/former.db"
        try FileManager.default.copyItem(atPath: fresh, toPath: former)
        let queue = try DatabaseQueue(path: former)
        try queue.write { db in
            try db.execute(
                sql: """
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
                    DROP VIEW occurrenceDetail;
                    DROP TABLE identifierOccurrence;
                    DROP TABLE fieldName;
                    ALTER TABLE formerOccurrence RENAME TO identifierOccurrence;
                    CREATE INDEX occurrence_identifier ON identifierOccurrence(identifierId, accountId, evidenceId, observedAt);
                    DELETE FROM grdb_migrations WHERE identifier = 'v5-lean-occurrences';
                    """)
        }
        try queue.close()
        #expect(try CaseDump.rows(former, "SELECT count(*) AS n FROM identifierOccurrence WHERE locator IS NULL") == [["n": "0"]])

        // A query command upgrades it; the occurrences read as before, stored as the writer stores them.
        let freshCorrelate = try CasebookBinary.run(["correlate", "--case", fresh, "--format", "json"])
        let correlate = try CasebookBinary.run(["correlate", "--case", former, "--format", "json"])
        #expect(correlate.status == 0, "\(correlate.stderr)")
        #expect(correlate.stdout == freshCorrelate.stdout)
        #expect(try CaseDump.rows(former, Self.detail) == expected)
        #expect(try CaseDump.rows(former, Self.stored) == lean)
        #expect(try CaseState.problems(former) == [])
        #expect(try CaseDump.rows(former, "SELECT name FROM fieldName ORDER BY id") == CaseDump.rows(fresh, "SELECT name FROM fieldName ORDER BY id"))
    }
}

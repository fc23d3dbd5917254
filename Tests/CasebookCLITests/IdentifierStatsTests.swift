import CaseStore
import CasebookTestSupport
import Foundation
import GRDB
import Testing

/// `identifierStats` (what correlate and identifiers read) always equals a recount of the
/// occurrences: after each ingest, after a second evidence item shares identifiers, and after an
/// interrupted item is purged and redone.
@Suite(.serialized) struct IdentifierStatsTests {
    static let modern = SampleExportsLocator.path("twitter/modern-2022")
    static let legacy = SampleExportsLocator.path("twitter/legacy-2020")

    @Test func statsFollowIngestSharingAndPurge() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run(["ingest", Self.modern, "--case", casePath])
        var store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        #expect(try store.identifiers(sharedOnly: true).contains { $0.value == "+15550104477" } == false)

        _ = try CasebookBinary.run(["ingest", Self.legacy, "--case", casePath])
        store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        let phone = try #require(try store.identifiers(sharedOnly: true).first { $0.value == "+15550104477" })
        #expect(phone.evidence == 2)
        #expect(phone.accounts == 2)

        // An item left `ingesting` (as after a crash) is purged and redone by the next ingest; the
        // counts still equal a recount and the shared phone reads as before.
        let queue = try DatabaseQueue(path: casePath)
        try queue.write { db in
            try db.execute(sql: "UPDATE evidence SET status = 'ingesting' WHERE id = (SELECT max(id) FROM evidence)")
        }
        try queue.close()
        let redo = try CasebookBinary.run(["ingest", Self.legacy, "--case", casePath])
        #expect(redo.status == 0 || redo.status == 10, "\(redo.stderr)")
        store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        let again = try #require(try store.identifiers(sharedOnly: true).first { $0.value == "+15550104477" })
        #expect(again == phone)
    }

    /// A case written before v3 (no identifierStats, the old account index) is upgraded when first
    /// opened, even by a query command, and its counts equal a recount.
    @Test func caseOfTheFormerSchemaIsUpgradedWithItsCounts() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run(["ingest", Self.modern, Self.legacy, "--case", casePath])
        let queue = try DatabaseQueue(path: casePath)
        let identifierCount = try queue.write { db -> Int in
            try db.execute(
                sql: """
                    DELETE FROM grdb_migrations WHERE identifier = 'v3-identifier-stats';
                    DROP TABLE identifierStats;
                    DROP INDEX occurrence_account;
                    CREATE INDEX occurrence_account ON identifierOccurrence(accountId, identifierId);
                    """)
            return try Int.fetchOne(db, sql: "SELECT count(DISTINCT identifierId) FROM identifierOccurrence") ?? 0
        }
        try queue.close()
        let query = try CasebookBinary.run(["identifiers", "--case", casePath, "--format", "jsonl"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.split(separator: "\n").count == identifierCount)
        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        #expect(try store.identifiers(sharedOnly: true).contains { $0.value == "+15550104477" })
    }
}

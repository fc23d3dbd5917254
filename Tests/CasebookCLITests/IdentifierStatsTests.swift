@testable import CaseStore
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
        #expect(try store.accountIdentifierMismatches() == 0)
        #expect(try store.identifiers(sharedOnly: true).contains { $0.value == "+15550104477" } == false)

        _ = try CasebookBinary.run(["ingest", Self.legacy, "--case", casePath])
        store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        #expect(try store.accountIdentifierMismatches() == 0)
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
        #expect(try store.accountIdentifierMismatches() == 0)
        let again = try #require(try store.identifiers(sharedOnly: true).first { $0.value == "+15550104477" })
        #expect(again == phone)
    }

    /// A case written before v3 (no identifierStats, no accountIdentifier, the old account and event indexes) is
    /// upgraded when first opened, even by a query command, and its counts equal a recount.
    @Test func caseOfTheFormerSchemaIsUpgradedWithItsCounts() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run(["ingest", Self.modern, Self.legacy, "--case", casePath])
        let queue = try DatabaseQueue(path: casePath)
        let identifierCount = try queue.write { db -> Int in
            try db.execute(
                sql: """
                    DELETE FROM grdb_migrations WHERE identifier IN ('v3-identifier-stats', 'v4-account-identifiers');
                    DROP TABLE accountIdentifier;
                    DROP TABLE identifierStats;
                    CREATE INDEX occurrence_account ON identifierOccurrence(accountId, identifierId);
                    CREATE INDEX occurrence_event ON identifierOccurrence(eventId);
                    """)
            return try Int.fetchOne(db, sql: "SELECT count(DISTINCT identifierId) FROM identifierOccurrence") ?? 0
        }
        try queue.close()
        let query = try CasebookBinary.run(["identifiers", "--case", casePath, "--format", "jsonl"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.split(separator: "\n").count == identifierCount)
        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.identifierStatsMismatches() == 0)
        #expect(try store.accountIdentifierMismatches() == 0)
        #expect(try store.identifiers(sharedOnly: true).contains { $0.value == "+15550104477" })
    }

    /// The seek-based reads behind `correlate` (distinct accounts and evidence by seeking, the first
    /// N occurrences merged from per-group index order) equal plain SQL over every occurrence, for
    /// every identifier of five sample exports and several limits.
    @Test func seekingReadsEqualPlainQueries() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        _ = try CasebookBinary.run([
            "ingest", Self.modern, Self.legacy, SampleExportsLocator.path("facebook/json-2024"),
            SampleExportsLocator.path("facebook/html-2021"), SampleExportsLocator.path("instagram/json-2024"), "--case", casePath,
        ])
        let store = try CaseStore(path: casePath, create: false)
        let queue = try DatabaseQueue(path: casePath)
        defer { try? queue.close() }
        let ids = try queue.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT identifierId FROM identifierOccurrence ORDER BY 1") }
        #expect(ids.count > 50)
        let summaries = try store.occurrenceSummaries(identifierIds: ids)
        for limit in [0, 1, 3, 20] {
            let listed = try store.occurrences(identifierIds: ids, limit: limit)
            for (index, id) in ids.enumerated() {
                let expected = try queue.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT o.locator, o.rawValue, o.observedAt FROM occurrenceDetail o WHERE o.identifierId = ?
                            ORDER BY o.observedAt IS NULL, o.observedAt, o.id LIMIT ?
                            """, arguments: [id, limit > 0 ? limit : -1]
                    ).map { "\($0[0] as String)|\($0[1] as String)|\(($0[2] as Int64?).map(String.init) ?? "-")" }
                }
                let got = listed[index].map { "\($0.locator)|\($0.rawValue)|\($0.observedAt.map(String.init) ?? "-")" }
                #expect(got == expected, "identifier \(id), limit \(limit)")
            }
        }
        // The seeking paths themselves (taken only for identifiers with far more occurrences than
        // groups, which samples this small do not have), against plain SQL for every identifier.
        try queue.read { db in
            for id in ids {
                for limit in [1, 3, 20] {
                    let seeking = try CaseStore.firstOccurrenceIds(db, identifierId: id, limit: limit)
                    let plain = try Int64.fetchAll(
                        db,
                        sql: """
                            SELECT id FROM identifierOccurrence WHERE identifierId = ?
                            ORDER BY observedAt IS NULL, observedAt, id LIMIT ?
                            """, arguments: [id, limit])
                    #expect(seeking == plain, "identifier \(id), limit \(limit)")
                }
                let groups = try CaseStore.occurrenceGroups(db, identifierId: id)
                let plainGroups = try Row.fetchAll(
                    db, sql: "SELECT DISTINCT accountId, evidenceId FROM identifierOccurrence WHERE identifierId = ?",
                    arguments: [id]
                ).map { "\(($0[0] as Int64?).map(String.init) ?? "-")/\($0[1] as Int64)" }
                #expect(Set(groups.map { "\($0.accountId.map(String.init) ?? "-")/\($0.evidenceId)" }) == Set(plainGroups))
                #expect(groups.count == plainGroups.count)
            }
        }
        for (index, id) in ids.enumerated() {
            let (accounts, evidence) = try queue.read { db in
                (
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT a.platform || ':' || coalesce('@' || a.handle, a.platformUserId, a.accountKey)
                            FROM identifierOccurrence o JOIN account a ON a.id = o.accountId WHERE o.identifierId = ? ORDER BY 1
                            """, arguments: [id]),
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT v.sha256 FROM identifierOccurrence o JOIN evidence v ON v.id = o.evidenceId
                            WHERE o.identifierId = ? ORDER BY 1
                            """, arguments: [id])
                )
            }
            #expect(summaries[index].accounts == accounts, "identifier \(id)")
            #expect(summaries[index].evidence == evidence, "identifier \(id)")
        }
    }
}

import CasebookTestSupport
import Foundation
import GRDB
import Testing

@testable import CaseStore

/// The indexes an ingest may build at the end of a large item (`DeferredIndexes`).
@Suite struct DeferredIndexesTests {
    /// What `ensure` creates is what the migrations create: a later migration that changes one of
    /// these indexes must change the list too.
    @Test func statementsMatchANewCase() throws {
        let folder = try TemporaryFolder()
        _ = try CaseStore(path: folder.path + "/case.db", create: true)
        let queue = try DatabaseQueue(path: folder.path + "/case.db")
        for index in DeferredIndexes.all {
            let stored = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index.name])
            }
            #expect(stored == index.sql, "\(index.name)")
        }
    }

    /// An item at least half the case's size defers them, the occurrence index only when the case
    /// has no occurrence yet; a smaller item keeps them.
    @Test func anItemHalfTheCaseOrMoreDefers() {
        let all = ["event_time", "event_actor", "occurrence_identifier"]
        #expect(DeferredIndexes.toDefer(evidenceBytes: 231_390_976, caseBytes: 122_880, caseHasOccurrences: false) == all)
        #expect(DeferredIndexes.toDefer(evidenceBytes: 750, caseBytes: 1_500, caseHasOccurrences: false) == all)
        #expect(DeferredIndexes.toDefer(evidenceBytes: 750, caseBytes: 1_500, caseHasOccurrences: true) == ["event_time", "event_actor"])
        #expect(DeferredIndexes.toDefer(evidenceBytes: 749, caseBytes: 1_500, caseHasOccurrences: false) == [])
        #expect(DeferredIndexes.toDefer(evidenceBytes: 46_824_874, caseBytes: 1_501_741_056, caseHasOccurrences: true) == [])
    }

    /// The index builds sort with a small cache and a helper thread; afterwards the writer has its
    /// own settings back (the 128 MiB cache, no helper, temporary tables in memory), whether the
    /// builds succeeded or failed.
    @Test func sortSettingsAreRestored() throws {
        let folder = try TemporaryFolder()
        let store = try SearchPlanTests.makeCase(folder, evidenceSize: 1 << 40)
        func settings() throws -> [Int] {
            try store.pool.writeWithoutTransaction { db in
                try ["cache_size", "threads", "temp_store"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1 }
            }
        }
        #expect(try settings() == [-131_072, 0, 2])
        #expect(try store.missingIndexes().isEmpty)
        struct Stop: Error {}
        let during = try store.pool.writeWithoutTransaction { db in
            var seen: [Int] = []
            #expect(throws: Stop.self) {
                try DeferredIndexes.withSortMemory(db) {
                    seen = try ["cache_size", "threads"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1 }
                    throw Stop()
                }
            }
            return seen
        }
        #expect(during == [-DeferredIndexes.sortCacheKiB, 1])
        #expect(try settings() == [-131_072, 0, 2])
    }
}

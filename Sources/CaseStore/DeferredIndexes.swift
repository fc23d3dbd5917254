import GRDB

/// Secondary indexes an ingest builds once, at the end of a large item, instead of row by row.
///
/// Their keys arrive in random order (event times, actors, identifier ids): each batch of 100,000
/// records touched most of their pages, which the commit then wrote to the WAL and the checkpoint
/// wrote again, and once a case outgrows the page cache an insert may first have to read its page.
/// `CREATE INDEX` sorts the keys once and writes each page once. Replaying the large bench case's
/// rows (`Scripts/schema_floor.c`) took 77 s with the three indexes kept, 65 s with the two event
/// indexes built at the end and 54 s with all three (docs/PERFORMANCE.md).
///
/// They are dropped in the transaction that starts the item and created again in the one that ends
/// it (`EvidenceWriter.finish`), so no case is without them unless an item is mid-ingest. An ingest
/// killed mid-item leaves them missing; the next ingest or purge creates them (`ensure`). Meanwhile
/// queries still answer, by scanning: one pass over the events for a timeline or a search walk, one
/// over the occurrences for `correlate VALUE`.
///
/// `occurrence_identifier` is dropped only when the case holds no occurrence yet (its first item,
/// typically). `correlate` and the identifier overviews seek it once per shared identifier and pair,
/// which without it would scan every occurrence each time; in a case with no earlier occurrences
/// there are no shared identifiers to list until the item ends. The identifier and
/// account-identifier keys are constraints the writer looks up, so they always stay.
public enum DeferredIndexes {
    /// Name and statement of each, as the latest migration leaves them (a test compares them with
    /// a new case's schema).
    static let all: [(name: String, sql: String)] = [
        ("event_time", "CREATE INDEX event_time ON eventRow(occurredAt, id)"),
        ("event_actor", "CREATE INDEX event_actor ON eventRow(actorAccountId, occurredAt)"),
        (
            "occurrence_identifier",
            "CREATE INDEX occurrence_identifier ON identifierOccurrence(identifierId, accountId, evidenceId, observedAt)"
        ),
    ]

    /// The indexes an item of `evidenceBytes` (the archive or folder as hashed) should load without,
    /// in a case file of `caseBytes`; `caseHasOccurrences` when any item gave identifiers before.
    ///
    /// Building an index at the end sorts every row of the case; keeping it costs a random insert per
    /// new row, several times the per-row cost of the sort. A zip export unpacks to rows of about six
    /// times its size, so an item at least half the case's size adds more rows than the case holds,
    /// and building wins by far. A smaller item keeps them.
    public static func toDefer(evidenceBytes: Int64, caseBytes: Int64, caseHasOccurrences: Bool) -> [String] {
        #if DEBUG
            if let forced = TestHooks.deferIndexes { return forced ? all.map(\.name) : [] }
        #endif
        guard evidenceBytes >= caseBytes / 2 else { return [] }
        return all.map(\.name).filter { caseHasOccurrences ? $0 != "occurrence_identifier" : true }
    }

    /// Decides for the item starting in this transaction, drops those it defers and creates any other
    /// that a killed ingest left out.
    static func prepare(_ db: Database, evidenceBytes: Int64) throws {
        let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        let hasOccurrences = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM identifierOccurrence)") ?? true
        let deferred = toDefer(evidenceBytes: evidenceBytes, caseBytes: pageCount * pageSize, caseHasOccurrences: hasOccurrences)
        for name in deferred { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        try ensure(db, only: Set(all.map(\.name)).subtracting(deferred))
    }

    /// Creates those missing (all, or those named in `only`); returns their names.
    @discardableResult
    static func ensure(_ db: Database, only: Set<String>? = nil) throws -> [String] {
        let created = try missing(db).filter { only?.contains($0) ?? true }
        guard !created.isEmpty else { return [] }
        try withSortMemory(db) {
            for index in all where created.contains(index.name) { try db.execute(sql: index.sql) }
        }
        return created
    }

    /// The page cache while the indexes are sorted, in KiB.
    ///
    /// SQLite's sorter holds keys in memory up to the page cache's size (128 MiB for the writer), then
    /// writes them in sorted runs to a temporary file (in memory under `temp_store = MEMORY`, which
    /// is why an ingest sets `FILE`) and merges the runs. On a copy of the case of twice the large
    /// bench archive (5.4M occurrences, 4.4M events), `occurrence_identifier` took 12.1 s and 467 MB
    /// of peak RSS with the 128 MiB cache and runs in memory; 8.2 s and 270 MB with runs in a file;
    /// 6.3 s and 37 MB with a 16 MiB cache as well; 5.0 s and 53 MB with one sorting thread besides
    /// (the reading thread is done by then, so its core is free). `event_time`: 5.8 s and 391 MB
    /// against 4.0 s and 37 MB. The ingest of that archive peaked at 672 MB before, over goal 2's 512.
    static let sortCacheKiB = 16_384

    /// Runs `body` (the `CREATE INDEX` statements) with a small page cache and a sorting helper
    /// thread, and restores both after.
    static func withSortMemory(_ db: Database, _ body: () throws -> Void) throws {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let threads = try Int.fetchOne(db, sql: "PRAGMA threads") ?? 0
        // PRAGMA values cannot be bound; these are integers this code reads or defines.
        try db.execute(sql: "PRAGMA cache_size = -\(sortCacheKiB)")
        try db.execute(sql: "PRAGMA threads = 1")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
            try? db.execute(sql: "PRAGMA threads = \(threads)")
        }
        try body()
    }

    /// The names of those the case lacks.
    static func missing(_ db: Database) throws -> [String] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        return all.map(\.name).filter { !present.contains($0) }
    }
}

extension CaseStore {
    /// The deferred indexes the case lacks: none unless an ingest is loading a large item, or one
    /// was killed before its end (the next ingest creates them).
    public func missingIndexes() throws -> [String] {
        try read { db in try DeferredIndexes.missing(db) }
    }
}

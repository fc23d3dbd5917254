import EvidenceModel
import Foundation
import GRDB

/// One case: a single SQLite file (WAL, `synchronous=FULL`) holding evidence, members, accounts,
/// identifiers, events and their full-text index.
///
/// One writer at a time (`BEGIN IMMEDIATE`); readers work while an ingest runs. A case whose file or
/// folder cannot be written is opened read-only (queries work; commands that write fail with an I/O
/// error).
public final class CaseStore: @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    /// True when the case is open read-only: asked for, or its file or folder cannot be written.
    public let isReadOnly: Bool
    /// The read transaction `snapshot(_:)` holds open; every read inside it uses this connection.
    private var pinned: Database?

    /// Opens a case, creating it when `create` is true.
    ///
    /// Before SQLite may write anything, the file is checked: it must be an SQLite file with Casebook's
    /// schema (or nothing yet), written by this Casebook or an older one, and, with `quickCheck`,
    /// pass `PRAGMA quick_check` (about 1 s per 300 MB).
    ///
    /// With `readOnly` (the query commands) nothing is written to the case file: GRDB's pool would
    /// otherwise create and drop a table at every open to start the WAL file. A case whose file or
    /// folder cannot be written is always opened read-only, through an `immutable=1` URI when it has
    /// no pending WAL content (SQLite could not create the `-shm` file beside it).
    ///
    /// - Throws: `StoreError` `.missing` when the file does not exist and `create` is false,
    ///   `.cannotOpen` when it cannot be created or written, `.notACase` for a file that is not a
    ///   Casebook case, `.newerSchema` for a case of a newer Casebook, `.corrupt` for a damaged case.
    public init(
        path: String, create: Bool, readOnly: Bool = false, busyTimeout: TimeInterval = 10, quickCheck: Bool = false
    ) throws {
        self.path = path
        let location = try CaseLocation.inspect(path, create: create)
        isReadOnly = location.readOnly || (readOnly && location.kind == .sqlite)
        var needsMigration = location.kind != .sqlite
        var state: SchemaState?
        if location.kind == .sqlite && isReadOnly {
            // A read-only pool writes nothing to the file, so it can do the probe's checks itself: a
            // query then opens two connections instead of three (opening them, each parsing the schema,
            // was 8 % of a `search`'s instructions; the third was 2 %).
            let pool: DatabasePool
            do {
                pool = try CaseStore.openPool(location, readOnly: true, busyTimeout: busyTimeout)
            } catch {
                throw CaseStore.map(error, context: "cannot open case '\(path)'")
            }
            state = try CaseStore.probe(location, quickCheck: quickCheck, reader: pool)
            if state == .current {
                self.pool = pool
                return
            }
        }
        if location.kind == .sqlite {
            switch try state ?? CaseStore.probe(location, quickCheck: quickCheck, busyTimeout: busyTimeout) {
            case .current: break
            case .older: needsMigration = true
            case .empty:
                // An SQLite file without tables: a new case (ingest), or one an ingest is just creating.
                guard create else {
                    throw StoreError(.missing, "case '\(path)' holds no data yet – run 'casebook ingest' first")
                }
                needsMigration = true
            }
        }
        if needsMigration && !location.readOnly {
            // A new case, or one of an older Casebook: create or upgrade the schema first.
            try CaseStore.migrate(location, busyTimeout: busyTimeout)
        } else if needsMigration {
            throw StoreError(
                .cannotOpen,
                "case '\(path)' was written by an older Casebook and must be upgraded, which needs write access – "
                    + "copy it to a writable folder and open it once there")
        }
        do {
            pool = try CaseStore.openPool(location, readOnly: isReadOnly, busyTimeout: busyTimeout)
        } catch {
            throw CaseStore.map(error, context: "cannot open case '\(path)'")
        }
    }

    /// Applies the migrations this case lacks.
    ///
    /// Another process may be migrating the same case at the same moment: a query opening a case an
    /// ingest is just creating (each migration commits on its own, so the query sees an older schema
    /// and upgrades it too). Both then run the same migration and the second fails ("table … already
    /// exists"), which failed the ingest itself with exit 74. Each migration is one transaction with
    /// its record, so the one that lost reads what was applied and goes on, a few times.
    static func migrate(_ location: CaseLocation, busyTimeout: TimeInterval) throws {
        var attempt = 0
        while true {
            do {
                // This pool only migrates (callers come here when the probe found migrations to run).
                // An upgrade rebuilds whole tables (v5): its sorts (GROUP BY, CREATE INDEX) spill to
                // temporary files instead of memory, or the large bench case's upgrade peaks at 1.1 GB.
                let pool = try openPool(location, readOnly: false, busyTimeout: busyTimeout)
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = FILE") }
                try Migrations.migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                let current = (try? probe(location, quickCheck: false, busyTimeout: busyTimeout)) == .current
                if current { return }
                if attempt >= 5 { throw CaseStore.map(error, context: "cannot prepare case '\(location.path)'") }
                usleep(50_000)
            }
        }
    }

    /// The page size of a new case.
    static let pageSize = 16_384

    static func openPool(_ location: CaseLocation, readOnly: Bool, busyTimeout: TimeInterval) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            if !readOnly {
                // A new case gets 16 KiB pages (SQLite ignores this for a file that already has content): an
                // ingest of the medium bench archive took 6.25-6.50 s against 6.70-7.43 s with the 4 KiB
                // default, the large one 34.4-34.6 s against 36.0-36.7 s, with the same peak RSS, a file 1.4 %
                // smaller, and `correlate`/`accounts` on the large case 6-9 % faster (session 11).
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            // Index inserts with random keys (identifier ids, times) thrash SQLite's default 2 MiB page
            // cache once a case grows past a few hundred MB; 128 MiB keeps the hot pages resident.
            try db.execute(sql: "PRAGMA cache_size = -131072")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if db.configuration.readonly {
                // Readers map the file: a query that visits 100k rows made 35k pread calls. Only
                // readers, so an ingest's resident set stays its own (mapped pages count in RSS).
                try db.execute(sql: "PRAGMA mmap_size = 1099511627776")  // SQLite caps it at its build limit (2 GiB here)
            }
        }
        return try DatabasePool(path: location.sqlitePath, configuration: configuration)
    }

    /// The checks of `init` without opening the case for use: that a case can be created at `path`,
    /// or that the file there is a case of this or an older Casebook (and, with `quickCheck`, not
    /// damaged). Nothing is created or written.
    public static func check(path: String, quickCheck: Bool) throws {
        let location = try CaseLocation.inspect(path, create: true)
        if location.kind == .sqlite { _ = try probe(location, quickCheck: quickCheck, busyTimeout: 10) }
    }

    /// Checks an existing case file through a read-only connection, so that nothing is written to a
    /// file that is not a case, was made by a newer Casebook, or is damaged. Returns whether the
    /// schema is this Casebook's, older, or missing (an SQLite file without tables).
    static func probe(_ location: CaseLocation, quickCheck: Bool, busyTimeout: TimeInterval) throws -> SchemaState {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: location.sqlitePath, configuration: configuration)
        } catch {
            throw CaseStore.map(error, context: "cannot open case '\(location.path)'")
        }
        return try probe(location, quickCheck: quickCheck, reader: queue)
    }

    /// The probe's checks through `reader`, a read-only connection to the case.
    static func probe(_ location: CaseLocation, quickCheck: Bool, reader: some DatabaseReader) throws -> SchemaState {
        let path = location.path
        do {
            return try reader.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return .empty }
                guard tables.contains("grdb_migrations") else {
                    throw StoreError(
                        .notACase,
                        "'\(path)' is an SQLite database of another program, not a case database; nothing was written – check --case"
                    )
                }
                let migrator = Migrations.migrator
                let known = migrator.migrations
                let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                if !unknown.isEmpty {
                    throw StoreError(
                        .newerSchema,
                        "case schema \(unknown.joined(separator: ", ")) of '\(path)' is newer than this casebook "
                            + "(which knows up to \(known.last ?? "none")); nothing was written – use a Casebook at least as new as the one that wrote the case"
                    )
                }
                if quickCheck {
                    var problems: [String]
                    do {
                        problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                    } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT {
                        problems = [error.message ?? "database disk image is malformed"]
                    }
                    if problems != ["ok"] {
                        throw StoreError(
                            .corrupt,
                            "case database is corrupt (quick_check: \(problems.first ?? "no result")); not writing to '\(path)' – "
                                + CaseStore.corruptAdvice)
                    }
                }
                return try migrator.hasCompletedMigrations(db) ? .current : .older
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw CaseStore.map(error, context: "cannot open case '\(path)'")
        }
    }

    enum SchemaState { case current, older, empty }

    static let corruptAdvice =
        "restore the case from a backup (casebook export --format sqlite makes one), or ingest the evidence into a new case; "
        + "'sqlite3 CASE .recover' may save what is readable"

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Maps SQLite errors to store errors without leaking SQL or bound values.
    static func map(_ error: any Error, context: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError(.busy, "\(context): the case is in use by another Casebook process – wait for it to finish and retry", cause: error)
            case .SQLITE_FULL:
                return StoreError(.ioError, "\(context): the disk is full – free space and re-run; the case stays consistent", cause: error)
            case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY:
                return StoreError(.ioError, "\(context): I/O error (\(error.message ?? "unknown")) – check the disk and permissions", cause: error)
            case .SQLITE_NOTADB:
                return StoreError(.notACase, "\(context): the file is not a case database – check --case", cause: error)
            case .SQLITE_CORRUPT:
                return StoreError(
                    .corrupt, "case database is corrupt (\(context): \(error.message ?? "malformed")) – \(corruptAdvice)",
                    cause: error)
            default:
                return StoreError(.other, "\(context): \(error.message ?? "database error")", cause: error)
            }
        }
        return StoreError(.other, "\(context): \(error)", cause: error)
    }

    // MARK: - Case information and runs

    public func setCaseInfo(_ values: [String: String]) throws {
        do {
            try pool.write { db in
                for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                    try db.execute(
                        sql: "INSERT INTO caseInfo(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                        arguments: [name, value])
                }
            }
        } catch { throw CaseStore.map(error, context: "cannot record case information") }
    }

    public func caseInfo() throws -> [String: String] {
        try read { db in
            var values: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM caseInfo") { values[row["name"]] = row["value"] }
            return values
        }
    }

    /// Records the start of a command in the audit table; returns the run id.
    public func beginRun(toolVersion: String, command: String, arguments: [String], examiner: String?, startedAt: Int64) throws -> Int64 {
        do {
            return try pool.write { db in
                try db.execute(
                    sql: "INSERT INTO run(toolVersion, command, arguments, examiner, startedAt) VALUES (?, ?, ?, ?, ?)",
                    arguments: [toolVersion, command, JSONText.array(arguments.map(JSONText.quote)), examiner, startedAt])
                return db.lastInsertedRowID
            }
        } catch { throw CaseStore.map(error, context: "cannot record the run") }
    }

    /// Records the end of a command; `summary` holds its counts as JSON text (`{"tagged":1}`).
    public func endRun(_ id: Int64, exitStatus: Int32, endedAt: Int64, summary: String? = nil) throws {
        do {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE run SET endedAt = ?, exitStatus = ?, summary = coalesce(?, summary) WHERE id = ?",
                    arguments: [endedAt, exitStatus, summary, id])
            }
        } catch { throw CaseStore.map(error, context: "cannot record the end of the run") }
    }

    // MARK: - Reading

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try reading(body) } catch { throw CaseStore.map(error, context: "cannot read case") }
    }

    /// Runs `body` in the snapshot of `snapshot(_:)` when inside one, else in a read transaction of its
    /// own; errors are SQLite's (callers map them).
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        if let pinned { return try body(pinned) }
        return try pool.read(body)
    }

    /// Runs `body` with every read of this store in one read transaction, so that what it gathers
    /// (a report: totals and the rows they count) comes from one state of the case even while an
    /// ingest commits (WAL snapshot isolation; RELIABILITY.md R-42). Not for use from several threads.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        if pinned != nil { return try body() }
        do {
            return try pool.read { db in
                pinned = db
                defer { pinned = nil }
                return try body()
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw CaseStore.map(error, context: "cannot read case")
        }
    }

    /// Problems `PRAGMA foreign_key_check` finds (`table rowid → parent`); empty when none.
    public func foreignKeyProblems() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
            }
        }
    }

    /// Checks the search index: FTS5's `integrity-check` (the index is internally consistent), then
    /// the same check against the events' text in `eventRow` (`rank = 1`): the index holds exactly the tokens
    /// of the events with text, so an entry of a row that is gone (a rolled-back or purged item) or a
    /// row missing from it fails. Since v7 the index keeps no per-row sizes, so a row without text or
    /// tokens (emoji alone) adds nothing on either side. Empty when all is well.
    ///
    /// The second check tokenizes every event's text again (4.6 s on the large bench case, 2.2M
    /// events). When it fails, the rows indexed that are not events with text are counted, to say more.
    public func searchIndexProblems() throws -> [String] {
        func isCorrupt(_ error: DatabaseError) -> Bool { error.resultCode.primaryResultCode == .SQLITE_CORRUPT }
        do {
            return try pool.writeWithoutTransaction { db in
                do {
                    try db.execute(sql: "INSERT INTO eventSearch(eventSearch) VALUES ('integrity-check')")
                } catch let error as DatabaseError where isCorrupt(error) {
                    return ["integrity-check: \(error.message ?? "corrupt")"]
                }
                do {
                    try db.execute(sql: "INSERT INTO eventSearch(eventSearch, rank) VALUES ('integrity-check', 1)")
                    return []
                } catch let error as DatabaseError where isCorrupt(error) {
                    try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.searchVocabulary USING fts5vocab(main, eventSearch, instance)")
                    defer { try? db.execute(sql: "DROP TABLE temp.searchVocabulary") }
                    let stale =
                        try Int.fetchOne(
                            db,
                            sql: """
                                SELECT count(DISTINCT doc) FROM temp.searchVocabulary
                                WHERE doc NOT IN (SELECT id FROM eventRow WHERE text IS NOT NULL AND text <> '')
                                """) ?? 0
                    let detail =
                        stale == 0
                        ? "events with text are missing from it"
                        : stale == 1 ? "1 indexed row is not an event with text" : "\(stale) indexed rows are not events with text"
                    return ["the index does not hold exactly the words of the events' text (\(detail))"]
                }
            }
        } catch {
            throw CaseStore.map(error, context: "cannot check the search index")
        }
    }

    /// Identifiers whose stored counts (`identifierStats`) differ from a recount of their
    /// occurrences; 0 when the writer kept them right.
    public func identifierStatsMismatches() throws -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    WITH fresh AS (\(Migrations.identifierStatsSelect) GROUP BY identifierId),
                    kept AS (SELECT identifierId, occurrences, accounts, evidence, firstSeen, lastSeen FROM identifierStats)
                    SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept))
                    + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))
                    """) ?? 0
        }
    }

    /// Rows of `accountIdentifier` missing or extra against the occurrences; 0 when the writer and
    /// purges kept it right.
    public func accountIdentifierMismatches() throws -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    WITH fresh AS (\(Migrations.accountIdentifierSelect)),
                    kept AS (SELECT accountId, source, identifierId FROM accountIdentifier)
                    SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept))
                    + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))
                    """) ?? 0
        }
    }

    /// `PRAGMA integrity_check` result (`ok` when healthy).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Counts of rows per table, for summaries and tests.
    public func counts() throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            for table in ["evidence", "member", "account", "conversation", "event", "identifier", "identifierOccurrence", "attachment", "warning", "run", "tag", "verification"] {
                // `event` is a view over `eventRow` (v5); counting the table reads an index.
                let source = table == "event" ? "eventRow" : table
                result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(source)") ?? 0
            }
            return result
        }
    }
}

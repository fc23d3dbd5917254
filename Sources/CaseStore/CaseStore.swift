import EvidenceModel
import Foundation
import GRDB

/// One case: a single SQLite file (WAL, `synchronous=FULL`) holding evidence, members, accounts,
/// identifiers, events and their full-text index.
///
/// One writer at a time (`BEGIN IMMEDIATE`); readers work while an ingest runs.
public final class CaseStore: @unchecked Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens a case, creating it when `create` is true.
    ///
    /// - Throws: `StoreError` `.missing` when the file does not exist and `create` is false,
    ///   `.cannotOpen` when it cannot be created or is not a Casebook case.
    public init(path: String, create: Bool, busyTimeout: TimeInterval = 10) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError(.missing, "case '\(path)' does not exist – run 'casebook ingest' first or pass --case")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Index inserts with random keys (identifier ids, times) thrash SQLite's default 2 MiB page
            // cache once a case grows past a few hundred MB; 128 MiB keeps the hot pages resident.
            try db.execute(sql: "PRAGMA cache_size = -131072")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if db.configuration.readonly {
                // Readers map the file: a query that visits 100k rows made 35k pread calls. Only
                // readers, so an ingest's resident set stays its own (mapped pages count in RSS).
                try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(
                .cannotOpen, "cannot open case '\(path)': \(CaseStore.describe(error)) – check the path and permissions",
                cause: error)
        }
        do {
            let migrator = Migrations.migrator
            try pool.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError(.newerSchema, "case '\(path)' was written by a newer Casebook – upgrade Casebook")
                }
            }
            if try pool.read({ db in try !migrator.hasCompletedMigrations(db) }) {
                try migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw CaseStore.map(error, context: "cannot prepare case '\(path)'")
        }
    }

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
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError(.cannotOpen, "\(context): the file is not a Casebook case or is damaged", cause: error)
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
        do { return try pool.read(body) } catch { throw CaseStore.map(error, context: "cannot read case") }
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

    /// `PRAGMA integrity_check` result (`ok` when healthy).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Counts of rows per table, for summaries and tests.
    public func counts() throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            for table in ["evidence", "member", "account", "conversation", "event", "identifier", "identifierOccurrence", "attachment", "warning", "run", "tag", "verification"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return result
        }
    }
}

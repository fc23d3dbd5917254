import EvidenceModel
import Foundation
import GRDB

/// What the store records about an evidence file before reading it.
public struct EvidenceDescription: Sendable {
    public var sha256: String
    public var sha1: String
    public var md5: String
    public var size: Int64
    public var displayName: String
    /// The path as given on the command line (used by verify; never shown as provenance).
    public var sourcePath: String
    /// `archive`, `folder` or `file`.
    public var kind: String

    public init(sha256: String, sha1: String, md5: String, size: Int64, displayName: String, sourcePath: String, kind: String) {
        self.sha256 = sha256
        self.sha1 = sha1
        self.md5 = md5
        self.size = size
        self.displayName = displayName
        self.sourcePath = sourcePath
        self.kind = kind
    }
}

/// How an evidence item ended.
public enum EvidenceStatus: String, Sendable, Codable {
    case ingesting, complete, partial, failed
}

/// An identifier occurrence ready to store: the parser's observation plus its normalized form.
public struct ResolvedIdentifier: Sendable {
    public var observation: IdentifierObservation
    public var normalized: NormalizedIdentifier
    /// `exact`, or `weak` for folded forms such as Gmail dot removal.
    public var isWeak: Bool
    public var assumption: String?
    /// Locator of the occurrence (the record's locator, plus the text range for text matches).
    public var locator: String

    public init(observation: IdentifierObservation, normalized: NormalizedIdentifier, isWeak: Bool = false, assumption: String? = nil, locator: String) {
        self.observation = observation
        self.normalized = normalized
        self.isWeak = isWeak
        self.assumption = assumption
        self.locator = locator
    }
}

extension CaseStore {
    /// The stored evidence item with this SHA-256, if any, with the run that wrote it.
    public func evidence(sha256: String) throws -> (id: Int64, status: EvidenceStatus, displayName: String, runId: Int64?)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status, displayName, runId FROM evidence WHERE sha256 = ?", arguments: [sha256])
            else { return nil }
            return (row["id"], EvidenceStatus(rawValue: row["status"]) ?? .failed, row["displayName"], row["runId"])
        }
    }

    /// Ingests one evidence item: removes what an interrupted earlier attempt left, inserts the
    /// evidence as `ingesting`, hands a writer to `body`, and commits in batches. The caller ends with
    /// `writer.finish(status:)`, which commits the last batch and the final status together, so an
    /// evidence item is never `complete` unless all its records are there.
    ///
    /// When `body` throws (an I/O error, an interruption), the open transaction is rolled back and
    /// the batches committed before are removed as well, with the accounts, identifiers and
    /// conversations the item created, so that the case is as it was before the item.
    /// If that removal fails too (a full disk), the item stays `ingesting` and the next ingest of the
    /// same evidence removes it. Not undone: attributes the item added to accounts that existed
    /// before (a display name, a handle) and conversation memberships between existing rows.
    public func ingest<T>(
        _ description: EvidenceDescription, runId: Int64?, examiner: String?, startedAt: Int64,
        _ body: (EvidenceWriter) throws -> T
    ) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                // The writer assigns or looks up every id it stores; SQLite checking each reference of
                // each row was a tenth of its instructions. Tests run `foreign_key_check` on what ingests
                // and purges leave (docs/ARCHITECTURE.md, "Crash consistency and concurrency").
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                // The index sorts at the item's end (`DeferredIndexes.withSortMemory`) write their sorted
                // runs to a temporary file; in memory (the connections' default) the runs of twice the
                // large bench archive's keys took peak RSS from 363 to 672 MB. Set outside a transaction,
                // where SQLite allows it.
                try db.execute(sql: "PRAGMA temp_store = FILE")
                defer {
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                    try? db.execute(sql: "PRAGMA temp_store = MEMORY")
                }
                var baseline = SharedRowBaseline()
                try db.inTransaction(.immediate) {
                    if let id = try Int64.fetchOne(db, sql: "SELECT id FROM evidence WHERE sha256 = ?", arguments: [description.sha256]) {
                        try CaseStore.purgeEvidence(id, db)
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO evidence(sha256, sha1, md5, size, displayName, sourcePath, kind, status, runId, examiner, ingestStartedAt)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'ingesting', ?, ?, ?)
                            """,
                        arguments: [
                            description.sha256, description.sha1, description.md5, description.size, description.displayName,
                            description.sourcePath, description.kind, runId, examiner, startedAt,
                        ])
                    baseline = try SharedRowBaseline(db)
                    // A large item loads faster with the randomly ordered indexes dropped and built at
                    // its end; otherwise they are kept (and created if a killed ingest left them out).
                    try DeferredIndexes.prepare(db, evidenceBytes: description.size)
                    try TestHooks.beforeCommit()
                    return .commit
                }
                let evidenceId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM evidence WHERE sha256 = ?", arguments: [description.sha256]) ?? db.lastInsertedRowID
                let writer = try EvidenceWriter(db: db, evidenceId: evidenceId, runId: runId)
                try db.beginTransaction(.immediate)
                do {
                    let result = try body(writer)
                    if db.isInsideTransaction {
                        try TestHooks.beforeCommit()
                        try db.commit()
                    }
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    try? db.inTransaction(.immediate) {
                        try CaseStore.purgeEvidence(evidenceId, db)
                        try baseline.removeNewerRows(db)
                        return .commit
                    }
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw CaseStore.map(error, context: "cannot write evidence '\(description.displayName)'")
        }
    }

    /// The highest ids of the rows evidence items share, taken when an item starts: what the item
    /// adds gets higher ids (one writer per case holds the case lock).
    struct SharedRowBaseline {
        var account: Int64 = .max, identifier: Int64 = .max, conversation: Int64 = .max, fieldName: Int64 = .max
        var eventShape: Int64 = .max

        init() {}

        init(_ db: Database) throws {
            account = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM account") ?? 0
            identifier = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM identifier") ?? 0
            conversation = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM conversation") ?? 0
            fieldName = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM fieldName") ?? 0
            eventShape = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM eventShape") ?? 0
        }

        /// Deletes the shared rows created since; call after the item's own rows are purged.
        func removeNewerRows(_ db: Database) throws {
            try db.execute(
                sql: "DELETE FROM conversationMember WHERE conversationId > ? OR accountId > ?",
                arguments: [conversation, account])
            try db.execute(sql: "DELETE FROM conversation WHERE id > ?", arguments: [conversation])
            try db.execute(sql: "DELETE FROM identifier WHERE id > ?", arguments: [identifier])
            try db.execute(sql: "DELETE FROM account WHERE id > ?", arguments: [account])
            try db.execute(sql: "DELETE FROM fieldName WHERE id > ?", arguments: [fieldName])
            try db.execute(sql: "DELETE FROM eventShape WHERE id > ?", arguments: [eventShape])
        }
    }

    /// Deletes every row of an evidence item (an interrupted ingest), including its index entries,
    /// and creates the deferred indexes if the item's ingest had dropped them, each once the rows it
    /// covers are deleted, so that it is built over what remains.
    static func purgeEvidence(_ id: Int64, _ db: Database) throws {
        try markTouched([], db)
        try db.execute(
            sql: "INSERT OR IGNORE INTO temp.touchedIdentifier(id) SELECT identifierId FROM identifierOccurrence WHERE evidenceId = ?",
            arguments: [id])
        try db.execute(
            sql: """
                INSERT INTO eventSearch(eventSearch, rowid, text)
                SELECT 'delete', id, text FROM eventRow WHERE evidenceId = ? AND text IS NOT NULL
                """, arguments: [id])
        // Custody rows (v2) point at the evidence and its events; an item being redone starts afresh.
        try db.execute(sql: "DELETE FROM tag WHERE eventId IN (SELECT id FROM eventRow WHERE evidenceId = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM verification WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS touchedAccountIdentifier(accountId, source, identifierId)")
        try db.execute(sql: "DELETE FROM temp.touchedAccountIdentifier")
        try db.execute(
            sql: """
                INSERT INTO temp.touchedAccountIdentifier SELECT DISTINCT accountId, source, identifierId
                FROM identifierOccurrence WHERE evidenceId = ? AND accountId IS NOT NULL
                """, arguments: [id])
        try db.execute(sql: "DELETE FROM identifierOccurrence WHERE evidenceId = ?", arguments: [id])
        // Triples no other item's occurrence still gives, read through occurrence_identifier (a seek
        // per triple; without the index, a scan of every occurrence per triple).
        try DeferredIndexes.ensure(db, only: ["occurrence_identifier"])
        try db.execute(
            sql: """
                DELETE FROM accountIdentifier WHERE (accountId, source, identifierId) IN (
                    SELECT t.accountId, t.source, t.identifierId FROM temp.touchedAccountIdentifier t
                    WHERE NOT EXISTS (SELECT 1 FROM identifierOccurrence o
                        WHERE o.identifierId = t.identifierId AND o.accountId = t.accountId AND o.source = t.source))
                """)
        try db.execute(sql: "DELETE FROM temp.touchedAccountIdentifier")
        try db.execute(sql: "DELETE FROM attachment WHERE eventId IN (SELECT id FROM eventRow WHERE evidenceId = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM eventRow WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM warning WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM evidenceAccount WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "UPDATE member SET parentMemberId = NULL WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM member WHERE evidenceId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM evidence WHERE id = ?", arguments: [id])
        try DeferredIndexes.ensure(db)
        try refreshTouchedIdentifierStats(db)
    }
}

extension CaseStore {
    /// Fills `temp.touchedIdentifier` with these identifier ids (replacing what it held).
    static func markTouched(_ ids: [Int64], _ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS touchedIdentifier(id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.touchedIdentifier")
        let insert = try BulkStatement(db, "INSERT OR IGNORE INTO temp.touchedIdentifier(id) VALUES (?)")
        for id in ids {
            insert.bind(1, id)
            try insert.execute()
        }
    }

    /// Recounts `identifierStats` for the identifiers in `temp.touchedIdentifier`; an identifier left
    /// with no occurrence loses its row.
    static func refreshTouchedIdentifierStats(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM identifierStats WHERE identifierId IN (SELECT id FROM temp.touchedIdentifier)")
        // One pass over the occurrences of the touched identifiers, in identifier order (CROSS JOIN keeps
        // the touched list as the outer loop), counted here: `count(DISTINCT …)` per group in SQL built
        // temporary B-trees for each identifier (3.8 s at the end of the 1M-tweet ingest).
        let scan = try BulkStatement(
            db, """
                SELECT t.id, o.accountId, o.evidenceId, o.observedAt FROM temp.touchedIdentifier t
                CROSS JOIN identifierOccurrence o INDEXED BY occurrence_identifier WHERE o.identifierId = t.id
                """)
        let insert = try IdentifierStatsInsert(db)
        var current: Int64?
        var occurrences = 0
        var accounts = Set<Int64>(), evidence = Set<Int64>()
        var firstSeen: Int64?, lastSeen: Int64?
        func flush() throws {
            guard let current else { return }
            try insert(
                current, occurrences: occurrences, accounts: accounts.count, evidence: evidence.count, firstSeen: firstSeen,
                lastSeen: lastSeen)
        }
        try scan.forEachRow { row in
            let identifierId = row.int64(0) ?? 0
            if identifierId != current {
                try flush()
                current = identifierId
                occurrences = 0
                accounts.removeAll(keepingCapacity: true)
                evidence.removeAll(keepingCapacity: true)
                firstSeen = nil
                lastSeen = nil
            }
            occurrences += 1
            if let account = row.int64(1) { accounts.insert(account) }
            if let item = row.int64(2) { evidence.insert(item) }
            if let seen = row.int64(3) {
                firstSeen = min(firstSeen ?? seen, seen)
                lastSeen = max(lastSeen ?? seen, seen)
            }
            return true
        }
        try flush()
        try db.execute(sql: "DELETE FROM temp.touchedIdentifier")
    }
}

/// Inserts one identifier's `identifierStats` row: used by the recount from the occurrences and by the
/// tallies of the identifiers an item created.
struct IdentifierStatsInsert {
    private let statement: BulkStatement

    init(_ db: Database) throws {
        statement = try BulkStatement(
            db, "INSERT INTO identifierStats(identifierId, occurrences, accounts, evidence, firstSeen, lastSeen) VALUES (?, ?, ?, ?, ?, ?)")
    }

    func callAsFunction(
        _ identifierId: Int64, occurrences: Int, accounts: Int, evidence: Int, firstSeen: Int64?, lastSeen: Int64?
    ) throws {
        statement.bind(1, identifierId)
        statement.bind(2, occurrences)
        statement.bind(3, accounts)
        statement.bind(4, evidence)
        statement.bind(5, firstSeen)
        statement.bind(6, lastSeen)
        try statement.execute()
    }
}

/// Writes one evidence item's rows with prepared statements, committing every `batchSize` records.
///
/// Used only inside `CaseStore.ingest`; not thread-safe (one writer).
public final class EvidenceWriter {
    let db: Database
    public let evidenceId: Int64
    let runId: Int64?
    public var batchSize = TestHooks.batchSize ?? 250_000
    /// How many account row ids the writer keeps at most (`remember(_:for:)`).
    public var maxCachedAccounts = 200_000
    static let searchHashSize = 8 << 20
    private var pending = 0
    public private(set) var recordCount = 0
    public private(set) var warningCount = 0
    /// Batches of this item committed so far (each of `batchSize` records).
    public private(set) var batchesCommitted = 0

    private let insertMember: Statement
    private let updateMember: Statement
    private let insertEvent: BulkStatement
    private let insertSearch: BulkStatement
    private let insertOccurrence: BulkStatement
    private let insertAttachment: BulkStatement
    private let insertWarning: BulkStatement
    private let findIdentifier: BulkStatement
    private let findAccount: BulkStatement
    private let insertAccount: BulkStatement
    private let insertEvidenceAccount: BulkStatement
    private let insertIdentifier: BulkStatement
    private let findFieldName: BulkStatement
    private let findShape: BulkStatement
    private let insertShape: BulkStatement
    /// `eventShape` ids (a few dozen to a few hundred in a case), and the four last used: a member's
    /// events mostly share a few shapes, and comparing with them costs less than hashing eight values
    /// (with the detail names) per event.
    private var shapeIds: [EventShape: Int64] = [:]
    private var recentShapes: [(shape: EventShape, id: Int64)] = []
    private let insertFieldName: BulkStatement
    /// `fieldName` ids by the name's bytes (a few dozen names in a case): a field name can carry an
    /// export's own label, and Swift's `==` equates spellings SQLite keeps apart (NFC and NFD, or `K`
    /// and U+212A KELVIN SIGN).
    private var fieldIds: [ExactText.Key<Int>: Int64] = [:]
    /// Keyed by bytes, as the tables' unique indexes compare (`ExactText.Key`): account and
    /// conversation keys come from export text, where canonically equivalent spellings are distinct.
    private var accountIds: [ExactText.Key<Platform>: Int64] = [:]
    private var accountsLinked: Set<Int64> = []
    private var conversationIds: [ExactText.Key<Platform>: Int64] = [:]
    private var identifierIds: [ExactText.Key<IdentifierKind>: Int64] = [:]
    /// True while `identifierIds` holds every identifier of the case: the case had none when this item
    /// began, and the cache was never emptied. An identifier it lacks is then new, and is inserted
    /// without a search first (112k identifiers on the medium bench archive, each a miss in the
    /// unique index before its insert).
    private var identifierIdsHoldAll: Bool
    /// Identifiers that had rows before this item and that it gave an occurrence to; their counts
    /// are recounted from the occurrences when it ends.
    private var touchedIdentifiers: Set<Int64> = []
    /// Counts of the identifiers this item created, kept as their occurrences are written: no other
    /// item has occurrences of them, so these are their whole counts and `finish` writes them without
    /// reading the occurrences again. Recounting every identifier of a case's first item was a fifth of
    /// the work left after the reading ended (0.46 s of the medium bench ingest's 2.7 s). Indexed by
    /// `id - firstCreatedIdentifier`: the ids this writer inserts follow one another.
    private var createdTallies: [IdentifierTally] = []
    private var firstCreatedIdentifier: Int64 = 0
    /// The accounts of a created identifier seen with more than one (1 % of them on the bench archives).
    private var createdAccounts: [Int64: Set<Int64>] = [:]

    /// `identifierStats` of a created identifier, as `Migrations.identifierStatsSelect` counts it
    /// (32 bytes: the large bench archive creates over half a million).
    struct IdentifierTally {
        var occurrences: UInt32 = 0
        /// Whether an occurrence had a time (`firstSeen` and `lastSeen` are then set).
        var seen = false
        /// The account of its occurrences: 0 for none yet, -1 for more than one (`createdAccounts`).
        var account: Int64 = 0
        var firstSeen: Int64 = 0
        var lastSeen: Int64 = 0
    }
    /// (account, source, identifier) triples already written to `accountIdentifier` in this item
    /// (bounded; a triple seen again after a reset costs one `INSERT OR IGNORE`).
    private var accountIdentifiersWritten: Set<AccountIdentifier> = []
    private let insertAccountIdentifier: BulkStatement

    private struct AccountIdentifier: Hashable {
        var accountId: Int64
        var source: IdentifierSource
        var identifierId: Int64
    }

    init(db: Database, evidenceId: Int64, runId: Int64?) throws {
        self.db = db
        self.evidenceId = evidenceId
        self.runId = runId
        identifierIdsHoldAll = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM identifier)") ?? false
        // FTS5 writes its pending terms out as a new segment each time they pass `hashsize` (1 MiB by
        // default), and later merges those segments. 8 MiB cut the index build for the medium bench
        // archive (400k texts) from 3.9 to 1.6 s in one transaction. The setting is stored in the
        // index's config table; queries do not use it.
        try db.execute(sql: "INSERT INTO eventSearch(eventSearch, rank) VALUES ('hashsize', ?)", arguments: [EvidenceWriter.searchHashSize])
        insertMember = try db.makeStatement(
            sql: """
                INSERT INTO member(id, evidenceId, parentMemberId, path, name, type, declaredSize, modifiedAt, status, pathFindings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reading', ?)
                """)
        updateMember = try db.makeStatement(
            sql: """
                UPDATE member SET size = ?, sha256 = ?, status = ?, parser = ?, parserVersion = ?, recordCount = ?,
                warningCount = ?, error = ? WHERE id = ?
                """)
        insertEvent = try BulkStatement(
            db, """
                INSERT INTO eventRow(evidenceId, memberId, locator, shapeId, occurredAt, timeRaw, actorAccountId, conversationId,
                text, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        findShape = try BulkStatement(
            db, """
                SELECT id FROM eventShape WHERE parser = ? AND parserVersion = ? AND platform = ? AND kind = ?
                AND timePrecision IS ? AND timeZoneSource IS ? AND detailKeys IS ? AND timeFormat IS ?
                """)
        insertShape = try BulkStatement(
            db, """
                INSERT INTO eventShape(parser, parserVersion, platform, kind, timePrecision, timeZoneSource, detailKeys, timeFormat)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertSearch = try BulkStatement(
            db, "INSERT INTO eventSearch(rowid, text) VALUES (?, ?)")
        insertOccurrence = try BulkStatement(
            db, """
                INSERT INTO identifierOccurrence(identifierId, rawValue, strength, source, fieldId, accountId, eventId,
                evidenceId, memberId, locator, observedAt, assumption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        findFieldName = try BulkStatement(db, "SELECT id FROM fieldName WHERE name = ?")
        insertFieldName = try BulkStatement(db, "INSERT INTO fieldName(name) VALUES (?)")
        insertAttachment = try BulkStatement(
            db, "INSERT INTO attachment(eventId, memberPath, reference, mediaType) VALUES (?, ?, ?, ?)")
        insertWarning = try BulkStatement(
            db, "INSERT INTO warning(evidenceId, memberId, runId, source, code, message, locator) VALUES (?, ?, ?, ?, ?, ?, ?)")
        findIdentifier = try BulkStatement(
            db, "SELECT id FROM identifier WHERE kind = ? AND value = ?")
        insertIdentifier = try BulkStatement(
            db, "INSERT INTO identifier(kind, value, notes) VALUES (?, ?, ?)")
        insertAccountIdentifier = try BulkStatement(
            db, "INSERT OR IGNORE INTO accountIdentifier(accountId, source, identifierId) VALUES (?, ?, ?)")
        findAccount = try BulkStatement(db, "SELECT id FROM account WHERE platform = ? AND accountKey = ?")
        insertAccount = try BulkStatement(
            db, "INSERT INTO account(platform, accountKey, platformUserId, handle, displayName) VALUES (?, ?, ?, ?, ?)")
        insertEvidenceAccount = try BulkStatement(
            db, """
                INSERT INTO evidenceAccount(evidenceId, accountId, isExportOwner, memberId, locator) VALUES (?, ?, 0, ?, ?)
                ON CONFLICT(evidenceId, accountId) DO NOTHING
                """)
    }

    private func tick() throws {
        recordCount += 1
        pending += 1
        if pending >= batchSize {
            try TestHooks.beforeCommit()
            try db.commit()
            batchesCommitted += 1
            try db.beginTransaction(.immediate)
            pending = 0
        }
    }

    // MARK: Members

    /// The first member row id this writer may assign itself (ids are handed out by the reading
    /// thread so that it never waits for the database; one ingest per case holds the ingest lock).
    public private(set) lazy var firstFreeMemberId: Int64 = {
        ((try? Int64.fetchOne(db, sql: "SELECT max(id) FROM member")) ?? nil).map { $0 + 1 } ?? 1
    }()

    /// Records a member as it starts being read; returns its row id (`id` when given).
    @discardableResult
    public func beginMember(
        id: Int64? = nil, storedPath: String, name: String, parentMemberId: Int64?, type: String, declaredSize: Int64?,
        modifiedAt: Int64?, pathFindings: [String]
    ) throws -> Int64 {
        try insertMember.execute(arguments: [
            id, evidenceId, parentMemberId, storedPath, name, type, declaredSize, modifiedAt, pathFindings.joined(separator: ","),
        ])
        return db.lastInsertedRowID
    }

    /// Records how a member ended.
    public func finishMember(
        _ id: Int64, size: Int64, sha256: String?, status: String, parser: String?, parserVersion: Int?, recordCount: Int,
        warningCount: Int, error: String?
    ) throws {
        try updateMember.execute(arguments: [size, sha256, status, parser, parserVersion, recordCount, warningCount, error, id])
    }

    // MARK: Records

    /// The row id of an account, creating or completing it.
    /// Runs a statement from GRDB's statement cache (prepared once per writer).
    private func run(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    private func fetchId(_ sql: String, _ arguments: StatementArguments) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    @discardableResult
    public func account(_ account: Account, memberId: Int64) throws -> Int64 {
        let id = try accountId(
            account.key, platformUserId: account.platformUserId, handle: account.handle, displayName: account.displayName)
        try run("""
                INSERT INTO evidenceAccount(evidenceId, accountId, isExportOwner, memberId, locator) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(evidenceId, accountId) DO UPDATE SET isExportOwner = max(isExportOwner, excluded.isExportOwner)
                """, [evidenceId, id, account.isExportOwner ? 1 : 0, memberId, account.provenance.locator])
        accountsLinked.insert(id)
        try tick()
        return id
    }

    func accountId(_ key: AccountKey, platformUserId: String? = nil, handle: String? = nil, displayName: String? = nil) throws -> Int64 {
        let cacheKey = ExactText.Key(key.platform, key.key)
        if let id = accountIds[cacheKey], platformUserId == nil, handle == nil, displayName == nil { return id }
        let userId = platformUserId ?? (key.key.hasPrefix("id:") ? String(key.key.dropFirst(3)) : nil)
        let handleValue = handle ?? (key.key.hasPrefix("handle:") ? String(key.key.dropFirst(7)) : nil)
        // Accounts named by identifiers (every mentioned user) come here by the thousand: bound on
        // prepared statements, and the update left out when it has nothing to add.
        findAccount.bind(1, key.platform.rawValue)
        findAccount.bind(2, key.key)
        if let id = try findAccount.fetchInt64() {
            if userId != nil || handleValue != nil || displayName != nil {
                try run("""
                        UPDATE account SET platformUserId = coalesce(?, platformUserId), handle = coalesce(?, handle),
                        displayName = coalesce(?, displayName) WHERE id = ?
                        """, [userId, handleValue, displayName, id])
            }
            remember(id, for: cacheKey)
            return id
        }
        insertAccount.bind(1, key.platform.rawValue)
        insertAccount.bind(2, key.key)
        insertAccount.bind(3, userId)
        insertAccount.bind(4, handleValue)
        insertAccount.bind(5, displayName)
        try insertAccount.execute()
        let id = db.lastInsertedRowID
        remember(id, for: cacheKey)
        return id
    }

    /// Caches an account's row id. The cache is bounded, as `identifierIds` is: an item can name an
    /// account per follower (800,000 in one Instagram list took 110 MB here), and an account it no
    /// longer holds is found by its unique index.
    private func remember(_ id: Int64, for key: ExactText.Key<Platform>) {
        if accountIds.count >= maxCachedAccounts { accountIds.removeAll(keepingCapacity: true) }
        accountIds[key] = id
    }

    private func linkAccount(_ id: Int64, memberId: Int64, locator: String) throws {
        guard accountsLinked.insert(id).inserted else { return }
        insertEvidenceAccount.bind(1, evidenceId)
        insertEvidenceAccount.bind(2, id)
        insertEvidenceAccount.bind(3, memberId)
        insertEvidenceAccount.bind(4, locator)
        try insertEvidenceAccount.execute()
    }

    public func conversation(_ conversation: Conversation, memberId: Int64) throws {
        let id = try conversationId(platform: conversation.platform, key: conversation.key, title: conversation.title)
        for participant in conversation.participants {
            let accountId = try accountId(participant)
            try linkAccount(accountId, memberId: memberId, locator: conversation.provenance.locator)
            try run("INSERT INTO conversationMember(conversationId, accountId) VALUES (?, ?) ON CONFLICT DO NOTHING", [id, accountId])
        }
        try tick()
    }

    private func conversationId(platform: Platform, key: String, title: String? = nil) throws -> Int64 {
        let cacheKey = ExactText.Key(platform, key)
        if let id = conversationIds[cacheKey], title == nil { return id }
        if let id = try fetchId("SELECT id FROM conversation WHERE platform = ? AND conversationKey = ?", [platform.rawValue, key]) {
            if let title { try run("UPDATE conversation SET title = ? WHERE id = ?", [title, id]) }
            conversationIds[cacheKey] = id
            return id
        }
        try run("INSERT INTO conversation(platform, conversationKey, title) VALUES (?, ?, ?)", [platform.rawValue, key, title])
        let id = db.lastInsertedRowID
        conversationIds[cacheKey] = id
        return id
    }

    /// Writes an event with its identifiers and attachments; returns the event id.
    @discardableResult
    public func event(
        _ event: Event, memberId: Int64, identifiers: [ResolvedIdentifier], details: StoredDetails? = nil
    ) throws -> Int64 {
        var actorId: Int64?
        if let actor = event.actor {
            actorId = try accountId(actor)
            try linkAccount(actorId!, memberId: memberId, locator: event.provenance.locator)
        }
        let conversation = try event.conversationKey.map { try conversationId(platform: event.platform, key: $0) }
        let details = details ?? StoredDetails(event)
        let time = event.occurredAt
        // A raw time the view writes again from the time itself is not stored (migration v6).
        let timeFormat = time.flatMap { TimeFormat.matching(raw: $0.raw, microseconds: $0.microseconds) }
        let shape = EventShape(
            parser: event.provenance.parser, parserVersion: event.provenance.parserVersion, platform: event.platform.rawValue,
            kind: event.kind.rawValue, timePrecision: time?.precision.rawValue, timeZoneSource: time?.zoneSource.rawValue,
            detailKeys: details.keys.map { ExactText.Key($0) }, timeFormat: timeFormat)
        insertEvent.bind(1, evidenceId)
        insertEvent.bind(2, memberId)
        insertEvent.bind(3, event.provenance.locator)
        insertEvent.bind(4, try shapeId(shape))
        insertEvent.bind(5, time?.microseconds)
        insertEvent.bind(6, timeFormat == nil ? time?.raw : nil)
        insertEvent.bind(7, actorId)
        insertEvent.bind(8, conversation)
        insertEvent.bind(9, event.text)
        insertEvent.bind(10, details.values)
        try insertEvent.execute()
        let eventId = db.lastInsertedRowID
        if let text = event.text, !text.isEmpty {
            insertSearch.bind(1, eventId)
            insertSearch.bind(2, text)
            try insertSearch.execute()
        }
        for attachment in event.attachments {
            insertAttachment.bind(1, eventId)
            insertAttachment.bind(2, attachment.memberPath)
            insertAttachment.bind(3, attachment.reference)
            insertAttachment.bind(4, attachment.mediaType)
            try insertAttachment.execute()
        }
        for identifier in identifiers {
            try occurrence(identifier, eventId: eventId, eventLocator: event.provenance.locator, memberId: memberId)
        }
        try tick()
        return eventId
    }

    /// How an event's details are stored (migration v6): the names, a JSON array, in the event's shape,
    /// and the values, a JSON array in the same order, in its row. The `event` view puts them together
    /// as the JSON object that v5 stored (`Migrations.detailsObject`).
    ///
    /// Details holding a character that SQLite's JSON functions write differently from `JSONText`
    /// (`JSONText.separated`) are stored as that object, with no names in the shape: the view must give
    /// back the bytes a v5 case stored.
    public struct StoredDetails: Sendable {
        /// The names as a JSON array, or nil when `values` is the whole object.
        public var keys: String?
        public var values: String

        public init(_ event: Event) {
            var names = JSONText.DetailNames()
            self.init(event, names: &names)
        }

        /// As `init(_:)`, reusing the names' array of the event before when the names are the same.
        public init(_ event: Event, names: inout JSONText.DetailNames) {
            if let separated = JSONText.separated(event.details, names: &names) {
                (keys, values) = separated
            } else {
                keys = nil
                values = JSONText.stringObject(event.details.map { ($0.name, $0.value) })
            }
        }
    }

    /// Writes an identifier that belongs to an account but to no event.
    public func identifier(_ identifier: ResolvedIdentifier, memberId: Int64) throws {
        try occurrence(identifier, eventId: nil, eventLocator: nil, memberId: memberId)
        try tick()
    }

    /// Writes an occurrence in the lean form of migration v5: the raw value and the locator are
    /// stored only where they differ from the identifier's value and the event's locator.
    private func occurrence(_ identifier: ResolvedIdentifier, eventId: Int64?, eventLocator: String?, memberId: Int64) throws {
        let identifierId = try identifierId(identifier.normalized)
        var accountId: Int64?
        if let key = identifier.observation.accountKey {
            accountId = try self.accountId(key)
            try linkAccount(accountId!, memberId: memberId, locator: identifier.locator)
        }
        let observation = identifier.observation
        tally(identifierId, accountId: accountId, observedAt: observation.observedAt?.microseconds)
        let statement = insertOccurrence
        statement.bind(1, identifierId)
        // Compared byte by byte, as SQLite compares: Swift's `==` equates canonically equivalent
        // strings (NFC and NFD), and the raw bytes must survive.
        let rawImplied = EvidenceWriter.rawValueIsImplied(observation.raw, by: identifier.normalized)
        statement.bind(2, rawImplied ? nil : observation.raw)
        statement.bind(3, identifier.isWeak ? "weak" : "exact")
        statement.bind(4, observation.source.rawValue)
        statement.bind(5, try fieldId(observation.field))
        statement.bind(6, accountId)
        statement.bind(7, eventId)
        statement.bind(8, evidenceId)
        statement.bind(9, memberId)
        let locatorImplied = eventId != nil && eventLocator.map { ExactText.equal(identifier.locator, $0) } == true
        statement.bind(10, locatorImplied ? nil : identifier.locator)
        statement.bind(11, observation.observedAt?.microseconds)
        statement.bind(12, identifier.assumption)
        try statement.execute()
        if let accountId {
            let triple = AccountIdentifier(accountId: accountId, source: observation.source, identifierId: identifierId)
            if accountIdentifiersWritten.insert(triple).inserted {
                if accountIdentifiersWritten.count > 100_000 { accountIdentifiersWritten = [triple] }
                insertAccountIdentifier.bind(1, accountId)
                insertAccountIdentifier.bind(2, observation.source.rawValue)
                insertAccountIdentifier.bind(3, identifierId)
                try insertAccountIdentifier.execute()
            }
        }
    }

    /// Whether an occurrence written `raw` is read back as `raw` with no raw value stored:
    /// `Migrations.impliedRawValue` in Swift (for a handle or user id, the value after its first
    /// colon, found byte by byte as SQLite's `instr` finds it; otherwise the value), compared byte by byte.
    static func rawValueIsImplied(_ raw: String, by identifier: NormalizedIdentifier) -> Bool {
        let value = identifier.value
        guard identifier.kind == .handle || identifier.kind == .userId,
            let colon = value.utf8.firstIndex(of: UInt8(ascii: ":"))
        else { return ExactText.equal(raw, value) }
        return ExactText.equal(raw, value, suffixOf: value.utf8.distance(from: value.utf8.startIndex, to: colon) + 1)
    }

    /// What `eventShape` holds: the values an event shares with many others (migration v5), and the
    /// names of its details and the format of its raw time (v6). Names are compared by their bytes:
    /// they can come from an export's labels.
    struct EventShape: Hashable {
        var parser: String
        var parserVersion: Int
        var platform: String
        var kind: String
        var timePrecision: String?
        var timeZoneSource: String?
        var detailKeys: ExactText.Key<Int>?
        var timeFormat: TimeFormat?

        /// Binds the eight values, in column order, to a statement's first eight parameters.
        func bind(to statement: BulkStatement) {
            statement.bind(1, parser)
            statement.bind(2, parserVersion)
            statement.bind(3, platform)
            statement.bind(4, kind)
            statement.bind(5, timePrecision)
            statement.bind(6, timeZoneSource)
            statement.bind(7, detailKeys?.text)
            statement.bind(8, timeFormat?.rawValue)
        }
    }

    private func shapeId(_ shape: EventShape) throws -> Int64 {
        // Most recently used first: tweets alternate between a few shapes (replies carry more details).
        if let index = recentShapes.firstIndex(where: { $0.shape == shape }) {
            let recent = recentShapes[index]
            if index > 0 {
                recentShapes.remove(at: index)
                recentShapes.insert(recent, at: 0)
            }
            return recent.id
        }
        let id = try shapeIds[shape]
            ?? findOrInsert(find: findShape, insert: insertShape, bindFind: shape.bind, bindInsert: shape.bind).id
        // Bounded: detail names can be an export's labels, so shapes are as many as the export makes.
        if shapeIds.count > 10_000 { shapeIds.removeAll(keepingCapacity: true) }
        shapeIds[shape] = id
        recentShapes.insert((shape, id), at: 0)
        if recentShapes.count > 4 { recentShapes.removeLast() }
        return id
    }

    private func fieldId(_ name: String) throws -> Int64 {
        let key = ExactText.Key(name)
        if let id = fieldIds[key] { return id }
        let bind = { (statement: BulkStatement) in statement.bind(1, name) }
        let id = try findOrInsert(find: findFieldName, insert: insertFieldName, bindFind: bind, bindInsert: bind).id
        fieldIds[key] = id
        return id
    }

    private func identifierId(_ identifier: NormalizedIdentifier) throws -> Int64 {
        // Keyed by the value's bytes, as the table's unique index compares them: a cache keyed by the
        // identifier itself merged canonically equivalent values the table keeps apart, and hashed
        // its notes (about 2,500 instructions a lookup on the small bench archive).
        let key = ExactText.Key(identifier.kind, identifier.value)
        if let id = identifierIds[key] { return id }
        let (id, inserted) = try findOrInsert(
            find: findIdentifier, insert: insertIdentifier, known: !identifierIdsHoldAll,
            bindFind: { statement in
                statement.bind(1, identifier.kind.rawValue)
                statement.bind(2, identifier.value)
            },
            bindInsert: { statement in
                statement.bind(1, identifier.kind.rawValue)
                statement.bind(2, identifier.value)
                statement.bind(3, identifier.notes.joined(separator: ","))
            })
        if inserted {
            if createdTallies.isEmpty { firstCreatedIdentifier = id }
            // An id out of sequence (not expected) is recounted at the end like an older identifier.
            if id == firstCreatedIdentifier + Int64(createdTallies.count) { createdTallies.append(IdentifierTally()) }
        }
        if identifierIds.count > 200_000 {
            identifierIds.removeAll(keepingCapacity: true)
            identifierIdsHoldAll = false
        }
        identifierIds[key] = id
        return id
    }

    /// Counts an occurrence of `identifierId`: in its tally when this item created it, otherwise by
    /// marking it for the recount at the end.
    private func tally(_ identifierId: Int64, accountId: Int64?, observedAt: Int64?) {
        let index = Int(identifierId - firstCreatedIdentifier)
        guard !createdTallies.isEmpty, identifierId >= firstCreatedIdentifier, index < createdTallies.count else {
            touchedIdentifiers.insert(identifierId)
            return
        }
        createdTallies[index].occurrences += 1
        if let accountId {
            switch createdTallies[index].account {
            case 0: createdTallies[index].account = accountId
            case accountId: break
            case -1: createdAccounts[identifierId, default: []].insert(accountId)
            case let first:
                createdAccounts[identifierId] = [first, accountId]
                createdTallies[index].account = -1
            }
        }
        if let observedAt {
            if createdTallies[index].seen {
                createdTallies[index].firstSeen = min(createdTallies[index].firstSeen, observedAt)
                createdTallies[index].lastSeen = max(createdTallies[index].lastSeen, observedAt)
            } else {
                createdTallies[index].seen = true
                createdTallies[index].firstSeen = observedAt
                createdTallies[index].lastSeen = observedAt
            }
        }
    }

    /// Writes the counts of the identifiers this item created (`createdTallies`).
    private func writeCreatedIdentifierStats() throws {
        let insert = try IdentifierStatsInsert(db)
        for (index, tally) in createdTallies.enumerated() where tally.occurrences > 0 {
            let id = firstCreatedIdentifier + Int64(index)
            let accounts = tally.account == -1 ? createdAccounts[id]?.count ?? 0 : tally.account == 0 ? 0 : 1
            try insert(
                id, occurrences: Int(tally.occurrences), accounts: accounts, evidence: 1,
                firstSeen: tally.seen ? tally.firstSeen : nil, lastSeen: tally.seen ? tally.lastSeen : nil)
        }
        createdTallies.removeAll()
        createdAccounts.removeAll()
    }

    /// The id of the row `find` finds, or of the row `insert` adds when there is none (`inserted`): the
    /// shared dictionary rows (shapes, field names, identifiers) that items look up before they insert.
    /// With `known` false the caller knows the row is not there and it is inserted first; should the
    /// table's unique index say otherwise, the row is found after all.
    private func findOrInsert(
        find: BulkStatement, insert: BulkStatement, known: Bool = true, bindFind: (BulkStatement) -> Void,
        bindInsert: (BulkStatement) -> Void
    ) throws -> (id: Int64, inserted: Bool) {
        if !known {
            bindInsert(insert)
            do {
                try insert.execute()
                return (db.lastInsertedRowID, true)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // Not expected; the statement alone was undone, and the row is looked up below.
            }
        }
        bindFind(find)
        if let existing = try find.fetchInt64() { return (existing, false) }
        bindInsert(insert)
        try insert.execute()
        return (db.lastInsertedRowID, true)
    }

    /// Records a warning or an archive finding.
    public func warning(source: String, code: String, message: String, locator: String, memberId: Int64?) throws {
        insertWarning.bind(1, evidenceId)
        insertWarning.bind(2, memberId)
        insertWarning.bind(3, runId)
        insertWarning.bind(4, source)
        insertWarning.bind(5, code)
        insertWarning.bind(6, message)
        insertWarning.bind(7, locator)
        try insertWarning.execute()
        warningCount += 1
        try tick()
    }

    /// The deferred indexes `finish` will build: those this item's ingest dropped (see
    /// `DeferredIndexes`), for a progress note.
    public var indexesToBuild: [String] { (try? DeferredIndexes.missing(db)) ?? [] }

    /// Builds the deferred indexes if they are missing, and commits the last batch together with the
    /// evidence's final status and counts.
    public func finish(status: EvidenceStatus, platforms: [Platform], endedAt: Int64) throws {
        try DeferredIndexes.ensure(db)
        try CaseStore.markTouched(touchedIdentifiers.sorted(), db)
        try CaseStore.refreshTouchedIdentifierStats(db)
        touchedIdentifiers.removeAll()
        try writeCreatedIdentifierStats()
        try db.execute(
            sql: """
                UPDATE evidence SET status = ?, platforms = ?, ingestEndedAt = ?,
                memberCount = (SELECT count(*) FROM member WHERE evidenceId = ?),
                recordCount = ?, warningCount = (SELECT count(*) FROM warning WHERE evidenceId = ?)
                WHERE id = ?
                """,
            arguments: [
                status.rawValue, platforms.map(\.rawValue).joined(separator: ","), endedAt, evidenceId, recordCount,
                evidenceId, evidenceId,
            ])
        try TestHooks.beforeCommit()
        try db.commit()
        pending = 0
    }
}

import EvidenceModel
import GRDB

/// An evidence item as stored.
public struct EvidenceRow: Sendable, Hashable {
    public var id: Int64
    public var sha256: String
    public var sha1: String
    public var md5: String
    public var size: Int64
    public var displayName: String
    public var sourcePath: String
    public var kind: String
    public var status: String
    public var platforms: String
    public var examiner: String?
    public var ingestStartedAt: Int64
    public var ingestEndedAt: Int64?
    public var memberCount: Int
    public var recordCount: Int
    public var warningCount: Int
}

/// Member counts of one evidence item by status.
public struct MemberSummary: Sendable, Hashable {
    public var parsed = 0, unparsed = 0, failed = 0, container = 0, skipped = 0
}

/// A member as stored.
public struct MemberRow: Sendable, Hashable {
    public var id: Int64
    public var path: String
    public var type: String
    public var size: Int64?
    public var sha256: String?
    public var parser: String?
    public var status: String
    public var recordCount: Int
    public var warningCount: Int
    public var error: String?
    /// Modification time from the archive header, µs; see `pathFindings` for `time-zone-unknown`.
    public var modifiedAt: Int64?
    /// Header findings stored with the member (`absolute`, `nul`, `time-zone-unknown`, ...).
    public var pathFindings: [String]
}

/// An account with its identifiers.
public struct AccountRow: Sendable, Hashable {
    public var id: Int64
    public var platform: String
    public var accountKey: String
    public var platformUserId: String?
    public var handle: String?
    public var displayName: String?
    public var isExportOwner: Bool
    /// Short hashes of the evidence items that mention the account.
    public var evidence: [String]
    public var eventCount: Int
    /// `kind:value` of the identifiers linked to the account, sorted.
    public var identifiers: [String]
}

/// An identifier with how often and where it occurs.
public struct IdentifierRow: Sendable, Hashable {
    public var id: Int64
    public var kind: String
    public var value: String
    public var notes: String
    public var occurrences: Int
    public var accounts: Int
    public var evidence: Int
    public var firstSeen: Int64?
    public var lastSeen: Int64?
}

/// One sighting of an identifier, with the provenance that proves it.
public struct OccurrenceRow: Sendable, Hashable {
    public var identifierKind: String
    public var identifierValue: String
    public var rawValue: String
    public var strength: String
    public var source: String
    public var field: String
    public var account: String?
    public var accountPlatform: String?
    public var eventId: Int64?
    public var observedAt: Int64?
    public var assumption: String?
    public var evidenceSHA256: String
    public var evidenceName: String
    public var memberPath: String
    public var locator: String
}

/// A warning count by code.
public struct WarningSummary: Sendable, Hashable {
    public var evidenceSHA256: String
    public var source: String
    public var code: String
    public var count: Int
}

extension CaseStore {
    public func evidenceList() throws -> [EvidenceRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM evidence ORDER BY id").map { row in
                EvidenceRow(
                    id: row["id"], sha256: row["sha256"], sha1: row["sha1"], md5: row["md5"], size: row["size"],
                    displayName: row["displayName"], sourcePath: row["sourcePath"], kind: row["kind"], status: row["status"],
                    platforms: row["platforms"], examiner: row["examiner"], ingestStartedAt: row["ingestStartedAt"],
                    ingestEndedAt: row["ingestEndedAt"], memberCount: row["memberCount"], recordCount: row["recordCount"],
                    warningCount: row["warningCount"])
            }
        }
    }

    public func memberSummary(evidenceId: Int64) throws -> MemberSummary {
        try read { db in
            var summary = MemberSummary()
            for row in try Row.fetchAll(
                db, sql: "SELECT status, count(*) AS n FROM member WHERE evidenceId = ? GROUP BY status", arguments: [evidenceId])
            {
                let count: Int = row["n"]
                switch row["status"] as String {
                case "parsed": summary.parsed = count
                case "unparsed": summary.unparsed = count
                case "failed", "reading": summary.failed += count
                case "container": summary.container = count
                default: summary.skipped += count
                }
            }
            return summary
        }
    }

    public func members(evidenceId: Int64, status: String? = nil) throws -> [MemberRow] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM member WHERE evidenceId = ? AND (? IS NULL OR status = ?) ORDER BY path, id",
                arguments: [evidenceId, status, status]
            ).map { row in
                MemberRow(
                    id: row["id"], path: row["path"], type: row["type"], size: row["size"], sha256: row["sha256"],
                    parser: row["parser"], status: row["status"], recordCount: row["recordCount"],
                    warningCount: row["warningCount"], error: row["error"], modifiedAt: row["modifiedAt"],
                    pathFindings: (row["pathFindings"] as String).split(separator: ",").map(String.init))
            }
        }
    }

    /// Record counts of one evidence item by event kind.
    public func eventKindCounts(evidenceId: Int64) throws -> [(kind: String, count: Int)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT kind, count(*) AS n FROM event WHERE evidenceId = ? GROUP BY kind ORDER BY kind",
                arguments: [evidenceId]
            ).map { ($0["kind"], $0["n"]) }
        }
    }

    public func warningSummary() throws -> [WarningSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.sha256, w.source, w.code, count(*) AS n FROM warning w JOIN evidence v ON v.id = w.evidenceId
                    GROUP BY v.sha256, w.source, w.code ORDER BY v.id, w.source, w.code
                    """
            ).map { WarningSummary(evidenceSHA256: $0["sha256"], source: $0["source"], code: $0["code"], count: $0["n"]) }
        }
    }

    public func accounts(platform: String? = nil, limit: Int = 0) throws -> [AccountRow] {
        try read { db in
            // Event counts come from one pass over the actor index; per-account subqueries were
            // quadratic on cases with tens of thousands of accounts.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    WITH counts AS (SELECT actorAccountId AS accountId, count(*) AS n FROM eventRow
                        WHERE actorAccountId IS NOT NULL GROUP BY actorAccountId),
                    owners AS (SELECT accountId, max(isExportOwner) AS owner FROM evidenceAccount GROUP BY accountId)
                    SELECT a.*, coalesce(o.owner, 0) AS owner, coalesce(c.n, 0) AS events,
                    (SELECT group_concat(substr(v.sha256, 1, 8), ',') FROM (SELECT DISTINCT evidenceId FROM evidenceAccount
                        WHERE accountId = a.id ORDER BY evidenceId) x JOIN evidence v ON v.id = x.evidenceId) AS evidence
                    FROM account a LEFT JOIN counts c ON c.accountId = a.id LEFT JOIN owners o ON o.accountId = a.id
                    WHERE (? IS NULL OR a.platform = ?)
                    ORDER BY owner DESC, events DESC, a.platform, a.accountKey
                    \(limit > 0 ? "LIMIT \(limit)" : "")
                    """, arguments: [platform, platform])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let identifiers = try String.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT i.kind || ':' || i.value FROM (SELECT identifierId FROM accountIdentifier
                                WHERE accountId = ? AND source = 'structured') o JOIN identifier i ON i.id = o.identifierId
                            ORDER BY 1
                            """), arguments: [id])
                let evidence: String? = row["evidence"]
                return AccountRow(
                    id: id, platform: row["platform"], accountKey: row["accountKey"], platformUserId: row["platformUserId"],
                    handle: row["handle"], displayName: row["displayName"], isExportOwner: (row["owner"] as Int) != 0,
                    evidence: evidence.map { $0.split(separator: ",").map(String.init) } ?? [], eventCount: row["events"],
                    identifiers: identifiers)
            }
        }
    }

    /// Identifiers with their counts; `sharedOnly` keeps those seen with 2+ accounts or 2+ evidence items.
    public func identifiers(kind: String? = nil, sharedOnly: Bool = false, values: [NormalizedIdentifier] = [], limit: Int = 0) throws -> [IdentifierRow] {
        var arguments: StatementArguments = [kind, kind]
        var valueClause = ""
        if !values.isEmpty {
            // Resolve the candidates through the (kind, value) unique index first; an OR of pairs in
            // the main query would scan every identifier.
            let ids: [Int64] = try read { db in
                try values.compactMap { value in
                    try Int64.fetchOne(
                        db, sql: "SELECT id FROM identifier WHERE kind = ? AND value = ?",
                        arguments: [value.kind.rawValue, value.value])
                }
            }
            if ids.isEmpty { return [] }
            valueClause = " AND i.id IN (" + Array(repeating: "?", count: ids.count).joined(separator: ",") + ")"
            _ = arguments.append(contentsOf: StatementArguments(ids))
        }
        // Counts come from identifierStats (kept by the writer); the shared condition is spelled as
        // the partial index identifierStats_shared is, so SQLite reads that index alone.
        let sql = """
            SELECT i.id, i.kind, i.value, i.notes, s.occurrences, s.accounts, s.evidence, s.firstSeen, s.lastSeen
            FROM identifierStats s JOIN identifier i ON i.id = s.identifierId
            WHERE (? IS NULL OR i.kind = ?)\(valueClause)\(sharedOnly ? " AND (s.accounts >= 2 OR s.evidence >= 2)" : "")
            ORDER BY \(sharedOnly ? "s.accounts DESC, s.evidence DESC, s.occurrences DESC," : "") i.kind, i.value
            \(limit > 0 ? "LIMIT \(limit)" : "")
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                IdentifierRow(
                    id: row[0], kind: row[1], value: row[2], notes: row[3], occurrences: row[4],
                    accounts: row[5], evidence: row[6], firstSeen: row[7], lastSeen: row[8])
            }
        }
    }

    /// What all occurrences of an identifier say together, without reading each one.
    public struct OccurrenceSummary: Sendable, Hashable {
        /// `platform:@handle` (or user id, or account key) of every linked account, sorted.
        public var accounts: [String]
        /// SHA-256 of every evidence item it occurs in, sorted.
        public var evidence: [String]
        public var hasStructured: Bool
        public var allWeak: Bool

        public init(accounts: [String], evidence: [String], hasStructured: Bool, allWeak: Bool) {
            self.accounts = accounts
            self.evidence = evidence
            self.hasStructured = hasStructured
            self.allWeak = allWeak
        }
    }

    /// Summaries of several identifiers (in the order given), read in one snapshot. The distinct
    /// accounts and evidence items come from seeks in the index (identifierId, accountId, evidenceId,
    /// …), one per distinct value, so an identifier with 100k occurrences in one account and one
    /// evidence item costs a few seeks, not a walk over 100k entries.
    public func occurrenceSummaries(identifierIds: [Int64]) throws -> [OccurrenceSummary] {
        try read { db in
            let accountName = try db.cachedStatement(
                sql: "SELECT platform || ':' || coalesce('@' || handle, platformUserId, accountKey) FROM account WHERE id = ?")
            let evidenceHash = try db.cachedStatement(sql: "SELECT sha256 FROM evidence WHERE id = ?")
            let structured = try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM identifierOccurrence WHERE identifierId = ? AND source = 'structured')")
            let strong = try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM identifierOccurrence WHERE identifierId = ? AND strength <> 'weak')")
            let scanAccounts = try db.cachedStatement(
                sql: "SELECT DISTINCT accountId FROM identifierOccurrence WHERE identifierId = ? AND accountId IS NOT NULL")
            let scanEvidence = try db.cachedStatement(sql: "SELECT DISTINCT evidenceId FROM identifierOccurrence WHERE identifierId = ?")
            return try identifierIds.map { id in
                let accountIds: Set<Int64>
                let evidenceIds: Set<Int64>
                if try CaseStore.seekingPays(db, identifierId: id) {
                    let groups = try CaseStore.occurrenceGroups(db, identifierId: id)
                    accountIds = Set(groups.compactMap(\.accountId))
                    evidenceIds = Set(groups.map(\.evidenceId))
                } else {
                    accountIds = Set(try Int64.fetchAll(scanAccounts, arguments: [id]))
                    evidenceIds = Set(try Int64.fetchAll(scanEvidence, arguments: [id]))
                }
                return OccurrenceSummary(
                    accounts: Array(Set(try accountIds.compactMap { try String.fetchOne(accountName, arguments: [$0]) })).sorted(),
                    evidence: Array(Set(try evidenceIds.compactMap { try String.fetchOne(evidenceHash, arguments: [$0]) })).sorted(),
                    hasStructured: try Bool.fetchOne(structured, arguments: [id]) ?? false,
                    allWeak: !(try Bool.fetchOne(strong, arguments: [id]) ?? true))
            }
        }
    }

    /// Whether seeking per (account, evidence) group reads less than walking all of an identifier's
    /// index entries: true when its occurrences far outnumber its groups (the owner's handle, 84k
    /// occurrences in one group), false for the many small shared identifiers, where a walk is cheaper
    /// than a statement per group. Decided from `identifierStats`.
    static func seekingPays(_ db: Database, identifierId: Int64) throws -> Bool {
        let stats = try db.cachedStatement(sql: "SELECT occurrences, accounts, evidence FROM identifierStats WHERE identifierId = ?")
        guard let row = try Row.fetchOne(stats, arguments: [identifierId]) else { return false }
        let occurrences: Int64 = row[0], accounts: Int64 = row[1], evidence: Int64 = row[2]
        return occurrences > 256 * (accounts + 1) * max(evidence, 1)
    }

    /// The distinct (account, evidence item) pairs an identifier occurs with, found by seeking in
    /// `occurrence_identifier` (identifierId, accountId, evidenceId, observedAt): one seek per pair.
    static func occurrenceGroups(_ db: Database, identifierId: Int64) throws -> [(accountId: Int64?, evidenceId: Int64)] {
        let nextAccount = try db.cachedStatement(
            sql: """
                SELECT accountId FROM identifierOccurrence WHERE identifierId = ? AND accountId > ?
                ORDER BY accountId LIMIT 1
                """)
        let nextEvidence = try db.cachedStatement(
            sql: """
                SELECT evidenceId FROM identifierOccurrence WHERE identifierId = ? AND accountId = ? AND evidenceId > ?
                ORDER BY evidenceId LIMIT 1
                """)
        let nextEvidenceWithoutAccount = try db.cachedStatement(
            sql: """
                SELECT evidenceId FROM identifierOccurrence WHERE identifierId = ? AND accountId IS NULL AND evidenceId > ?
                ORDER BY evidenceId LIMIT 1
                """)
        var groups: [(accountId: Int64?, evidenceId: Int64)] = []
        var evidence = Int64.min
        while let next = try Int64.fetchOne(nextEvidenceWithoutAccount, arguments: [identifierId, evidence]) {
            groups.append((nil, next))
            evidence = next
        }
        var account = Int64.min
        while let nextAccountId = try Int64.fetchOne(nextAccount, arguments: [identifierId, account]) {
            account = nextAccountId
            evidence = Int64.min
            while let next = try Int64.fetchOne(nextEvidence, arguments: [identifierId, account, evidence]) {
                groups.append((account, next))
                evidence = next
            }
        }
        return groups
    }

    /// The ids of an identifier's first `limit` occurrences, oldest first (untimed last), merged
    /// from the first `limit` of each (account, evidence) group, which the index keeps in time order.
    static func firstOccurrenceIds(_ db: Database, identifierId: Int64, limit: Int) throws -> [Int64] {
        let timed = try db.cachedStatement(
            sql: """
                SELECT observedAt, id FROM identifierOccurrence WHERE identifierId = ? AND accountId IS ? AND evidenceId = ?
                AND observedAt IS NOT NULL ORDER BY observedAt, id LIMIT ?
                """)
        let untimed = try db.cachedStatement(
            sql: """
                SELECT id FROM identifierOccurrence WHERE identifierId = ? AND accountId IS ? AND evidenceId = ?
                AND observedAt IS NULL ORDER BY id LIMIT ?
                """)
        var timedRows: [(Int64, Int64)] = []
        var untimedIds: [Int64] = []
        for group in try occurrenceGroups(db, identifierId: identifierId) {
            let arguments: StatementArguments = [identifierId, group.accountId, group.evidenceId, limit]
            timedRows += try Row.fetchAll(timed, arguments: arguments).map { ($0[0], $0[1]) }
            untimedIds += try Int64.fetchAll(untimed, arguments: arguments)
        }
        let ordered = timedRows.sorted { $0 < $1 }.map(\.1) + untimedIds.sorted()
        return Array(ordered.prefix(limit))
    }

    /// The occurrences of several identifiers (in the order given), oldest first, at most `limit`
    /// each (0: all), read in one snapshot.
    public func occurrences(identifierIds: [Int64], limit: Int = 0) throws -> [[OccurrenceRow]] {
        try read { db in
            // Run once per listed identifier by `correlate`: a cached statement and columns read by
            // position (a lookup by name folds case on every call). The occurrences to list are picked
            // by seeks in the index (`firstOccurrenceIds`), so an identifier with 100k occurrences reads 20 rows.
            let statement = try db.cachedStatement(
                sql: """
                    WITH listed AS (SELECT value AS id FROM json_each(?))
                    SELECT i.kind, i.value, COALESCE(o.rawValue, \(Migrations.impliedRawValue)), o.strength, o.source, f.name, o.eventId, o.observedAt,
                    o.assumption, COALESCE(o.locator, e.locator), a.handle, a.platformUserId, a.accountKey, a.platform AS accountPlatform,
                    v.sha256, v.displayName, m.path
                    FROM listed JOIN identifierOccurrence o ON o.id = listed.id JOIN identifier i ON i.id = o.identifierId
                    JOIN fieldName f ON f.id = o.fieldId LEFT JOIN eventRow e ON e.id = o.eventId
                    LEFT JOIN account a ON a.id = o.accountId
                    JOIN evidence v ON v.id = o.evidenceId JOIN member m ON m.id = o.memberId
                    ORDER BY o.observedAt IS NULL, o.observedAt, o.id
                    """)
            return try identifierIds.map { identifierId in
                let ids: [Int64]
                if limit > 0, try CaseStore.seekingPays(db, identifierId: identifierId) {
                    ids = try CaseStore.firstOccurrenceIds(db, identifierId: identifierId, limit: limit)
                } else {
                    ids = try Int64.fetchAll(
                        db.cachedStatement(
                            sql: """
                                SELECT id FROM identifierOccurrence WHERE identifierId = ?
                                ORDER BY observedAt IS NULL, observedAt, id LIMIT ?
                                """), arguments: [identifierId, limit > 0 ? limit : -1])
                }
                return try Row.fetchAll(statement, arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
                    .map(OccurrenceRow.init(positional:))
            }
        }
    }
}

extension OccurrenceRow {
    /// A row of the `occurrences` query, by column position.
    init(positional row: Row) {
        let handle: String? = row[10]
        let userId: String? = row[11]
        let key: String? = row[12]
        self.init(
            identifierKind: row[0], identifierValue: row[1], rawValue: row[2],
            strength: row[3], source: row[4], field: row[5],
            account: handle.map { "@" + $0 } ?? userId ?? key, accountPlatform: row[13],
            eventId: row[6], observedAt: row[7], assumption: row[8],
            evidenceSHA256: row[14], evidenceName: row[15], memberPath: row[16],
            locator: row[9])
    }
}

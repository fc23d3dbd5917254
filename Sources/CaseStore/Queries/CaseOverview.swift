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
                    WITH counts AS (SELECT actorAccountId AS accountId, count(*) AS n FROM event
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
                    db,
                    sql: """
                        SELECT DISTINCT i.kind || ':' || i.value FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId
                        WHERE o.accountId = ? AND o.source = 'structured' ORDER BY 1
                        """, arguments: [id])
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
        let sql = """
            SELECT i.id, i.kind, i.value, i.notes, count(*) AS occurrences, count(DISTINCT o.accountId) AS accounts,
            count(DISTINCT o.evidenceId) AS evidence, min(o.observedAt) AS firstSeen, max(o.observedAt) AS lastSeen
            FROM identifier i JOIN identifierOccurrence o ON o.identifierId = i.id
            WHERE (? IS NULL OR i.kind = ?)\(valueClause)
            GROUP BY i.id
            \(sharedOnly ? "HAVING count(DISTINCT o.accountId) >= 2 OR count(DISTINCT o.evidenceId) >= 2" : "")
            ORDER BY \(sharedOnly ? "accounts DESC, evidence DESC, occurrences DESC," : "") i.kind, i.value
            \(limit > 0 ? "LIMIT \(limit)" : "")
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                IdentifierRow(
                    id: row["id"], kind: row["kind"], value: row["value"], notes: row["notes"], occurrences: row["occurrences"],
                    accounts: row["accounts"], evidence: row["evidence"], firstSeen: row["firstSeen"], lastSeen: row["lastSeen"])
            }
        }
    }

    /// Every occurrence of an identifier, oldest first, with provenance.
    public func occurrences(identifierId: Int64) throws -> [OccurrenceRow] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT i.kind, i.value, o.rawValue, o.strength, o.source, o.field, o.eventId, o.observedAt, o.assumption,
                    o.locator, a.handle, a.platformUserId, a.accountKey, a.platform AS accountPlatform,
                    v.sha256, v.displayName, m.path
                    FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId
                    LEFT JOIN account a ON a.id = o.accountId
                    JOIN evidence v ON v.id = o.evidenceId JOIN member m ON m.id = o.memberId
                    WHERE o.identifierId = ? ORDER BY o.observedAt IS NULL, o.observedAt, o.id
                    """, arguments: [identifierId]
            ).map { row in
                let handle: String? = row["handle"]
                let userId: String? = row["platformUserId"]
                let key: String? = row["accountKey"]
                return OccurrenceRow(
                    identifierKind: row["kind"], identifierValue: row["value"], rawValue: row["rawValue"],
                    strength: row["strength"], source: row["source"], field: row["field"],
                    account: handle.map { "@" + $0 } ?? userId ?? key, accountPlatform: row["accountPlatform"],
                    eventId: row["eventId"], observedAt: row["observedAt"], assumption: row["assumption"],
                    evidenceSHA256: row["sha256"], evidenceName: row["displayName"], memberPath: row["path"],
                    locator: row["locator"])
            }
        }
    }
}

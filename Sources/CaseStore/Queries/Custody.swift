import EvidenceModel
import Foundation
import GRDB

/// One command run as the audit log keeps it.
public struct RunRow: Sendable, Hashable {
    public var id: Int64
    public var toolVersion: String
    /// `ingest`, `tag`, `verify`, ...
    public var command: String
    /// The arguments as typed, after the program name.
    public var arguments: [String]
    public var examiner: String?
    public var startedAt: Int64
    /// Nil while the run is going on, or when it was killed before it could record its end.
    public var endedAt: Int64?
    public var exitStatus: Int32?
    /// Counts as JSON text (`{"ok":2,"changed":0,"missing":0}`), when the command recorded any.
    public var summary: String?
}

/// An examiner's tag on an event, with the event it marks.
public struct TagRow: Sendable, Hashable {
    public var id: Int64
    public var eventId: Int64
    public var label: String
    public var note: String?
    public var examiner: String?
    public var createdAt: Int64
    public var runId: Int64?
    public var event: EventRow
}

/// The outcome of re-hashing one evidence item.
public enum VerificationResult: String, Sendable, Hashable, CaseIterable {
    /// The file is there and its SHA-256 equals the one recorded at ingest.
    case ok = "OK"
    /// The file is there but its SHA-256 differs (or it can no longer be read as the same kind).
    case changed = "CHANGED"
    /// No file at the path checked.
    case missing = "MISSING"
}

/// One verification of one evidence item.
public struct VerificationRow: Sendable, Hashable {
    public var id: Int64
    public var runId: Int64?
    public var evidenceId: Int64
    public var evidenceSHA256: String
    public var evidenceName: String
    public var checkedAt: Int64
    public var result: VerificationResult
    /// The SHA-256 computed now (nil when the file is missing).
    public var observedSHA256: String?
    /// The path that was re-hashed.
    public var path: String
}

/// A conversation with its participants, for interchange exports.
public struct ConversationRow: Sendable, Hashable {
    public var id: Int64
    public var platform: String
    public var conversationKey: String
    public var title: String?
    /// Account row ids, ascending.
    public var participantIds: [Int64]
}

extension CaseStore {
    // MARK: - Audit log

    /// Every run, oldest first.
    public func runs() throws -> [RunRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map { row in
                let argumentsText: String = row["arguments"]
                let arguments =
                    (try? JSONSerialization.jsonObject(with: Data(argumentsText.utf8))) as? [String] ?? [argumentsText]
                return RunRow(
                    id: row["id"], toolVersion: row["toolVersion"], command: row["command"], arguments: arguments,
                    examiner: row["examiner"], startedAt: row["startedAt"], endedAt: row["endedAt"],
                    exitStatus: row["exitStatus"], summary: row["summary"])
            }
        }
    }

    // MARK: - Tags

    /// One event by id, with provenance; nil when there is none.
    public func event(id: Int64) throws -> EventRow? {
        var filter = EventFilter()
        filter.eventIds = [id]
        return try timeline(filter).first
    }

    /// Tags an event; returns the tag id.
    ///
    /// - Throws: `StoreError` `.notFound` when no event has this id.
    @discardableResult
    public func tag(eventId: Int64, label: String, note: String?, examiner: String?, createdAt: Int64, runId: Int64?)
        throws -> Int64
    {
        do {
            return try pool.write { db in
                guard try Int64.fetchOne(db, sql: "SELECT id FROM eventRow WHERE id = ?", arguments: [eventId]) != nil
                else {
                    throw StoreError(
                        .notFound,
                        "no event with id \(eventId) in this case – take the id from 'casebook search' or 'casebook timeline'"
                    )
                }
                try db.execute(
                    sql: "INSERT INTO tag(eventId, label, note, examiner, createdAt, runId) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [eventId, label, note, examiner, createdAt, runId])
                return db.lastInsertedRowID
            }
        } catch { throw CaseStore.map(error, context: "cannot record the tag") }
    }

    /// Every tag with its event, in event time order (events without a time last), then tag order.
    public func tags() throws -> [TagRow] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tag ORDER BY eventId, id").map {
                row -> (Int64, Int64, String, String?, String?, Int64, Int64?) in
                (row["id"], row["eventId"], row["label"], row["note"], row["examiner"], row["createdAt"], row["runId"])
            }
        }
        guard !rows.isEmpty else { return [] }
        var filter = EventFilter()
        filter.taggedOnly = true
        let events = try timeline(filter)
        let order = Dictionary(uniqueKeysWithValues: events.enumerated().map { ($0.element.id, $0.offset) })
        let byId = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
        return rows.compactMap { row -> TagRow? in
            guard let event = byId[row.1] else { return nil }
            return TagRow(
                id: row.0, eventId: row.1, label: row.2, note: row.3, examiner: row.4, createdAt: row.5, runId: row.6,
                event: event)
        }.sorted { (order[$0.eventId] ?? 0, $0.id) < (order[$1.eventId] ?? 0, $1.id) }
    }

    // MARK: - Verification

    /// Records the result of re-hashing one evidence item.
    public func recordVerification(
        runId: Int64?, evidenceId: Int64, checkedAt: Int64, result: VerificationResult, observedSHA256: String?,
        path: String
    ) throws {
        do {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO verification(runId, evidenceId, checkedAt, result, observedSHA256, path)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [runId, evidenceId, checkedAt, result.rawValue, observedSHA256, path])
            }
        } catch { throw CaseStore.map(error, context: "cannot record the verification") }
    }

    /// Verification results, oldest first; `latestOnly` keeps the newest result per evidence item.
    public func verifications(latestOnly: Bool = false) throws -> [VerificationRow] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, v.sha256, v.displayName FROM verification r JOIN evidence v ON v.id = r.evidenceId
                    \(latestOnly ? "WHERE r.id = (SELECT max(id) FROM verification WHERE evidenceId = r.evidenceId)" : "")
                    ORDER BY \(latestOnly ? "r.evidenceId, " : "")r.id
                    """
            ).map { row in
                VerificationRow(
                    id: row["id"], runId: row["runId"], evidenceId: row["evidenceId"], evidenceSHA256: row["sha256"],
                    evidenceName: row["displayName"], checkedAt: row["checkedAt"],
                    result: VerificationResult(rawValue: row["result"]) ?? .changed,
                    observedSHA256: row["observedSHA256"],
                    path: row["path"])
            }
        }
    }

    // MARK: - Whole-case reading for reports and exports

    /// Number of events matching a filter (its limit is ignored).
    public func eventCount(_ filter: EventFilter) throws -> Int {
        var arguments = StatementArguments()
        var unlimited = filter
        unlimited.limit = 0
        let clauses = CaseStore.whereClause(unlimited, arguments: &arguments)
        // The `event` view joins each row to its shape, which SQLite keeps in a count; without a
        // platform or kind filter the count reads `eventRow` alone (an index, not every row).
        let table = filter.platforms.isEmpty && filter.kinds.isEmpty ? "eventRow" : "event"
        let sql = "SELECT count(*) FROM \(table) e \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))"
        return try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Time and platform of every timed event matching a filter, for charts (its limit is ignored).
    public func eventTimes(_ filter: EventFilter) throws -> [(occurredAt: Int64, platform: String)] {
        var arguments = StatementArguments()
        var unlimited = filter
        unlimited.limit = 0
        let clauses = ["e.occurredAt IS NOT NULL"] + CaseStore.whereClause(unlimited, arguments: &arguments)
        let sql =
            "SELECT e.occurredAt, e.platform FROM event e WHERE \(clauses.joined(separator: " AND ")) ORDER BY e.occurredAt, e.id"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0["occurredAt"], $0["platform"]) }
        }
    }

    /// Every conversation with its participants, by platform and key.
    public func conversations() throws -> [ConversationRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conversation ORDER BY platform, conversationKey, id").map { row in
                let id: Int64 = row["id"]
                let participants = try Int64.fetchAll(
                    db, sql: "SELECT accountId FROM conversationMember WHERE conversationId = ? ORDER BY accountId",
                    arguments: [id])
                return ConversationRow(
                    id: id, platform: row["platform"], conversationKey: row["conversationKey"], title: row["title"],
                    participantIds: participants)
            }
        }
    }

    /// Where each account was seen: one entry per evidence item (the member and locator of its first
    /// sighting there), keyed by account id, in evidence order.
    public func accountSightings() throws -> [Int64: [SightingRow]] {
        try read { db in
            var result: [Int64: [SightingRow]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT x.accountId, v.sha256, v.displayName, coalesce(m.path, '') AS path, x.locator
                    FROM evidenceAccount x JOIN evidence v ON v.id = x.evidenceId LEFT JOIN member m ON m.id = x.memberId
                    ORDER BY x.accountId, x.evidenceId
                    """)
            {
                result[row["accountId"], default: []].append(
                    SightingRow(
                        evidenceSHA256: row["sha256"], evidenceName: row["displayName"], memberPath: row["path"],
                        locator: row["locator"]))
            }
            return result
        }
    }

    /// Members read per parser and version across the case, by parser then version.
    public func parserUsage() throws -> [(parser: String, version: Int, members: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT parser, parserVersion, count(*) AS n FROM member WHERE parser IS NOT NULL
                    GROUP BY parser, parserVersion ORDER BY parser, parserVersion
                    """
            ).map { ($0["parser"], $0["parserVersion"] ?? 0, $0["n"]) }
        }
    }
}

/// Where an account was seen in one evidence item.
public struct SightingRow: Sendable, Hashable {
    public var evidenceSHA256: String
    public var evidenceName: String
    public var memberPath: String
    public var locator: String
}
